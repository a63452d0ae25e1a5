/**
 * @module Tells screen-reader and keyboard users that a link changed the page: after a route change
 * (not the first page load), focus moves to the new page's heading, which reads its name. The heading
 * takes focus only by script (tabindex -1).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { PAGE_TITLE_ID } from './skip-link.tsx';

export function RouteFocus() {
  const { path } = useLocation();
  const previous = useRef(path);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }, [path]);
  return null;
}

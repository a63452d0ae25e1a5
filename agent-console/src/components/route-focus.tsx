/**
 * @module Tells screen-reader and keyboard users that a link changed the page: after a route change
 * (not the first page load, unless `onMount` asks: right after signing in), focus moves to the new
 * page's heading, which reads its name. The heading takes focus only by script (tabindex -1).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { PAGE_TITLE_ID } from './skip-link.tsx';

export function RouteFocus({ onMount = false }: { onMount?: boolean }) {
  const { path } = useLocation();
  const previous = useRef(path);
  useEffect(() => {
    if (onMount) document.getElementById(PAGE_TITLE_ID)?.focus();
    // once, when the signed-in pages appear
  }, []);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }, [path]);
  return null;
}

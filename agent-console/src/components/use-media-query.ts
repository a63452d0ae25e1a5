/**
 * @module Whether a CSS media query matches now, kept current: the inbox shows the visitor panel beside
 * the conversation on a wide screen and behind a toggle on a tablet.
 */
import { useEffect, useState } from 'preact/hooks';

/** `fallback`: the answer where the environment has no matchMedia (jsdom in tests). */
export function useMediaQuery(query: string, fallback = false): boolean {
  const [matches, setMatches] = useState(() =>
    typeof matchMedia === 'function' ? matchMedia(query).matches : fallback,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = (): void => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

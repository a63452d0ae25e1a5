/**
 * @module A person's face: their picture when it is a plain http(s) URL, else their initial on the
 * accent's soft shade. Decorative: the name is always written beside it.
 */
import type { JSX } from 'preact';

export function Avatar({
  name,
  url,
  class: extra,
}: {
  name: string;
  url?: string | null;
  class?: string;
}): JSX.Element {
  const className = extra ? `avatar ${extra}` : 'avatar';
  return url && /^https?:\/\//i.test(url) ? (
    <img class={className} src={url} alt="" aria-hidden="true" />
  ) : (
    <span class={className} aria-hidden="true">
      {name.charAt(0).toUpperCase()}
    </span>
  );
}

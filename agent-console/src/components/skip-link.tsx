/**
 * @module The first Tab stop of every signed-in page: jumps past the top bar to the page's heading
 * (`#page-title`). Focus is moved by hand rather than by the URL's hash, which the router would treat
 * as a navigation.
 */
export const PAGE_TITLE_ID = 'page-title';

export function SkipLink({ label }: { label: string }) {
  return (
    <a
      class="skip-link"
      href={`#${PAGE_TITLE_ID}`}
      onClick={(event) => {
        const target = document.getElementById(PAGE_TITLE_ID);
        if (!target) return;
        event.preventDefault();
        event.stopPropagation();
        target.focus();
      }}
    >
      {label}
    </a>
  );
}

/**
 * @module The admins' settings pages behind one "Admin" button at the end of the console's pages:
 * there are more of them than the top bar holds, and they are visited now and then, not all day.
 * A disclosure over ordinary links, reached with Tab, like the agent's menu (use-disclosure.ts): Escape
 * and a click outside close it, and so does following one of its links or tabbing out of it.
 * While one of its pages is open the button is marked like a current link, and the link inside carries
 * aria-current.
 */
import { useDisclosure } from './use-disclosure.ts';
import './admin-pages-menu.css';

export interface AdminPagesMenuProps {
  /** [href, label] of each page, in the order they are listed. */
  links: ReadonlyArray<readonly [string, string]>;
  /** The href of the page open now, when it is one of these. */
  current: string | undefined;
}

export function AdminPagesMenu({ links, current }: AdminPagesMenuProps) {
  const { open, setOpen, panelId, root, toggle, onKeyDown } = useDisclosure();
  const classes = ['admin-pages__toggle'];
  if (current) classes.push('admin-pages__toggle--current');
  return (
    <div
      ref={root}
      class="admin-pages"
      onKeyDown={onKeyDown}
      // Tab past the last link leaves the menu: it closes rather than hang open over the page
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        class={classes.join(' ')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Admin
        <svg class="admin-pages__chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
      </button>
      <ul id={panelId} class="admin-pages__panel" hidden={!open}>
        {links.map(([href, label]) => (
          <li key={href}>
            <a
              class="admin-pages__link"
              href={href}
              aria-current={href === current ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * @module The launcher widget.js draws by itself, so the page shows the chat button without
 * waiting for the app chunk. It looks like the app's launcher (same size, corner and colour, read
 * from the site's config) and is swapped for the real one when the app is ready. Its own shadow
 * root and constructed stylesheet keep it as isolated and CSP-friendly as the app.
 */
export const PLACEHOLDER_TAG = 'parley-launcher';

// a subset of app/widget.css (.launcher): keep the two in step
const CSS =
  ':host{all:initial}.l{all:initial;position:fixed;bottom:20px;right:20px;z-index:2147483647;width:56px;height:56px;' +
  'border-radius:50%;display:grid;place-items:center;background:var(--a,#2563eb);color:#fff;cursor:pointer;' +
  'box-shadow:0 4px 14px rgba(0,0,0,.22);transition:transform .12s}.l.left{right:auto;left:20px}' +
  '.l:focus-visible{outline:2px solid var(--a,#2563eb);outline-offset:2px}.l:active{transform:scale(.92)}' +
  // pressed before the app is in: a ring turns round the button until the real launcher takes over
  '.l[aria-busy]:after{content:"";position:absolute;inset:-5px;border-radius:50%;border:3px solid transparent;' +
  'border-top-color:var(--a,#2563eb);animation:r .8s linear infinite}@keyframes r{to{transform:rotate(1turn)}}' +
  '@media (prefers-reduced-motion:reduce){.l[aria-busy]:after{animation:none;border-color:var(--a,#2563eb)}}';

const ICON =
  '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" ' +
  'd="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z"/></svg>';

interface LauncherLook {
  color?: unknown;
  position?: unknown;
}

export function drawPlaceholder(config: Promise<Response>, onClick: () => void, onIntent: () => void) {
  const host = document.createElement(PLACEHOLDER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  let removed = false;
  let visible = true;
  // drawn once the config says where and in which colour: an unknown site shows nothing at all
  config
    .then((response) => (response.ok ? (response.clone().json() as Promise<LauncherLook>) : null))
    .then(
      (look) => {
        if (!look || removed) return;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        const button = document.createElement('button');
        button.className = look.position === 'left' ? 'l left' : 'l';
        button.setAttribute('aria-label', 'Open chat');
        button.innerHTML = ICON;
        // only plain colours: a colour setting must not smuggle url() into the host page's requests
        if (typeof look.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(look.color))
          button.style.setProperty('--a', look.color);
        button.onclick = () => {
          button.setAttribute('aria-busy', 'true');
          onClick();
        };
        button.onpointerenter = button.onfocus = onIntent;
        shadow.append(button);
        host.hidden = !visible;
        document.body.append(host);
      },
      () => {},
    );
  return {
    setVisible(next: boolean): void {
      visible = next;
      host.hidden = !next;
    },
    remove(): boolean {
      removed = true;
      // focus inside a shadow root shows on the document as its host
      const hadFocus = document.activeElement === host;
      host.remove();
      return hadFocus;
    },
  };
}

/**
 * @module Entry point of widget.js, the file site owners embed with
 * `<script async src="https://PARLEY_SERVER/widget.js" data-site-key="SITE_KEY"></script>`.
 * Reads the tag's data- attributes and mounts the widget; defines no globals.
 */
import { HOST_TAG, mount } from './mount.ts';

// currentScript is only set while this script's top level runs, so it is captured before any await
const script = document.currentScript;

function start(): void {
  if (!(script instanceof HTMLScriptElement)) {
    console.warn('Parley chat: widget.js must be loaded with a classic <script> tag');
    return;
  }
  const siteKey = script.dataset.siteKey;
  if (!siteKey) {
    console.warn('Parley chat: the <script> tag needs a data-site-key attribute');
    return;
  }
  // the server that served this file is the server to talk to, unless the page says otherwise
  const serverUrl = script.dataset.serverUrl ?? new URL(script.src, document.baseURI).origin;
  // a snippet pasted twice must not produce two launchers
  const hosts = Array.from(document.querySelectorAll(HOST_TAG));
  if (hosts.some((host) => host.getAttribute('data-site-key') === siteKey)) return;
  mount({ siteKey, serverUrl });
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });

/**
 * @module Browser entry: wires the real REST client and /agent socket into the session and mounts the app.
 */
// first: it must run before any schema is built
import './zod-without-eval.ts';
import { render } from 'preact';
import { createAuthApi } from './api/auth-api.ts';
import { createConsoleSession } from './api/console-session.ts';
import { createSocketChannel } from './api/socket-channel.ts';
import { browserAttention } from './api/browser-attention.ts';
import { App } from './app.tsx';
import { installTheme } from './state/theme.ts';
import '@parley/shared/design/tokens.css';
import './console.css';
import './frame.css';
import './inbox.css';
import './admin.css';
import './tickets.css';
import './rich.css';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html lacks the #app element');

installTheme();

const session = createConsoleSession({
  auth: createAuthApi(),
  openChannel: createSocketChannel,
  attention: browserAttention,
});
render(<App session={session} />, root);

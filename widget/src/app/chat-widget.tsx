/**
 * @module The widget's root component: the launcher plus the chat panel, wired to a ChatClient,
 * in the visitor's language, in step with the visitor's other tabs, full-screen on phones.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { WidgetConfig, WidgetConfigWire } from '@parley/shared';
import type { ChatClient } from '../client/chat-client.ts';
import type { ChatState } from '../client/chat-state.ts';
import { lastAgentSeq } from '../client/message-merge.ts';
import { unreadCount } from '../api/state-events.ts';
import { Announcer } from './announcer.tsx';
import { ChatAccess } from './lazy-extras.ts';
import { ChatPanel } from './chat-panel.tsx';
import { useSystemLines } from './use-system-lines.ts';
import { Launcher } from './launcher.tsx';
import { ProactiveBubble } from './proactive-bubble.tsx';
import { StringsContext } from './strings-context.ts';
import { useChatState } from './use-chat-state.ts';
import { useLocaleStrings } from './use-locale-strings.ts';
import { useTabSync } from './use-tab-sync.ts';
import { useUnreadSignals } from './use-unread-signals.ts';
import { useViewport } from './use-viewport.ts';
import { accentStyle, launcherNeedsRing, useColorScheme } from './use-theme.ts';

const DEFAULT_ACCENT = '#2563eb';

/** Accepts only plain colour syntax, so a site's colour setting cannot smuggle in url() or other CSS. */
export function safeColor(color: string): string {
  return /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/-]{5,40}\))$/i.test(color.trim())
    ? color.trim()
    : DEFAULT_ACCENT;
}

export interface ChatWidgetProps {
  client: ChatClient;
  config: WidgetConfigWire;
  /** BCP 47 tag of the language to show; the host page can change it through the API. Beats the site's and the browser's. */
  locale?: string | null;
  /** Play a short sound for agent messages the visitor cannot see; off unless asked for. */
  sound?: boolean;
  /** Whether the visitor's tabs of this site open and close the panel together (default yes). */
  syncTabs?: boolean;
}

export function ChatWidget({
  client,
  config,
  locale = null,
  sound = false,
  syncTabs = true,
}: ChatWidgetProps): JSX.Element {
  const state = useChatState(client);
  // open lives in the client's state, so the host page's API and the launcher change the same thing
  const { open } = state;
  useTabSync(syncTabs ? config.siteKey : undefined, open, (next) => client.setOpen(next));
  const root = useRef<HTMLDivElement>(null);
  const visible = useDocumentVisible(client);
  const viewport = useViewport();
  const language = useLocaleStrings(locale, config);
  // outlives the panel, so closing and reopening keeps what the visitor was writing
  const draft = useRef('');
  // agent messages up to here were on screen (unreadCount also reads the server's marker)
  const [readSeq, setReadSeq] = useState(0);

  const reading = open && visible;
  const unread = reading ? 0 : unreadCount(state, readSeq);
  useUnreadSignals(unread, sound);

  useEffect(() => {
    // report agent messages as seen only while the visitor can actually see them
    if (!reading) return;
    client.markSeen();
    setReadSeq((seq) => Math.max(seq, lastAgentSeq(state.thread)));
  }, [reading, state.thread, state.connection, client]);

  useEffect(() => {
    // focus moves into the panel on open, so keyboard and screen-reader users land in the message box
    // (or the first field of the form shown instead). Opened from the loader's stand-in launcher, the
    // panel is only drawn once the visitor's strings are in, so that is when the focus can move.
    if (open) root.current?.querySelector<HTMLElement>('.panel input, .panel textarea')?.focus();
  }, [open, !language]);

  const close = (): void => {
    client.setOpen(false);
    // back to where the visitor came from; the launcher is the only control left
    queueMicrotask(() => root.current?.querySelector<HTMLButtonElement>('.launcher')?.focus());
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && open) close();
    // the phone's full-screen panel is modal: Tab goes round inside it, never into the page beneath
    if (event.key === 'Tab' && open && viewport.mobile && root.current) trapTab(event, root.current);
  };

  const lines = useSystemLines(language?.strings ?? null, state.conversation);
  const preview = usePreview(state, open, unread);
  const accent = safeColor(config.color);
  const scheme = useColorScheme(config.theme);
  const ring = useMemo(() => launcherNeedsRing(accent), [accent]);
  const mobile = viewport.mobile;
  const modal = mobile && open;
  // nothing to say until the visitor's language has loaded (the loader's stand-in launcher shows meanwhile)
  if (!language) return <></>;
  return (
    <StringsContext.Provider value={language.strings}>
      <ChatAccess.Provider value={client.chat}>
        <div
          ref={root}
          dir={language.dir}
          lang={language.lang}
          class={`root p-theme ${config.position === 'left' ? 'left' : 'right'}${mobile ? ' mobile' : ''}${open ? ' open' : ''}${ring ? ' ring' : ''}`}
          data-theme={scheme}
          role={modal ? 'dialog' : undefined}
          aria-modal={modal ? true : undefined}
          aria-label={modal ? config.siteName : undefined}
          style={accentStyle(accent, scheme)}
          onKeyDown={onKeyDown}
        >
          <Announcer t={language.strings} state={state} />
          {open && (
            <ChatPanel
              id="parley-panel"
              siteName={config.siteName}
              greeting={config.greeting}
              team={config.team ?? []}
              preChat={preChatFields(config, client)}
              lang={language.lang}
              state={state}
              lines={lines}
              style={mobile ? { height: `${viewport.height}px`, top: `${viewport.top}px` } : undefined}
              draft={draft.current}
              onDraftChange={(text) => (draft.current = text)}
              onSend={(body, answer) => client.send(body, { answer })}
              onStartChat={(contact, question) => client.startChat(contact, question)}
              onRate={(rating, comment) => client.rate(rating, comment)}
              onTranscript={(email) => client.requestTranscript(email)}
              onLeaveMessage={(message) => client.leaveMessage(message)}
              onEmailInstead={(email) => client.emailInstead(email)}
              // the server's word once connected; the config's until then (a server from before business hours sends none: open)
              offHours={state.offHours ?? config.withinBusinessHours === false}
              onInput={() => client.input()}
              onBlur={() => client.stopTyping()}
              onEndChat={() => client.endChat()}
              onRetry={() => client.reconnectNow()}
              client={client}
              uploads={config.uploads}
            />
          )}
          {state.launcherVisible && (
            <ProactiveBubble
              message={open ? null : (state.proactive ?? preview.message)}
              quiet={!state.proactive}
              onOpen={() => client.openProactive()}
              onDismiss={() => (state.proactive ? client.dismissProactive() : preview.dismiss())}
            />
          )}
          {(open || state.launcherVisible) && (
            <Launcher
              open={open}
              unread={unread}
              controls={open ? 'parley-panel' : undefined}
              onToggle={() => (open ? close() : client.openProactive())}
            />
          )}
        </div>
      </ChatAccess.Provider>
    </StringsContext.Provider>
  );
}

/** Keeps Tab and Shift+Tab among the widget's own controls (the panel and its close button). */
function trapTab(event: KeyboardEvent, root: HTMLElement): void {
  const stops = [...root.querySelectorAll<HTMLElement>('button, textarea, input, a[href], [tabindex="0"]')].filter(
    (element) => !element.matches(':disabled') && element.getClientRects().length > 0,
  );
  const first = stops[0];
  const last = stops.at(-1);
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const wrapTo = event.shiftKey
    ? active === first || !root.contains(active)
      ? last
      : null
    : active === last
      ? first
      : null;
  if (!wrapTo) return;
  event.preventDefault();
  wrapTo.focus();
}

/**
 * The newest agent message as a preview bubble by the closed launcher, while it is unread, until
 * the visitor puts it away; the announcer has said it already, so the bubble is quiet.
 */
function usePreview(state: ChatState, open: boolean, unread: number) {
  const [dismissed, setDismissed] = useState(0);
  const latest = state.thread.messages.findLast((message) => message.author.kind === 'agent');
  const showing = !open && unread > 0 && latest !== undefined && latest.seq > dismissed;
  return {
    message: showing ? { message: latest.body, senderName: latest.author.name ?? '', senderAvatarUrl: null } : null,
    dismiss: () => setDismissed(latest?.seq ?? 0),
  };
}

/** The pre-chat questions to ask: none when the site has no form, and not what the host page already told. */
function preChatFields(config: WidgetConfigWire, client: ChatClient): WidgetConfig['preChat']['fields'] {
  // read defensively: a server from before pre-chat forms sends no preChat
  if (!config.preChat?.enabled) return [];
  const known = client.knownContact();
  const fields = config.preChat.fields.filter(({ field }) => field === 'message' || known[field] === undefined);
  // a lone question is what the message box asks anyway
  return fields.some(({ field }) => field !== 'message') ? fields : [];
}

/**
 * Whether the tab is visible; also reconnects at once when it becomes visible or the network comes
 * back: after a laptop sleeps or the network drops, socket.io's backoff may be at 30 s, and
 * resume-by-seq makes the catch-up exact whenever it happens.
 */
function useDocumentVisible(client: ChatClient): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const wake = (): void => client.reconnectNow();
    const onChange = (): void => {
      const now = document.visibilityState !== 'hidden';
      setVisible(now);
      if (now) wake();
    };
    document.addEventListener('visibilitychange', onChange);
    window.addEventListener('online', wake);
    return () => {
      document.removeEventListener('visibilitychange', onChange);
      window.removeEventListener('online', wake);
    };
  }, [client]);
  return visible;
}

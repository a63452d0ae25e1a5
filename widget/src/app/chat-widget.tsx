/**
 * @module The widget's root component: the launcher plus the chat panel, wired to a ChatClient.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { WidgetConfig } from '@parley/shared';
import type { ChatClient } from '../client/chat-client.ts';
import { ChatPanel } from './chat-panel.tsx';
import { Launcher } from './launcher.tsx';
import { useChatState } from './use-chat-state.ts';

const DEFAULT_ACCENT = '#2563eb';

/** Accepts only plain colour syntax, so a site's colour setting cannot smuggle in url() or other CSS. */
export function safeColor(color: string): string {
  return /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/-]{5,40}\))$/i.test(color.trim()) ? color.trim() : DEFAULT_ACCENT;
}

export interface ChatWidgetProps {
  client: ChatClient;
  config: WidgetConfig;
  /** BCP 47 tag of the language to show; the host page can change it through the API. */
  locale?: string;
}

export function ChatWidget({ client, config, locale }: ChatWidgetProps): JSX.Element {
  const state = useChatState(client);
  // open lives in the client's state, so the host page's API and the launcher change the same thing
  const { open } = state;
  const root = useRef<HTMLDivElement>(null);
  const visible = useDocumentVisible();
  // outlives the panel, so closing and reopening keeps what the visitor was writing
  const draft = useRef('');

  useEffect(() => {
    if (open) client.connect();
  }, [open, client]);

  useEffect(() => {
    // report agent messages as seen only while the visitor can actually see them
    if (open && visible) client.markSeen();
  }, [open, visible, state.thread, state.connection, client]);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector('textarea')?.focus();
  }, [open]);

  const close = (): void => client.setOpen(false);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    close();
    root.current?.querySelector<HTMLButtonElement>('.launcher')?.focus();
  };

  return (
    <div
      ref={root}
      class={`root ${config.position === 'left' ? 'left' : 'right'}`}
      lang={locale}
      style={{ '--parley-accent': safeColor(config.color) }}
      onKeyDown={onKeyDown}
    >
      {open && (
        <ChatPanel
          id="parley-panel"
          siteName={config.siteName}
          greeting={config.greeting}
          state={state}
          draft={draft.current}
          onDraftChange={(text) => (draft.current = text)}
          onSend={(body) => client.send(body)}
          onInput={() => client.input()}
          onBlur={() => client.stopTyping()}
          onEndChat={() => client.endChat()}
        />
      )}
      {(open || state.launcherVisible) && (
        <Launcher open={open} controls={open ? 'parley-panel' : undefined} onToggle={() => client.setOpen(!open)} />
      )}
    </div>
  );
}

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onChange = (): void => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

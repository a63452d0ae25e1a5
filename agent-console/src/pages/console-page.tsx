/**
 * @module The signed-in console: top bar, the sidebar with the agent's conversations and the queue,
 * the selected conversation, keyboard shortcuts and the tab title's count.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { ConsoleHeader } from '../components/console-header.tsx';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';
import { NoticeBanner } from '../components/notice-banner.tsx';
import { QueueList } from '../components/queue-list.tsx';
import { useSession } from '../components/session-context.ts';
import { ShortcutsDialog } from '../components/shortcuts-dialog.tsx';
import { useShortcuts, type ShortcutAction } from '../components/use-shortcuts.ts';
import { VisitorPanel } from '../components/visitor-panel.tsx';
import { attentionCount, listOrder } from '../state/conversation-selectors.ts';

const TITLE = 'Parley console';

export function ConsolePage({ agent }: { agent: Agent }) {
  const session = useSession();
  const { store } = session;
  const selectedId = store.selectedId.value;
  const [showShortcuts, setShowShortcuts] = useState(false);
  const count = attentionCount(store.data.value);
  const visitorId = selectedId === null ? undefined : store.data.value.mine.get(selectedId)?.conversation.visitorId;

  // the count shows in the tab strip while the agent works in another tab
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${TITLE}` : TITLE;
  }, [count]);
  useEffect(() => () => void (document.title = TITLE), []);

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      const ids = listOrder(store.data.value).map((entry) => entry.conversation.id);
      const current = store.selectedId.value === null ? -1 : ids.indexOf(store.selectedId.value);
      switch (action) {
        case 'next':
        case 'previous': {
          if (ids.length === 0) return;
          const step = action === 'next' ? 1 : -1;
          const index = current === -1 ? (step === 1 ? 0 : ids.length - 1) : (current + step + ids.length) % ids.length;
          const id = ids[index];
          if (id !== undefined) session.select(id);
          return;
        }
        case 'composer':
          document.querySelector<HTMLTextAreaElement>('.composer__input:not(:disabled)')?.focus();
          return;
        case 'close': {
          const id = store.selectedId.value;
          if (id !== null && store.data.value.mine.get(id)?.conversation.status === 'active') void session.close(id);
          return;
        }
        case 'help':
          setShowShortcuts(true);
          return;
      }
    },
    [session, store],
  );
  useShortcuts(onShortcut, !showShortcuts);

  return (
    <div class="console">
      <ConsoleHeader agent={agent} onShowShortcuts={() => setShowShortcuts(true)} brandIsHeading />
      <NoticeBanner />
      <div class="console__body">
        <nav class="sidebar" aria-label="Conversations">
          <ConversationList />
          <QueueList agent={agent} />
        </nav>
        <main class="pane">
          {selectedId === null ? (
            <p class="pane__empty">Select a conversation to read and reply. Press ? for keyboard shortcuts.</p>
          ) : (
            <div class="pane__split">
              {/* keyed: each conversation gets its own composer state and scroll position */}
              <ConversationView key={selectedId} conversationId={selectedId} agentName={agent.name} />
              {visitorId !== undefined && <VisitorPanel conversationId={selectedId} visitorId={visitorId} />}
            </div>
          )}
        </main>
      </div>
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}

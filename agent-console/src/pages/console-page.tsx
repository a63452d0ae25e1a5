/**
 * @module The signed-in inbox, three panes: the agent's conversations and the queue, the selected
 * conversation, and the visitor beside it (behind a toggle on a tablet). Keyboard shortcuts and the
 * tab title's count live here.
 */
import { useCallback, useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { ConsoleHeader } from '../components/console-header.tsx';
import { closeAndMoveOn } from '../components/close-and-move-on.ts';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';
import { pageTitle, useDocumentTitle } from '../components/document-title.ts';
import { NoticeBanner } from '../components/notice-banner.tsx';
import { QueueList } from '../components/queue-list.tsx';
import { useSession } from '../components/session-context.ts';
import { ShortcutsDialog } from '../components/shortcuts-dialog.tsx';
import { PAGE_TITLE_ID } from '../components/skip-link.tsx';
import { useMediaQuery } from '../components/use-media-query.ts';
import { useShortcuts, type ShortcutAction } from '../components/use-shortcuts.ts';
import { VisitorPanel } from '../components/visitor-panel.tsx';
import { attentionCount, listOrder } from '../state/conversation-selectors.ts';

/** From this width the visitor panel has room beside the conversation. */
const WIDE = '(min-width: 1200px)';

export function ConsolePage({ agent }: { agent: Agent }) {
  const session = useSession();
  const { store } = session;
  const selectedId = store.selectedId.value;
  const [showShortcuts, setShowShortcuts] = useState(false);
  const wide = useMediaQuery(WIDE, true);
  // null: as the screen suggests (open when wide); a choice of the agent's otherwise
  const [panelChoice, setPanelChoice] = useState<boolean | null>(null);
  const panelOpen = panelChoice ?? wide;
  const count = attentionCount(store.data.value);
  const visitorId = selectedId === null ? undefined : store.data.value.mine.get(selectedId)?.conversation.visitorId;

  // the count shows in the tab strip while the agent works in another tab
  useDocumentTitle(pageTitle('Inbox', count));

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
          if (id !== null && store.data.value.mine.get(id)?.conversation.status === 'active')
            void closeAndMoveOn(session, id);
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
      <ConsoleHeader agent={agent} onShowShortcuts={() => setShowShortcuts(true)} skipLabel="Skip to conversations" />
      <NoticeBanner />
      <div class={`console__body inbox${panelOpen && visitorId !== undefined ? ' inbox--with-panel' : ''}`}>
        <nav class="sidebar" aria-label="Conversations">
          <h1 id={PAGE_TITLE_ID} class="sidebar__page-title" tabIndex={-1}>
            Inbox
          </h1>
          <ConversationList />
          <QueueList agent={agent} />
        </nav>
        <main class="pane">
          {selectedId === null ? (
            <div class="pane__empty empty-state">
              <span class="empty-state__art" aria-hidden="true" />
              <p class="empty-state__title">Select a conversation to read and reply.</p>
              <p class="empty-state__hint">
                Press <kbd>j</kbd> and <kbd>k</kbd> to move through the list, <kbd>?</kbd> for all shortcuts.
              </p>
            </div>
          ) : (
            // keyed: each conversation gets its own composer state and scroll position
            <ConversationView
              key={selectedId}
              conversationId={selectedId}
              agentName={agent.name}
              panelOpen={panelOpen}
              onTogglePanel={() => setPanelChoice(!panelOpen)}
            />
          )}
        </main>
        {selectedId !== null && visitorId !== undefined && panelOpen && (
          <VisitorPanel
            conversationId={selectedId}
            visitorId={visitorId}
            onClose={wide ? undefined : () => setPanelChoice(false)}
          />
        )}
      </div>
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}

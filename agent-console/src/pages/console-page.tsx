/**
 * @module The signed-in console: top bar, the sidebar with the agent's conversations and the queue, and
 * the selected conversation.
 */
import type { Agent } from '@parley/shared';
import { ConsoleHeader } from '../components/console-header.tsx';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';
import { NoticeBanner } from '../components/notice-banner.tsx';
import { QueueList } from '../components/queue-list.tsx';
import { useSession } from '../components/session-context.ts';

export function ConsolePage({ agent }: { agent: Agent }) {
  const { store } = useSession();
  const selectedId = store.selectedId.value;

  return (
    <div class="console">
      <ConsoleHeader agent={agent} />
      <NoticeBanner />
      <div class="console__body">
        <nav class="sidebar" aria-label="Conversations">
          <ConversationList />
          <QueueList />
        </nav>
        <main class="pane">
          {selectedId === null ? (
            <p class="pane__empty">Select a conversation to read and reply.</p>
          ) : (
            // keyed: each conversation gets its own composer state and scroll position
            <ConversationView key={selectedId} conversationId={selectedId} agentName={agent.name} />
          )}
        </main>
      </div>
    </div>
  );
}

/**
 * @module A conversation's latest message on one line, for the sidebar lists.
 */
import type { Message } from '@parley/shared';
import { markdownToPlainText } from '@parley/shared/client-core';

interface MessagePreviewProps {
  message: Message | null;
  /** The signed-in agent, whose own messages read "You:". */
  agentId: string | null;
}

/** The author prefix sits in its own element so the message text can be found exactly as written. */
export function MessagePreview({ message, agentId }: MessagePreviewProps) {
  if (message === null) return <span class="preview preview--none">No messages yet</span>;
  const { author } = message;
  const prefix =
    // answer bot (issue 22): the bot's words are marked as the bot's here too
    author.kind === 'bot'
      ? `${author.name ?? 'Bot'} (bot)`
      : author.kind !== 'agent'
        ? null
        : author.id !== null && author.id === agentId
          ? 'You'
          : author.name;
  return (
    <span class="preview">
      {prefix !== null && <span class="preview__author">{prefix}: </span>}
      {/* an agent's formatting marks read as noise on one line: the words only */}
      <span class="preview__text">{author.kind === 'agent' ? markdownToPlainText(message.body) : message.body}</span>
    </span>
  );
}

/**
 * @module The conversation laid out as a visitor reads it: messages and system lines in time order,
 * a day separator where the day changes, and consecutive messages by the same sender grouped (only
 * the first shows the name, only the last the avatar and the time), like Intercom and Crisp do.
 * Pure: the log renders what this returns.
 */
import type { Message } from '@parley/shared';

/** A line the widget adds itself: an agent joined, the chat was transferred, the chat ended. */
export interface SystemLine {
  key: string;
  text: string;
  /** ISO time. */
  at: string;
}

export type TimelineItem =
  | { kind: 'day'; key: string; at: string }
  | { kind: 'line'; key: string; text: string }
  | { kind: 'message'; key: string; message: Message; first: boolean; last: boolean };

/** Messages further apart than this start a new group even from the same sender. */
const GROUP_GAP_MS = 5 * 60_000;

const sender = (message: Message): string => `${message.author.kind}:${message.author.id ?? ''}`;
const localDay = (iso: string): string => new Date(iso).toDateString();

export function timeline(messages: readonly Message[], lines: readonly SystemLine[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let day = '';
  const dayOf = (at: string): void => {
    if (localDay(at) === day) return;
    day = localDay(at);
    items.push({ kind: 'day', key: `day-${day}`, at });
  };
  let pending = [...lines].sort((a, b) => a.at.localeCompare(b.at));
  const linesUpTo = (at: string | null): void => {
    const due = pending.filter((line) => at === null || line.at <= at);
    pending = pending.filter((line) => !due.includes(line));
    for (const line of due) {
      dayOf(line.at);
      items.push({ kind: 'line', key: line.key, text: line.text });
    }
  };
  let previous: Message | null = null;
  for (const message of messages) {
    const before = items.at(-1);
    linesUpTo(message.createdAt);
    dayOf(message.createdAt);
    // a line or a new day between two messages breaks the group
    const joins =
      previous !== null &&
      before === items.at(-1) &&
      before?.kind === 'message' &&
      message.author.kind !== 'system' &&
      sender(previous) === sender(message) &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_GAP_MS;
    if (joins) before.last = false;
    items.push({ kind: 'message', key: message.id, message, first: !joins, last: true });
    previous = message;
  }
  linesUpTo(null);
  return items;
}

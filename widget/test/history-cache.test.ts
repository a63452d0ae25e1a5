import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, loadHistory, saveHistory } from '../src/client/history-cache.ts';
import { createLocalStore } from '../src/client/local-store.ts';
import { EMPTY_THREAD, mergeMessages } from '../src/client/message-merge.ts';
import { activeConversation, message } from './fixtures.ts';

describe('history cache', () => {
  it('gives the next page load the conversation and its messages', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1), message(2)]);
    saveHistory(createLocalStore('s'), { conversation: activeConversation(), thread });
    expect(loadHistory(createLocalStore('s'))).toEqual({ conversation: activeConversation(), thread });
  });

  it('keeps only the newest messages, so what it holds still ends at the highest seq', () => {
    const many = Array.from({ length: HISTORY_LIMIT + 50 }, (_, i) => message(i + 1));
    saveHistory(createLocalStore('s'), {
      conversation: activeConversation(),
      thread: mergeMessages(EMPTY_THREAD, 'c1', many),
    });
    const { thread } = loadHistory(createLocalStore('s'));
    expect(thread.messages).toHaveLength(HISTORY_LIMIT);
    expect(thread.messages.at(-1)?.seq).toBe(HISTORY_LIMIT + 50);
  });

  it('starts empty from corrupt or foreign data', () => {
    for (const junk of ['nope', '{"messages":[{"seq":"1"}]}', '[]', 'null']) {
      localStorage.setItem('parley:s:history', junk);
      expect(loadHistory(createLocalStore('s'))).toEqual({ conversation: null, thread: EMPTY_THREAD });
    }
  });

  it('is cleared when there is no conversation any more', () => {
    const store = createLocalStore('s');
    saveHistory(store, { conversation: activeConversation(), thread: mergeMessages(EMPTY_THREAD, 'c1', [message(1)]) });
    saveHistory(store, { conversation: null, thread: EMPTY_THREAD });
    expect(localStorage.getItem('parley:s:history')).toBeNull();
  });
});

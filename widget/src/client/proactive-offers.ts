/**
 * @module The messages the widget shows by itself (a page rule's, an agent's invite): one at a time,
 * never over a chat under way, never again in a tab session once the visitor closed one. Every
 * shown, opened or dismissed is counted for the rule's statistics: sent when online, kept until
 * the server acknowledges it (a count may then arrive twice, never get lost).
 */
import type { ProactiveEvent, ProactiveOrigin } from '@parley/shared';
import type { ChatContext } from './chat-context.ts';
import { chatting, type ProactiveMessage } from './chat-state.ts';
import type { KeyValueStore } from './local-store.ts';

export class ProactiveOffers {
  readonly #chat: ChatContext;
  /** What lasts for the tab's session: whether the visitor closed a proactive message. */
  readonly #tab: KeyValueStore;
  readonly #openPanel: () => void;
  /** Proactive events not yet acknowledged by the server: sent once online. */
  #events: ProactiveEvent[] = [];

  constructor(chat: ChatContext, tab: KeyValueStore, openPanel: () => void) {
    this.#chat = chat;
    this.#tab = tab;
    this.#openPanel = openPanel;
  }

  /** Whether a page rule's message must wait: a chat is under way, one is on show, or one was closed. */
  blocked(): boolean {
    const state = this.#chat.state();
    return chatting(state) || state.proactive !== null || this.#tab.read('dismissed') !== null;
  }

  show(message: ProactiveMessage, openPanel: boolean): void {
    if (chatting(this.#chat.state())) return;
    this.#chat.update({ ...this.#chat.state(), proactive: message });
    this.report(message.origin, 'shown');
    if (openPanel) this.open();
  }

  open(): void {
    const proactive = this.#chat.state().proactive;
    if (proactive) this.report(proactive.origin, 'opened');
    this.#openPanel();
  }

  dismiss(): void {
    const proactive = this.#chat.state().proactive;
    if (!proactive) return;
    this.#tab.write('dismissed', '1');
    this.report(proactive.origin, 'dismissed');
    this.#chat.update({ ...this.#chat.state(), proactive: null });
  }

  report(origin: ProactiveOrigin, event: ProactiveEvent['event']): void {
    this.#events.push({ origin, event });
    this.flush();
  }

  /** Sends the events not acknowledged yet, if online (again after every resume). */
  flush(): void {
    const socket = this.#chat.online();
    if (!socket) return;
    for (const event of this.#events.splice(0)) {
      // unanswered: kept for the next resume
      socket.timeout(this.#chat.ackTimeoutMs).emit('proactive:event', event, (err) => {
        if (err) this.#events.push(event);
      });
    }
  }
}

/** English: the fallback for every unsupported locale, and the shape every locale fills. */
export const strings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  message: 'Message',
  placeholder: 'Type your message…',
  send: 'Send',
  endChat: 'End chat',
  conversation: 'Conversation',
  reconnecting: 'Reconnecting…',
  waiting: 'Waiting for an agent',
  queued: 'Waiting for an agent — you are number {n} in the queue',
  wait: 'about {n} min',
  chattingWith: 'Chatting with {name}',
  anAgent: 'an agent',
  agent: 'Agent',
  ended: 'This conversation has ended',
  typing: '{name} is typing…',
  sending: 'Sending…',
  sent: 'Sent',
  seen: 'Seen',
  failed: 'Not sent',
  retry: 'Retry',
  unavailable: 'Chat is not available on this page.',
  noAgents: 'No agent is online right now.',
  endFailed: 'Could not end the chat. Please try again.',
};
export type Strings = typeof strings;
export { strings as en };

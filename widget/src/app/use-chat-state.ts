/**
 * @module Subscribes a component to a ChatClient's state.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChatClient } from '../client/chat-client.ts';
import type { ChatState } from '../client/chat-state.ts';

export function useChatState(client: ChatClient): ChatState {
  const [state, setState] = useState(() => client.getState());
  useEffect(() => {
    // the state may have moved between the first render and this subscription
    setState(client.getState());
    return client.subscribe(setState);
  }, [client]);
  return state;
}

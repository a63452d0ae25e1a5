/**
 * @module Loads the message extras (message-extras.tsx: quotes, edited and deleted marks, reply, edit
 * and delete) once a message needs them or the visitor turns to the conversation (points at it, tabs
 * into it), so a first visit and a first message carry none of it.
 */
import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type * as Extras from './message-extras.tsx';
import type { ChatContext } from '../client/chat-context.ts';

/** The chat the extras read and change (chat-widget.tsx provides the client's). */
export const ChatAccess = createContext<ChatContext | null>(null);

let extras: typeof Extras | null = null;

export function useExtras(needed: boolean): typeof Extras | null {
  const [, loaded] = useState(0);
  useEffect(() => {
    // a chunk that fails to load (offline) is asked for again on the next render that needs it
    if (needed && !extras)
      import('./message-extras.tsx').then(
        (m) => loaded(+!!(extras = m)),
        () => {},
      );
  }, [needed]);
  return extras;
}

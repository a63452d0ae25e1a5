/**
 * @module Hands the console session to every component without threading it through props.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleSession } from '../api/console-session.ts';

export const SessionContext = createContext<ConsoleSession | null>(null);

export function useSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() needs a <SessionContext.Provider> above it');
  return session;
}

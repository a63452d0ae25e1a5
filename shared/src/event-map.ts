/**
 * @module Turns a table of event schemas into Socket.IO's typed event maps, so the schemas are the
 * only place a payload is described.
 */
import type { z } from 'zod';
import type { Ack } from './error-codes.ts';

/** A client→server event: its payload schema and, when the sender waits for an answer, the ack data schema. */
export interface ClientEventSpec {
  payload: z.ZodType;
  ack?: z.ZodType;
}

type ClientHandler<S extends ClientEventSpec> = S extends { ack: infer A extends z.ZodType }
  ? (payload: z.input<S['payload']>, ack: (res: Ack<z.output<A>>) => void) => void
  : (payload: z.input<S['payload']>) => void;

export type ClientEventsOf<M extends Record<string, ClientEventSpec>> = {
  [K in keyof M]: ClientHandler<M[K]>;
};

export type ServerEventsOf<M extends Record<string, z.ZodType>> = {
  [K in keyof M]: (payload: z.output<M[K]>) => void;
};

/** Server events K of map M as a tagged union `{ event, payload }`: what a client hands on once it parsed a push. */
export type ServerPushOf<M extends Record<string, z.ZodType>, K extends keyof M = keyof M> = {
  [E in K]: { event: E; payload: z.output<M[E]> };
}[K];

/** Payload type of client event K. */
export type PayloadOf<M extends Record<string, ClientEventSpec>, K extends keyof M> = z.output<M[K]['payload']>;

/** Ack data type of client event K. */
export type AckDataOf<M extends Record<string, ClientEventSpec>, K extends keyof M> = M[K] extends {
  ack: infer A extends z.ZodType;
}
  ? z.output<A>
  : never;

/**
 * @module Loads the message extras (message-extras.tsx: quotes, edited and deleted marks, reply, edit
 * and delete) once a message needs them or the visitor turns to the conversation (points at it, tabs
 * into it), so a first visit and a first message carry none of it.
 */
import { createContext } from 'preact';
import type { ChatContext } from '../client/chat-context.ts';
import { lazyChunk } from './lazy-chunk.ts';

/** The chat the extras read and change (chat-widget.tsx provides the client's). */
export const ChatAccess = createContext<ChatContext | null>(null);

/** useExtras(needed): the extras, or null while they load; a chunk that failed (offline) is asked for again. */
export const { use: useExtras } = lazyChunk(() => import('./message-extras.tsx'));

/**
 * @module @parley/shared/client-core: the behaviour both clients (widget and console) need, written once.
 * No zod and no DOM: the widget bundles only what it imports of it.
 */
export * from './backoff.ts';
export * from './client-message-id.ts';
export * from './contrast.ts';
export * from './host.ts';
export * from './merge-by-seq.ts';
export * from './outbox.ts';
export * from './outbox-sender.ts';
export * from './typing-notifier.ts';
export * from './has-markup.ts';
export * from './markdown-subset.ts';
export * from './message-quote.ts';

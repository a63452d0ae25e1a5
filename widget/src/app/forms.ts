/**
 * @module The widget's forms, a chunk of their own: the pre-chat questions, the leave-a-message
 * form and the end-of-chat card. A visitor who just opens the chat and writes needs none of them,
 * so the first load and first message stay small; lazy-forms.ts fetches this when one is due. It
 * still counts into the widget's byte budget (scripts/check-widget-size.mjs).
 */
export { default as css } from './forms.css?inline';
export { EndOfChat } from './end-of-chat.tsx';
export { OfflineForm } from './offline-form.tsx';
export { PreChatForm } from './pre-chat-form.tsx';

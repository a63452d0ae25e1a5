/**
 * @module How the rule's message looks in the widget: a chat bubble with the sender's name, in the
 * site's colour. A sketch of the widget's bubble, not the widget itself.
 */
export function RulePreview({ message, senderName, color }: { message: string; senderName: string; color: string }) {
  return (
    <figure class="rule-preview" aria-label="Preview of the message">
      <div class="rule-preview__bubble" style={{ borderColor: color }}>
        <span class="rule-preview__sender">{senderName}</span>
        <p class="rule-preview__text">{message.trim() === '' ? 'Your message appears here.' : message}</p>
      </div>
    </figure>
  );
}

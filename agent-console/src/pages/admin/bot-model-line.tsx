/**
 * @module bot-llm: one read-only line in the Answer bot section when the server has a language model
 * (LLM_BASE_URL, LLM_MODEL; docs/answer-bot.md): the built-in bot's answers are written by it, from the
 * same help articles. Set by the server's operator, so nothing to change here; nothing shown without one.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../../components/api-context.ts';

export function BotModelLine({ siteId }: { siteId: string }) {
  const { bot: api } = useApi();
  const [model, setModel] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // the line is extra information: without it the section works as before
    api.model(siteId).then(
      (name) => current && setModel(name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, siteId]);
  if (model === null) return null;
  return (
    <p class="field__hint" data-testid="bot-model">
      The built-in bot’s answers are written by the language model <strong>{model}</strong> from your published
      articles, citing them. It is set on the server (LLM_MODEL).
    </p>
  );
}

/**
 * @module The built-in answer bot when the server has a language model (LLM_BASE_URL, LLM_MODEL; issue
 * 22): it retrieves the site's published articles with the help center's search, as the article-only
 * bot does, and has the model write the answer from them, streamed to the visitor as it is written.
 * Nothing retrieved: it says it does not know and hands off without asking the model. The model's
 * output is only text (llm-answer.ts): the bot writes it as a message, offers cards of the retrieved
 * articles it cited, and hands off on the marker; it can do nothing else. A time limit, a failing
 * endpoint or a malformed stream hand off, and so does the question after the last allowed turn.
 */
import type { Conversation, HelpArticle, Message } from '@parley/shared';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import type { EventSink } from '../events.ts';
import type { BotConversations } from './bot-conversations.ts';
import { answerResolvedChoice, askResolved } from './bot-quick-replies.ts';
import { ChatModelError, type ChatModel } from './chat-model.ts';
import { readAnswer } from './llm-answer.ts';
import { buildPrompt, type PromptSource, type PromptTurn } from './llm-prompt.ts';
import { ThrottledStream } from './throttled-stream.ts';

export interface LlmBotDeps {
  store: Store;
  bots: BotConversations;
  events: EventSink;
  model: ChatModel;
  logger: Logger;
  /** The public page of an article, for its card and for the model to name. */
  articleUrl: (siteKey: string, locale: string, slug: string) => string;
  defaultLocale: string;
  /** Answers the model writes per conversation, and articles it is given per answer. */
  limits: { maxTurns: number; articles: number };
  /** Random and unguessable: the data block's boundary and the stream's id. */
  randomId: () => string;
  /** Fires when the server stops: answers being written end, handed off (`bot_failure`). */
  stop?: AbortSignal;
  /** The fastest the visitor is sent the growing answer. */
  streamEveryMs?: number;
}

/** Messages of a conversation read for the prompt: a bot conversation is bounded by its turns. */
const HISTORY_READ = 500;

export class LlmBot {
  readonly #deps: LlmBotDeps;

  constructor(deps: LlmBotDeps) {
    this.#deps = deps;
  }

  /** Answers one visitor message of a conversation the bot holds. */
  async reply(conversationId: string, message: Message): Promise<void> {
    const { store, bots, limits } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.status !== 'bot') return;
    if (await answerResolvedChoice(store, bots, message)) return;
    const site = await store.sites.findById(conversation.siteId);
    if (!site) return;
    const history = (await store.messages.listAfter(conversationId, 0, HISTORY_READ)).filter(
      (m) => m.deletedAt == null,
    );
    const asked = history.filter((m) => m.author.kind === 'visitor' && m.content?.type !== 'quick_reply_choice');
    if (asked.length > limits.maxTurns) {
      await bots.handOff(conversationId, 'no_answer');
      return;
    }
    const locale = site.locale?.toLowerCase() ?? this.#deps.defaultLocale;
    const articles = await this.#retrieve(site.id, locale, message.body, conversationId);
    if (articles.length === 0) {
      // nothing to answer from: the model is not asked, the bot says it does not know and hands off
      await bots.handOff(conversationId, 'no_answer');
      return;
    }
    const sources: PromptSource[] = articles.map((article, index) => ({
      n: index + 1,
      title: article.title,
      url: this.#deps.articleUrl(site.siteKey, article.locale, article.slug),
      text: [article.summary, article.body].filter((part) => part.trim() !== '').join('\n\n'),
    }));
    const settings = await bots.settings(site.id);
    const turns: PromptTurn[] = history.flatMap((m): PromptTurn[] =>
      m.author.kind === 'visitor' || m.author.kind === 'bot'
        ? [{ from: m.author.kind === 'visitor' ? 'visitor' : 'bot', text: m.body }]
        : [],
    );
    const prompt = buildPrompt({
      botName: settings.name,
      siteName: site.name,
      sources,
      history: turns,
      boundary: this.#deps.randomId(),
    });
    const read = (raw: string, partial: boolean) =>
      readAnswer(raw, {
        sources: sources.length,
        // the only links the answer may carry are the retrieved articles' own pages: a link written in an
        // article may be one planted there, and the visitor reads the article itself through its card
        allowedUrl: (url) => sources.some((source) => source.url === url),
        partial,
      });

    const stream = this.#streamTo(conversation, settings.name);
    let raw = '';
    try {
      for await (const piece of this.#deps.model.stream(prompt, this.#deps.stop)) {
        raw += piece;
        const soFar = read(raw, true);
        if (soFar.handoff) break;
        stream.update(soFar.text);
      }
    } catch (error) {
      if (!(error instanceof ChatModelError)) throw error;
      this.#deps.logger.warn('answer bot: the language model failed, handing off', { conversationId, error });
      await bots.handOff(conversationId, error.kind === 'timeout' ? 'timeout' : 'bot_failure');
      return;
    } finally {
      stream.stop();
    }
    const answer = read(raw, false);
    if (answer.handoff || answer.text === '') {
      await bots.handOff(conversationId, 'no_answer');
      return;
    }
    const cards = answer.cited.flatMap((n) => {
      const article = articles[n - 1];
      const source = sources[n - 1];
      return article && source ? [{ article, url: source.url }] : [];
    });
    const said = await bots.say(
      conversation,
      answer.text,
      cards.length === 0
        ? null
        : {
            type: 'articles',
            articles: cards.map(({ article, url }) => ({
              title: article.title.slice(0, 160),
              ...(article.summary.trim() === '' ? {} : { summary: article.summary.slice(0, 300) }),
              url,
            })),
          },
    );
    // undefined: the conversation left the bot while the model wrote (the visitor asked for a person)
    if (!said) return;
    if (cards.length > 0) {
      await store.bots.addArticles(
        conversationId,
        cards.map(({ article }) => ({ id: article.id, title: article.title })),
      );
    }
    await askResolved(bots, said.conversation, settings);
  }

  /** The articles to answer from: the search's (exact matches only) first, then those this conversation used. */
  async #retrieve(siteId: string, locale: string, question: string, conversationId: string): Promise<HelpArticle[]> {
    const { store, limits } = this.#deps;
    const ids: string[] = [];
    if (question.trim() !== '') {
      const found = await store.helpSearch.search({ siteId, locale, query: question, limit: limits.articles });
      // a fuzzy match is a guess at a misspelt title: not a source to answer from
      if (found.match === 'exact') ids.push(...found.results.map((result) => result.id));
    }
    // a follow-up ("and how long does it take?") may find nothing itself: what was used still applies
    for (const used of (await store.bots.find(conversationId))?.articles ?? []) ids.push(used.id);
    const articles: HelpArticle[] = [];
    for (const id of new Set(ids)) {
      if (articles.length >= limits.articles) break;
      const article = await store.helpCenter.findArticle(siteId, id);
      if (article?.status === 'published') articles.push(article);
    }
    return articles;
  }

  #streamTo(conversation: Conversation, name: string): ThrottledStream {
    const streamId = this.#deps.randomId();
    return new ThrottledStream(
      (text) =>
        this.#deps.events.publish({
          type: 'message.streaming',
          conversation,
          stream: { conversationId: conversation.id, streamId, name, text },
        }),
      this.#deps.streamEveryMs ?? 100,
    );
  }
}

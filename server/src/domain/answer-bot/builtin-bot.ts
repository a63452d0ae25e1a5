/**
 * @module The built-in answer bot (no external service): answers a visitor's question from the site's
 * published help articles. It searches with the help center's own search, and when the best article
 * covers enough of the question (the site's `matchThreshold`, see article-match.ts) it replies with a
 * short excerpt and the article's card, then asks whether that answered the question (quick replies).
 * Yes: the conversation ends, resolved by the bot. No, or no article good enough: handoff.
 */
import type { HelpArticle, Message } from '@parley/shared';
import type { Store } from '../../store/store.ts';
import type { BotConversations } from './bot-conversations.ts';
import { excerptOf, matchScore } from './article-match.ts';
import { answerResolvedChoice, askResolved } from './bot-quick-replies.ts';

/** Articles the search hands the bot to weigh: the best few are enough, the first that scores wins. */
const CANDIDATES = 3;

export interface BuiltinBotDeps {
  store: Store;
  bots: BotConversations;
  /** The public page of an article (PUBLIC_URL, HELP_CENTER_PATH), for the card's link. */
  articleUrl: (siteKey: string, locale: string, slug: string) => string;
  /** The locale articles are searched in when the site sets none. */
  defaultLocale: string;
}

export class BuiltinBot {
  readonly #deps: BuiltinBotDeps;

  constructor(deps: BuiltinBotDeps) {
    this.#deps = deps;
  }

  /** Answers one visitor message of a conversation the bot holds. */
  async reply(conversationId: string, message: Message): Promise<void> {
    const { store, bots } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (conversation?.status !== 'bot') return;
    if (await answerResolvedChoice(store, bots, message)) return;
    const site = await store.sites.findById(conversation.siteId);
    if (!site) return;
    const settings = await bots.settings(site.id);
    const locale = site.locale?.toLowerCase() ?? this.#deps.defaultLocale;
    const article = await this.#bestArticle(site.id, locale, message.body, settings.matchThreshold);
    if (!article) {
      await bots.handOff(conversationId, 'no_answer');
      return;
    }
    await store.bots.addArticles(conversationId, [{ id: article.id, title: article.title }]);
    const excerpt = excerptOf(article);
    const summary = article.summary.trim() === '' ? undefined : article.summary.slice(0, 300);
    await bots.say(conversation, `${settings.wording.answerIntro}\n\n${excerpt}`, {
      type: 'articles',
      articles: [
        {
          title: article.title.slice(0, 160),
          ...(summary === undefined ? {} : { summary }),
          url: this.#deps.articleUrl(site.siteKey, article.locale, article.slug),
        },
      ],
    });
    await askResolved(bots, conversation, settings);
  }

  async #bestArticle(
    siteId: string,
    locale: string,
    question: string,
    threshold: number,
  ): Promise<HelpArticle | undefined> {
    const { store } = this.#deps;
    if (question.trim() === '') return undefined;
    const found = await store.helpSearch.search({ siteId, locale, query: question, limit: CANDIDATES });
    // a fuzzy match is a guess at a misspelt title: not enough to answer with
    if (found.match !== 'exact') return undefined;
    for (const summary of found.results) {
      const article = await store.helpCenter.findArticle(siteId, summary.id);
      if (article?.status === 'published' && matchScore(question, article) >= Math.max(threshold, Number.EPSILON)) {
        return article;
      }
    }
    return undefined;
  }
}

/**
 * @module The page-rule engine: evaluates the site's rules, in order, whenever something they look
 * at may have changed (a page view, the chat's state, a scroll, the pointer leaving, a time
 * threshold), and hands the first rule whose conditions held through its delay to the chat.
 * Cheap by construction: one timer for the next time threshold any rule still waits for, and the
 * scroll and exit-intent listeners (passive) only while a rule still to show looks at them.
 */
import type { PublicProactiveRule } from '@parley/shared';
import type { KeyValueStore } from '../client/local-store.ts';
import { RuleCaps } from './rule-caps.ts';
import { conditionsHold, type DeviceType, type RuleContext } from './rule-conditions.ts';
import { countPageView, type VisitFacts } from './visit-history.ts';

export interface EngineHooks {
  /** What the chat knows now: whether the page identified the visitor, with which attributes, and agents online. */
  live(): Pick<RuleContext, 'identified' | 'attributes' | 'agentsOnline'>;
  /** The chat holds proactive messages back: a conversation under way, a message showing, or one closed this visit. */
  blocked(): boolean;
  /** The rule's conditions held through its delay (counted even when it is then held back). */
  fired(rule: PublicProactiveRule): void;
  show(rule: PublicProactiveRule): void;
}

const media = (query: string): boolean => typeof matchMedia === 'function' && matchMedia(query).matches;

/** A touch screen's size tells a phone from a tablet; a mouse or trackpad is a desktop. */
function deviceType(): DeviceType {
  if (!media('(pointer: coarse)')) return 'desktop';
  return Math.min(screen.width, screen.height) < 600 ? 'mobile' : 'tablet';
}

/** How far down the page the bottom of the viewport is, in percent (a page that does not scroll: 100). */
function scrolled(): number {
  const height = document.documentElement.scrollHeight;
  return height > 0 ? Math.min(100, ((scrollY + innerHeight) / height) * 100) : 100;
}

export class RuleEngine {
  #rules: PublicProactiveRule[] = [];
  #withinBusinessHours = true;
  #page = { url: '', title: '', start: 0 };
  #visit: VisitFacts | null = null;
  #scroll = 0;
  #exit = false;
  /** Rules done for this page view: shown, or held back when due. */
  #done = new Set<string>();
  #pending: ReturnType<typeof setTimeout> | undefined;
  #pendingRule: string | null = null;
  #wake: ReturnType<typeof setTimeout> | undefined;
  #scrolling = false;
  #watchingExit = false;
  #stopped = false;
  readonly #caps: RuleCaps;
  readonly #local: KeyValueStore;
  readonly #session: KeyValueStore;
  readonly #hooks: EngineHooks;

  constructor(local: KeyValueStore, session: KeyValueStore, hooks: EngineHooks) {
    this.#local = local;
    this.#session = session;
    this.#hooks = hooks;
    this.#caps = new RuleCaps(local, session);
  }

  /** The site's rules (from its config), in order: the first whose conditions hold wins. */
  setRules(rules: PublicProactiveRule[], withinBusinessHours: boolean): void {
    this.#rules = rules;
    this.#withinBusinessHours = withinBusinessHours;
    this.evaluate();
  }

  /** A page: the one the widget loaded on, or a single-page app's next. Counted, and the page's conditions start over. */
  pageView(url: string, title: string): void {
    if (url === this.#page.url) return;
    const now = Date.now();
    this.#cancelPending();
    this.#listen(false, false);
    this.#page = { url, title, start: now };
    this.#scroll = 0;
    this.#exit = false;
    this.#done.clear();
    this.#visit = countPageView(this.#local, this.#session, { href: url, referrer: document.referrer }, now);
    this.evaluate();
  }

  /** Something a rule may look at changed; also run by the engine's own timer and listeners. */
  evaluate(): void {
    clearTimeout(this.#wake);
    const visit = this.#visit;
    if (this.#stopped || !visit) return;
    const now = Date.now();
    const open = this.#rules.filter((rule) => !this.#done.has(rule.id) && this.#caps.allows(rule, now));
    let wake = Infinity;
    let scroll = false;
    let exit = false;
    for (const condition of open.flatMap((rule) => rule.conditions.groups.flatMap((group) => group.conditions))) {
      if (condition.field === 'scrollDepth') scroll = true;
      else if (condition.field === 'exitIntent') exit = true;
      else if (condition.field === 'timeOnPage' || condition.field === 'timeOnSite') {
        const due = (condition.field === 'timeOnPage' ? this.#page.start : visit.start) + condition.seconds * 1000;
        if (due > now) wake = Math.min(wake, due);
      }
    }
    // exit intent is a desktop gesture: on touch screens nothing leaves through the top
    this.#listen(scroll, exit && deviceType() === 'desktop');
    if (wake < Infinity) this.#wake = setTimeout(() => this.evaluate(), wake - now);
    // one rule waits out its delay at a time, and the first in order that holds is that one
    if (this.#pendingRule !== null) return;
    const context = this.#context(visit, now);
    const rule = open.find((candidate) => conditionsHold(candidate.conditions, context));
    if (!rule) return;
    this.#pendingRule = rule.id;
    if (rule.delaySeconds === 0) this.#due(rule);
    else this.#pending = setTimeout(() => this.#due(rule), rule.delaySeconds * 1000);
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelPending();
    clearTimeout(this.#wake);
    this.#listen(false, false);
  }

  #due(rule: PublicProactiveRule): void {
    this.#pendingRule = null;
    const now = Date.now();
    const visit = this.#visit;
    // the delay is over: only a rule whose conditions still hold shows
    if (visit && conditionsHold(rule.conditions, this.#context(visit, now)) && this.#caps.allows(rule, now)) {
      this.#done.add(rule.id);
      this.#hooks.fired(rule);
      if (!this.#hooks.blocked()) {
        this.#caps.shown(rule, now);
        this.#hooks.show(rule);
      }
    }
    this.evaluate();
  }

  #cancelPending(): void {
    clearTimeout(this.#pending);
    this.#pendingRule = null;
  }

  #context(visit: VisitFacts, now: number): RuleContext {
    return {
      url: this.#page.url,
      title: this.#page.title,
      referrer: visit.referrer,
      utm: visit.utm,
      pageSeconds: (now - this.#page.start) / 1000,
      siteSeconds: (now - visit.start) / 1000,
      scrollPercent: this.#scroll,
      exitIntent: this.#exit,
      pageViews: visit.pageViews,
      visits: visit.visits,
      device: deviceType(),
      withinBusinessHours: this.#withinBusinessHours,
      ...this.#hooks.live(),
    };
  }

  readonly #onScroll = (): void => {
    const depth = scrolled();
    if (depth <= this.#scroll) return;
    this.#scroll = depth;
    this.evaluate();
  };

  readonly #onMouseOut = (event: MouseEvent): void => {
    // leaving the document (no element entered) through its top edge: toward the tabs and the address bar
    if (event.relatedTarget || event.clientY > 0 || this.#exit) return;
    this.#exit = true;
    this.evaluate();
  };

  #listen(scroll: boolean, exit: boolean): void {
    if (scroll !== this.#scrolling) {
      this.#scrolling = scroll;
      if (scroll) {
        addEventListener('scroll', this.#onScroll, { passive: true });
        this.#scroll = Math.max(this.#scroll, scrolled());
      } else removeEventListener('scroll', this.#onScroll);
    }
    if (exit !== this.#watchingExit) {
      this.#watchingExit = exit;
      if (exit) document.addEventListener('mouseout', this.#onMouseOut, { passive: true });
      else document.removeEventListener('mouseout', this.#onMouseOut);
    }
  }
}

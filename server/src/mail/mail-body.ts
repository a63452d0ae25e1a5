/**
 * @module Plain-text and HTML bodies of Parley's mails, built from text only: every value is
 * HTML-escaped before it reaches markup, so what a visitor or agent typed can never become HTML.
 */
import type { Message } from '@parley/shared';
import { mailTextOf } from './rich-content-text.ts';

/** Mail clients that keep it let the quoted-history stripper cut exactly here. */
export const REPLY_ABOVE_LINE = '##- Please type your reply above this line -##';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const paragraphHtml = (text: string): string =>
  `<p style="margin:0 0 12px">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;

/** `2026-01-01 10:00 UTC`: mails are read in any time zone, so the zone is named. */
function mailTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export interface TranscriptLine {
  who: string;
  at: string;
  body: string;
}

/** Who said it, as the reader of the mail should see it. */
export function transcriptLines(messages: Message[], names: { visitor: string; team: string }): TranscriptLine[] {
  return messages.map((m) => ({
    who:
      m.author.kind === 'visitor'
        ? names.visitor
        : m.author.kind === 'agent'
          ? (m.author.name ?? names.team)
          : // answer bot (issue 22): the reader sees that the bot said it, not a person
            m.author.kind === 'bot'
            ? `${m.author.name ?? 'Bot'} (bot)`
            : names.team,
    at: mailTime(m.createdAt),
    // the current text (edits included); a deleted message keeps its place, its text is gone
    body: m.deletedAt ? '(message deleted)' : mailTextOf(m),
  }));
}

export interface MailContent {
  /** Paragraphs before the transcript. */
  intro: string[];
  transcript?: { title: string; lines: TranscriptLine[] };
  /** Small print at the end. */
  footer?: string;
  /** Puts REPLY_ABOVE_LINE on top: for mails the visitor can answer. */
  replyable?: boolean;
}

export function renderText(content: MailContent): string {
  const parts: string[] = [];
  if (content.replyable) parts.push(REPLY_ABOVE_LINE, '');
  parts.push(...content.intro.flatMap((p) => [p, '']));
  if (content.transcript && content.transcript.lines.length > 0) {
    parts.push(`— ${content.transcript.title} —`, '');
    for (const line of content.transcript.lines) parts.push(`${line.who} (${line.at}):`, line.body, '');
  }
  if (content.footer) parts.push('--', content.footer);
  return parts.join('\n').trimEnd() + '\n';
}

export function renderHtml(content: MailContent): string {
  const body: string[] = [];
  if (content.replyable)
    body.push(`<p style="color:#888;font-size:12px;margin:0 0 16px">${escapeHtml(REPLY_ABOVE_LINE)}</p>`);
  body.push(...content.intro.map(paragraphHtml));
  if (content.transcript && content.transcript.lines.length > 0) {
    body.push(`<h3 style="font-size:14px;margin:24px 0 8px">${escapeHtml(content.transcript.title)}</h3>`);
    for (const line of content.transcript.lines) {
      body.push(
        `<p style="margin:0 0 4px"><strong>${escapeHtml(line.who)}</strong> <span style="color:#888;font-size:12px">${escapeHtml(line.at)}</span></p>`,
        paragraphHtml(line.body),
      );
    }
  }
  if (content.footer)
    body.push(`<p style="color:#888;font-size:12px;margin:24px 0 0">${escapeHtml(content.footer)}</p>`);
  return `<!doctype html>\n<html><body style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#222">\n${body.join('\n')}\n</body></html>\n`;
}

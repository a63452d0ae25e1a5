/**
 * @module Keeps what the visitor wrote in an emailed reply: drops the quoted history mail clients
 * append (our own "reply above this line" marker, "On … wrote:", Outlook's header block, `>` lines)
 * and the signature (RFC 3676 "-- ", "Sent from my phone").
 */
import { REPLY_ABOVE_LINE } from './mail-body.ts';

/** A line where everything from here down is history or signature. */
const CUT: RegExp[] = [
  /^on\b.{0,300}\bwrote:?$/i, // Gmail, Apple Mail, Thunderbird
  /^-{2,}\s*original message\s*-{2,}$/i, // Outlook
  /^le\b.{0,300}\ba écrit\s?:$/i,
  /^am\b.{0,300}\bschrieb\b.{0,300}:$/i,
  /^el\b.{0,300}\bescribió:$/i,
  /^--$/, // "-- " signature delimiter, trimmed
  /^sent from my\b/i,
  /^get outlook for\b/i,
];

const OUTLOOK_HEADER = /^(from|von|de):\s/i;
const OUTLOOK_NEXT = /^(sent|date|to|gesendet|envoyé|enviado|an|à|para|subject|betreff|objet|asunto):\s/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const next = (lines[i + 1] ?? '').trim();
    if (line.includes(REPLY_ABOVE_LINE)) break;
    if (CUT.some((re) => re.test(line))) break;
    // Gmail wraps a long "On <date>, <name> <address>" over two lines before "wrote:".
    if (/^on\b/i.test(line) && /\bwrote:$/i.test(next) && !next.startsWith('>')) break;
    if (/^_{8,}$/.test(line) && OUTLOOK_HEADER.test(next)) break;
    if (OUTLOOK_HEADER.test(line) && OUTLOOK_NEXT.test(next)) break;
    // Quoted lines between the visitor's own (an interleaved answer): the visitor's lines stay.
    if (line.startsWith('>')) continue;
    kept.push(lines[i] ?? '');
  }
  return kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * @module Recognises a sign-off at the end of a reply ("Thanks,\nAda", "-Abhishek Kona", "Ada"), so
 * it can go: only when sure, that is when the name is the sender's own, or written as "-Name".
 * Anything more (a title, a phone number, an address) makes it a signature we keep.
 */

/** What we know of who sent the mail: display name and address. */
export interface Sender {
  name?: string | undefined;
  address?: string | undefined;
}

/** Closings, lower-case, without trailing punctuation. */
const CLOSINGS = new Set([
  'thanks',
  'thank you',
  'many thanks',
  'thanks a lot',
  'thanks again',
  'thx',
  'ta',
  'cheers',
  'best',
  'all the best',
  'best regards',
  'kind regards',
  'warm regards',
  'regards',
  'best wishes',
  'sincerely',
  'yours',
  'yours sincerely',
  'merci',
  'cordialement',
  'bien à vous',
  'bonne journée',
  'danke',
  'viele grüße',
  'liebe grüße',
  'beste grüße',
  'mit freundlichen grüßen',
  'freundliche grüße',
  'gruß',
  'grüße',
  'lg',
  'vg',
  'saludos',
  'un saludo',
  'atentamente',
  'gracias',
  'saluti',
  'cordiali saluti',
  'grazie',
  'groeten',
  'met vriendelijke groet',
  'obrigado',
  'obrigada',
  'atenciosamente',
  'hälsningar',
  'mvh',
]);

const WORD = /[\p{L}\p{M}'’.-]+/gu;

/** Words that name the sender: those of the display name ("Lovelace, Ada" too) and of the address. */
function senderWords(sender: Sender): Set<string> {
  const local = sender.address?.split('@')[0] ?? '';
  const words = [...(sender.name?.match(WORD) ?? []), ...local.split(/[._+-]/)];
  return new Set(words.map((w) => w.toLowerCase().replace(/\.$/, '')).filter((w) => w.length >= 2));
}

function isSendersName(text: string, sender: Sender): boolean {
  const known = senderWords(sender);
  const words = text.match(WORD) ?? [];
  return words.length > 0 && words.length <= 4 && words.every((w) => known.has(w.toLowerCase().replace(/\.$/, '')));
}

const isClosing = (line: string): boolean =>
  CLOSINGS.has(
    line
      .trim()
      .replace(/[,.!]+$/, '')
      .toLowerCase(),
  );

/** "-Ada", "-Abhishek Kona", "— Ada Lovelace": a dash, then one to three capitalised words. */
const DASH_NAME = /^[-–—](\s?)(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s\p{Lu}[\p{L}\p{M}'’.-]*){0,2})$/u;

/**
 * How many lines at the end of `paragraph` (its lines, none blank) are a sign-off: 0, 1 or 2.
 */
export function signOffLength(paragraph: readonly string[], sender: Sender): number {
  const last = (paragraph.at(-1) ?? '').trim();
  if (last.length > 100) return 0; // a sentence, and no regex below need walk a long line
  const before = paragraph.length >= 2 ? (paragraph.at(-2) ?? '') : undefined;
  const dash = DASH_NAME.exec(last);
  // "-Name" with no space is a sign-off; "- Name" could be a list item unless it is the sender's name.
  if (dash && (dash[1] === '' || isSendersName(dash[2] ?? '', sender))) return before && isClosing(before) ? 2 : 1;
  if (isSendersName(last, sender)) {
    if (before !== undefined && isClosing(before)) return 2;
    return paragraph.length === 1 ? 1 : 0;
  }
  // "Thanks, Ada" on one line.
  const comma = /^(.+?)[,!]\s+(.+)$/u.exec(last);
  if (comma && isClosing(comma[1] ?? '') && isSendersName(comma[2] ?? '', sender)) return 1;
  return 0;
}

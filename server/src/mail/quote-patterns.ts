/**
 * @module The lines mail clients write around a reply, as patterns: the attribution above a quote
 * ("On … wrote:" in the languages clients use), Outlook's From/Sent header block, "Original
 * Message" rules, signature delimiters, device signatures and mailing-list footers. Every pattern
 * runs on one line or on a few joined lines of bounded length, so none can take long on any input.
 */

/** A quoted line: `>` at the start, after at most two spaces (some clients indent the quote). */
export const QUOTED = /^[ \t]{0,2}>/;

/** The quote markers of a line, `> > ` and all: what is left is what the quoted mail said. */
export function unquoted(line: string): string {
  return line.replace(/^[ \t]{0,2}(?:>[ \t]?)+/, '');
}

export const isBlank = (line: string): boolean => line.trim() === '';

/**
 * One attribution, joined onto one line. Each has a digit somewhere (the date every client writes),
 * so "On Monday you wrote:" in the visitor's own words is not taken for one.
 */
const ATTRIBUTION: RegExp[] = [
  /^on\s.*\bwrote\s?:$/i, // Gmail, Apple Mail, Thunderbird, Outlook for Mac
  /^le\s.*\ba\s+écrit\s?:$/i,
  /^am\s.*\bschrieb\b.*:$/i,
  /^el\s.*\bescribió\s?:$/i,
  /^il\s.*\bha\s+scritto\s?:$/i,
  /^(?:em|no dia)\s.*\bescreveu\s?:$/i,
  /^op\s.*\bschreef\b.*:$/i,
  /^(?:w dniu|dnia)\s.*\bnapisał(?:\(a\))?\s?:$/i,
  /^.*\b(?:skrev|kirjoitti|napsal\(a\)|írta)\b.*:$/i, // Nordic, Finnish, Czech, Hungarian
  /^.*(?:写道|작성|のメッセージ)\s?[:：]$/,
];

/** Longest attribution we join: a date, a long display name and an address fit with room to spare. */
const MAX_ATTRIBUTION = 400;

/**
 * How many lines, from `start`, form an attribution (Gmail and Apple Mail wrap a long one over up to
 * three lines, breaking even inside the address); 0 when the line does not start one.
 */
export function attributionLength(lines: readonly string[], start: number): number {
  let joined = '';
  for (let n = 1; n <= 4 && start + n - 1 < lines.length; n++) {
    const line = (lines[start + n - 1] ?? '').trim();
    if (line === '' || (n > 1 && QUOTED.test(line))) return 0;
    joined = n === 1 ? line : `${joined}${joined.endsWith('<') ? '' : ' '}${line}`;
    if (joined.length > MAX_ATTRIBUTION) return 0;
    if (/\d/.test(joined) && ATTRIBUTION.some((re) => re.test(joined))) return n;
  }
  return 0;
}

/** Outlook's "-----Original Message-----" and its translations: everything below is history. */
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|oprindelig besked|opprinnelig melding)\s*-{2,}$/i;

export const isOriginalMessageRule = (line: string): boolean => ORIGINAL_MESSAGE.test(line.trim());

/**
 * Where a forwarded mail begins (Gmail, Apple Mail, Outlook, Thunderbird). A visitor forwards a mail
 * to the ticket to show it: what follows is theirs to keep, header block and all.
 */
const FORWARD_MARKER =
  /^(?:-+\s*(?:forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht)\s*-+|begin forwarded message\s?:|anfang der weitergeleiteten nachricht\s?:|début du message réexpédié\s?:|-{5,}\s*forwarded by\b.*)$/i;

export const isForwardMarker = (line: string): boolean => FORWARD_MARKER.test(line.trim());

/** The subject of a forward: "Fwd:", "FW:", and translations. */
export const isForwardSubject = (subject: string | undefined): boolean =>
  /^\s*(?:fwd?|wg|tr|rv|doorst)\s*:/i.test(subject ?? '');

/** A rule Outlook and others draw above the header block: underscores or dashes, nothing else. */
export const isRule = (line: string): boolean => /^\s*(?:_{5,}|-{5,})\s*$/.test(line);

/** `From:`, `*From:*` (bold, after a conversion to plain text) and translations. */
const HEADER_FROM = /^\s*\*?(?:from|von|de|da|van|från|fra|od|от|lähettäjä|kimden)\s?:\*?\s/i;
const HEADER_OTHER =
  /^\s*\*?(sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|à|objet|enviado|fecha|para|asunto|inviato|data|a|oggetto|verzonden|aan|onderwerp|skickat|till|ämne|sendt|til|emne)\s?:\*?(?:\s|$)/i;

/**
 * True when `lines[start]` opens a header block of a quoted mail: a From line, then (within the
 * next lines, the From line may wrap) at least two more header fields, or one when a rule sits
 * right above it. "From: London / To: Paris" in a visitor's own words is not enough.
 */
export function isHeaderBlock(lines: readonly string[], start: number, ruleAbove: boolean): boolean {
  if (!HEADER_FROM.test(lines[start] ?? '')) return false;
  const fields = new Set<string>();
  for (let i = start + 1; i < Math.min(lines.length, start + 6); i++) {
    const name = HEADER_OTHER.exec(lines[i] ?? '')?.[1]?.toLowerCase();
    if (name) fields.add(name);
  }
  return fields.size >= (ruleAbove ? 1 : 2);
}

/** RFC 3676's "-- " (often trimmed to "--"): the signature follows. */
export const isSignatureDelimiter = (line: string): boolean => /^--[ \t]?$/.test(line);

/** A mailing-list footer under a rule of underscores (Mailman and its kin). */
export function isListFooter(lines: readonly string[], start: number): boolean {
  if (!/^\s*_{3,}\s*$/.test(lines[start] ?? '')) return false;
  const below = lines.slice(start + 1, start + 5).join('\n');
  return /mailing list|listinfo|unsubscribe|mailman/i.test(below);
}

/**
 * "Sent from my iPhone" and what phones and webmail append, in a few languages. Short on purpose:
 * "Sent from my desk, is much easier…" is a sentence, not a signature.
 */
const DEVICE_SIGNATURE: RegExp[] = [
  /^sent from my(?: [\p{L}\p{N}'’-]+){1,4}\.?$/iu,
  /^sent from (?:outlook|mail|yahoo mail|proton ?mail|aol|gmail|samsung mail)(?: (?:for|on) [\p{L}\p{N} ]{1,30})?\.?(?:<[^>\s]+>)?$/iu,
  /^sent with proton ?mail(?: secure email)?\.?$/i,
  /^get outlook for (?:ios|android|mac|windows)(?:<[^>\s]+>)?$/i,
  /^(?:envoyé de mon|von meinem|enviado desde mi|inviato da(?: mio)?|verzonden (?:vanaf|met) mijn|verstuurd vanaf mijn|skickat från min|sendt fra min)\s[\p{L}\p{N} ]{1,30}(?:\sgesendet)?$/iu,
];

export const isDeviceSignature = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed.length <= 80 && DEVICE_SIGNATURE.some((re) => re.test(trimmed));
};

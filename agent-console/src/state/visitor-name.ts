/**
 * @module What the console calls a visitor: their name when they gave one, else their email, else a
 * readable name made from their visitor id ("Teal Otter"). The made-up name is stable: the same visitor
 * gets the same one in every list, tab and reload, because it is a hash of the id and nothing else.
 * Two anonymous visitors share one by chance about once in 900 pairs; their messages and details still
 * tell them apart.
 */
const COLOURS = [
  'Amber',
  'Aqua',
  'Azure',
  'Beige',
  'Bronze',
  'Coral',
  'Crimson',
  'Denim',
  'Emerald',
  'Golden',
  'Indigo',
  'Ivory',
  'Jade',
  'Lilac',
  'Lime',
  'Magenta',
  'Mint',
  'Olive',
  'Orange',
  'Pearl',
  'Plum',
  'Ruby',
  'Rust',
  'Saffron',
  'Sage',
  'Scarlet',
  'Silver',
  'Teal',
  'Violet',
  'White',
] as const;
const ANIMALS = [
  'Badger',
  'Bear',
  'Beaver',
  'Crane',
  'Deer',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Finch',
  'Fox',
  'Gecko',
  'Hare',
  'Heron',
  'Ibis',
  'Koala',
  'Lark',
  'Lynx',
  'Marten',
  'Moose',
  'Newt',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Robin',
  'Seal',
  'Swan',
  'Tiger',
  'Wren',
] as const;

/** FNV-1a, 32 bits: tiny, and spreads short ids well enough for picking words. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** A stable, readable name for an anonymous visitor. */
export function generatedVisitorName(visitorId: string): string {
  const value = hash(visitorId);
  const colour = COLOURS[value % COLOURS.length] ?? COLOURS[0];
  const animal = ANIMALS[Math.floor(value / COLOURS.length) % ANIMALS.length] ?? ANIMALS[0];
  return `${colour} ${animal}`;
}

export interface VisitorNaming {
  visitorId: string;
  visitorName: string | null;
  visitorEmail?: string | null;
}

export function visitorDisplayName({ visitorId, visitorName, visitorEmail }: VisitorNaming): string {
  const name = visitorName?.trim();
  if (name) return name;
  const email = visitorEmail?.trim();
  if (email) return email;
  return generatedVisitorName(visitorId);
}

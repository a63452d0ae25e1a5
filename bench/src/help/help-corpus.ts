/**
 * @module A made-up help center for scenario 7: `count` articles spread over three locales (English,
 * German, French), built from each language's support vocabulary with a seeded random generator, so
 * every run searches the same 10,000 articles; and the queries visitors type against it (words that
 * exist, a word half typed, a typo, and questions nothing answers).
 */

const WORDS: Record<string, string[]> = {
  en: (
    'account order refund payment invoice shipping delivery parcel tracking return exchange warranty ' +
    'password login email address subscription plan upgrade cancel billing card charge discount coupon ' +
    'voucher stock size colour product price tax receipt customer support contact store pickup courier ' +
    'damaged missing late cancelled confirmation checkout basket wishlist review rating gift battery ' +
    'charger screen repair replacement installation manual settings privacy security notification app'
  ).split(' '),
  de: (
    'Konto Bestellung Erstattung Zahlung Rechnung Versand Lieferung Paket Sendungsverfolgung Rücksendung ' +
    'Umtausch Garantie Passwort Anmeldung Adresse Abonnement Tarif kündigen Abrechnung Karte Rabatt ' +
    'Gutschein Lager Größe Farbe Produkt Preis Steuer Quittung Kunde Kundendienst Kontakt Filiale Abholung ' +
    'Kurier beschädigt fehlend verspätet storniert Bestätigung Kasse Warenkorb Wunschliste Bewertung ' +
    'Geschenk Akku Ladegerät Bildschirm Reparatur Ersatz Installation Anleitung Einstellungen Datenschutz'
  ).split(' '),
  fr: (
    'compte commande remboursement paiement facture expédition livraison colis suivi retour échange ' +
    'garantie motdepasse connexion adresse abonnement forfait résilier facturation carte remise bon ' +
    'stock taille couleur produit prix taxe reçu client assistance contact magasin retrait transporteur ' +
    'endommagé manquant retard annulé confirmation panier favoris avis note cadeau batterie chargeur ' +
    'écran réparation remplacement installation notice paramètres confidentialité sécurité application'
  ).split(' '),
};

const FILLER: Record<string, string[]> = {
  en: 'how to your the a for with when after before can you we will is not of and in on'.split(' '),
  de: 'wie Sie Ihr Ihre die der das für mit wenn nach vor können wir wird ist nicht und in auf'.split(' '),
  fr: 'comment votre le la les pour avec quand après avant pouvez nous est pas de et dans sur'.split(' '),
};

export const BENCH_LOCALES = ['en', 'de', 'fr'] as const;
export type BenchLocale = (typeof BENCH_LOCALES)[number];

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

function sentence(locale: BenchLocale, words: number, random: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1)
    out.push(random() < 0.55 ? pick(WORDS[locale] ?? [], random) : pick(FILLER[locale] ?? [], random));
  return out.join(' ');
}

export interface BenchArticle {
  locale: BenchLocale;
  slug: string;
  title: string;
  summary: string;
  body: string;
  status: 'published';
}

/** `count` published articles, the locales taking turns; bodies of about 120 words in three paragraphs. */
export function helpCorpus(count: number, seed = 7): BenchArticle[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const locale = BENCH_LOCALES[i % BENCH_LOCALES.length] ?? 'en';
    const title = sentence(locale, 3 + Math.floor(random() * 4), random);
    const body = [0, 1, 2].map(() => sentence(locale, 35 + Math.floor(random() * 10), random)).join('\n\n');
    return {
      locale,
      slug: `article-${i}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      summary: sentence(locale, 10, random),
      body,
      status: 'published',
    };
  });
}

/** What visitors type: 70 % one to three real words, 10 % a word half typed, 10 % a typo, 10 % nothing findable. */
export function helpQueries(count: number, seed = 77): Array<{ locale: BenchLocale; q: string }> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const locale = pick(BENCH_LOCALES, random);
    const words = WORDS[locale] ?? [];
    const roll = random();
    let q: string;
    if (roll < 0.7) {
      q = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words, random)).join(' ');
    } else if (roll < 0.8) {
      const word = pick(words, random);
      q = `${pick(words, random)} ${word.slice(0, Math.max(3, Math.ceil(word.length / 2)))}`;
    } else if (roll < 0.9) {
      const word = pick(words, random);
      const at = 1 + Math.floor(random() * (word.length - 2));
      q = word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    } else {
      q = `zqx${Math.floor(random() * 1e6)} vlorp`;
    }
    return { locale, q };
  });
}

/**
 * @module help-widget: the help view's words in every widget language. They ride in the help chunk,
 * not the locale files, so a visitor on a site without a help center never downloads them.
 */
const en = {
  help: 'Help',
  search: 'Search help articles',
  searchPlaceholder: 'Search for answers',
  popular: 'Popular articles',
  results: 'Articles',
  noResults: 'No articles found.',
  fuzzy: 'No exact match; these are close.',
  suggestions: 'These might answer your question',
  browse: 'Search our help articles',
  back: 'Back',
  fullPage: 'Open the full page',
  helped: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  glad: 'Great, glad it helped!',
  stillNeed: 'Still need help?',
  chat: 'Chat with us',
  loading: 'Loading…',
  failed: 'The help articles could not be loaded.',
};
export type HelpStrings = typeof en;

const de: HelpStrings = {
  help: 'Hilfe',
  search: 'Hilfeartikel durchsuchen',
  searchPlaceholder: 'Nach Antworten suchen',
  popular: 'Beliebte Artikel',
  results: 'Artikel',
  noResults: 'Keine Artikel gefunden.',
  fuzzy: 'Kein genauer Treffer; diese kommen nahe.',
  suggestions: 'Vielleicht beantworten diese Ihre Frage',
  browse: 'Unsere Hilfeartikel durchsuchen',
  back: 'Zurück',
  fullPage: 'Ganze Seite öffnen',
  helped: 'Hat das geholfen?',
  yes: 'Ja',
  no: 'Nein',
  glad: 'Prima, das freut uns!',
  stillNeed: 'Brauchen Sie noch Hilfe?',
  chat: 'Mit uns chatten',
  loading: 'Wird geladen…',
  failed: 'Die Hilfeartikel konnten nicht geladen werden.',
};

const es: HelpStrings = {
  help: 'Ayuda',
  search: 'Buscar artículos de ayuda',
  searchPlaceholder: 'Busca respuestas',
  popular: 'Artículos populares',
  results: 'Artículos',
  noResults: 'No se encontraron artículos.',
  fuzzy: 'Sin coincidencia exacta; estos se parecen.',
  suggestions: 'Estos podrían responder tu pregunta',
  browse: 'Busca en nuestros artículos de ayuda',
  back: 'Volver',
  fullPage: 'Abrir la página completa',
  helped: '¿Te ha servido?',
  yes: 'Sí',
  no: 'No',
  glad: '¡Genial, nos alegra que te sirviera!',
  stillNeed: '¿Aún necesitas ayuda?',
  chat: 'Chatea con nosotros',
  loading: 'Cargando…',
  failed: 'No se pudieron cargar los artículos de ayuda.',
};

const fr: HelpStrings = {
  help: 'Aide',
  search: 'Rechercher dans les articles d’aide',
  searchPlaceholder: 'Cherchez une réponse',
  popular: 'Articles populaires',
  results: 'Articles',
  noResults: 'Aucun article trouvé.',
  fuzzy: 'Pas de correspondance exacte ; ceux-ci s’en approchent.',
  suggestions: 'Ceci pourrait répondre à votre question',
  browse: 'Parcourir nos articles d’aide',
  back: 'Retour',
  fullPage: 'Ouvrir la page complète',
  helped: 'Cela vous a-t-il aidé ?',
  yes: 'Oui',
  no: 'Non',
  glad: 'Parfait, ravi que cela ait aidé !',
  stillNeed: 'Besoin d’aide encore ?',
  chat: 'Discutez avec nous',
  loading: 'Chargement…',
  failed: 'Les articles d’aide n’ont pas pu être chargés.',
};

const ar: HelpStrings = {
  help: 'المساعدة',
  search: 'البحث في مقالات المساعدة',
  searchPlaceholder: 'ابحث عن إجابات',
  popular: 'المقالات الشائعة',
  results: 'المقالات',
  noResults: 'لم يتم العثور على مقالات.',
  fuzzy: 'لا يوجد تطابق تام؛ هذه قريبة.',
  suggestions: 'قد تجيب هذه عن سؤالك',
  browse: 'ابحث في مقالات المساعدة',
  back: 'رجوع',
  fullPage: 'فتح الصفحة كاملة',
  helped: 'هل كان هذا مفيدًا؟',
  yes: 'نعم',
  no: 'لا',
  glad: 'رائع، يسعدنا أن ذلك ساعدك!',
  stillNeed: 'هل ما زلت بحاجة إلى مساعدة؟',
  chat: 'تحدث معنا',
  loading: 'جارٍ التحميل…',
  failed: 'تعذّر تحميل مقالات المساعدة.',
};

const all: Record<string, HelpStrings> = { en, de, es, fr, ar };

/** The strings of the widget's language (`lang`: the root's BCP 47 tag); English for any other. */
export const helpStrings = (lang: string): HelpStrings => all[lang.split('-')[0] ?? 'en'] ?? en;

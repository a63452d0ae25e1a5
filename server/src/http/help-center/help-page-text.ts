/**
 * @module The public help center's few words of its own, in the widget's five locales (English for
 * any other), and which locales are written right to left.
 */
export interface HelpPageText {
  helpCenter: string;
  search: string;
  searchLabel: string;
  popular: string;
  categories: string;
  otherArticles: string;
  resultsFor: (query: string) => string;
  noResults: string;
  didYouMean: string;
  updated: string;
  noArticles: string;
  notFound: string;
  backHome: string;
  skip: string;
  chatHint: string;
}

const en: HelpPageText = {
  helpCenter: 'Help center',
  search: 'Search',
  searchLabel: 'Search the help center',
  popular: 'Popular articles',
  categories: 'Categories',
  otherArticles: 'More articles',
  resultsFor: (q) => `Results for “${q}”`,
  noResults: 'No article matches your search. Try other words, or chat with us.',
  didYouMean: 'No exact match; these are close:',
  updated: 'Updated',
  noArticles: 'No articles here yet.',
  notFound: 'This page does not exist.',
  backHome: 'Back to the help center',
  skip: 'Skip to content',
  chatHint: 'Still need help? Chat with us: the button is in the corner of the page.',
};

const TEXTS: Readonly<Record<string, HelpPageText>> = {
  en,
  de: {
    helpCenter: 'Hilfe-Center',
    search: 'Suchen',
    searchLabel: 'Im Hilfe-Center suchen',
    popular: 'Beliebte Artikel',
    categories: 'Kategorien',
    otherArticles: 'Weitere Artikel',
    resultsFor: (q) => `Ergebnisse für „${q}“`,
    noResults: 'Kein Artikel passt zu Ihrer Suche. Versuchen Sie andere Wörter oder schreiben Sie uns.',
    didYouMean: 'Keine genaue Übereinstimmung; diese sind ähnlich:',
    updated: 'Aktualisiert',
    noArticles: 'Hier gibt es noch keine Artikel.',
    notFound: 'Diese Seite gibt es nicht.',
    backHome: 'Zurück zum Hilfe-Center',
    skip: 'Zum Inhalt springen',
    chatHint: 'Noch Fragen? Schreiben Sie uns: Der Knopf ist in der Ecke der Seite.',
  },
  fr: {
    helpCenter: 'Centre d’aide',
    search: 'Rechercher',
    searchLabel: 'Rechercher dans le centre d’aide',
    popular: 'Articles populaires',
    categories: 'Catégories',
    otherArticles: 'Autres articles',
    resultsFor: (q) => `Résultats pour « ${q} »`,
    noResults: 'Aucun article ne correspond. Essayez d’autres mots ou écrivez-nous.',
    didYouMean: 'Pas de correspondance exacte ; ceux-ci sont proches :',
    updated: 'Mis à jour',
    noArticles: 'Pas encore d’articles ici.',
    notFound: 'Cette page n’existe pas.',
    backHome: 'Retour au centre d’aide',
    skip: 'Aller au contenu',
    chatHint: 'Besoin d’aide ? Écrivez-nous : le bouton est dans le coin de la page.',
  },
  es: {
    helpCenter: 'Centro de ayuda',
    search: 'Buscar',
    searchLabel: 'Buscar en el centro de ayuda',
    popular: 'Artículos populares',
    categories: 'Categorías',
    otherArticles: 'Más artículos',
    resultsFor: (q) => `Resultados para «${q}»`,
    noResults: 'Ningún artículo coincide. Pruebe otras palabras o escríbanos.',
    didYouMean: 'No hay coincidencia exacta; estos se parecen:',
    updated: 'Actualizado',
    noArticles: 'Aún no hay artículos aquí.',
    notFound: 'Esta página no existe.',
    backHome: 'Volver al centro de ayuda',
    skip: 'Saltar al contenido',
    chatHint: '¿Necesita ayuda? Escríbanos: el botón está en la esquina de la página.',
  },
  ar: {
    helpCenter: 'مركز المساعدة',
    search: 'بحث',
    searchLabel: 'ابحث في مركز المساعدة',
    popular: 'المقالات الشائعة',
    categories: 'الفئات',
    otherArticles: 'مقالات أخرى',
    resultsFor: (q) => `نتائج البحث عن «${q}»`,
    noResults: 'لا توجد مقالة تطابق بحثك. جرّب كلمات أخرى أو راسلنا.',
    didYouMean: 'لا يوجد تطابق تام؛ هذه قريبة:',
    updated: 'آخر تحديث',
    noArticles: 'لا توجد مقالات هنا بعد.',
    notFound: 'هذه الصفحة غير موجودة.',
    backHome: 'العودة إلى مركز المساعدة',
    skip: 'انتقل إلى المحتوى',
    chatHint: 'هل ما زلت بحاجة إلى مساعدة؟ راسلنا: الزر في زاوية الصفحة.',
  },
};

export function pageText(locale: string): HelpPageText {
  return TEXTS[locale.split('-')[0] ?? ''] ?? en;
}

const RTL = new Set(['ar', 'fa', 'he', 'ur']);

export const directionOf = (locale: string): 'rtl' | 'ltr' => (RTL.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr');

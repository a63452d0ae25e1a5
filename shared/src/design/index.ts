/**
 * @module `@parley/shared/design`: what the widget and the console share of the design system beyond
 * tokens.css (imported as a stylesheet): the accent's palette and contrast checks. No zod, no DOM.
 */
export { accentPalette, contrastBetween, standsOut } from './accent.ts';
export type { AccentPalette, ColorScheme } from './accent.ts';

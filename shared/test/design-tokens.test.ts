import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accentPalette, contrastBetween, standsOut } from '../src/design/index.ts';
import { parseColor } from '../src/client-core/contrast.ts';
// vite's ?raw: the stylesheet's text, as the widget imports it
import tokensCss from '../src/design/tokens.css?raw';

const css = tokensCss;

/** The custom properties of the block whose selector is exactly `selector`. */
function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return new Map([...body.matchAll(/(--p-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}
const light = block('.p-theme');
const dark = new Map([...light, ...block(".p-theme[data-theme='dark']")]);

const rgb = (theme: Map<string, string>, name: string): [number, number, number] => {
  const parsed = parseColor(theme.get(name) ?? '');
  if (!parsed) throw new Error(`${name} is not a hex colour: ${theme.get(name)}`);
  return [parsed[0] ?? 0, parsed[1] ?? 0, parsed[2] ?? 0];
};

// [foreground, background, minimum ratio]: every pairing the widget and console use
const pairs: Array<[string, string, number]> = [
  ...['--p-bg', '--p-surface', '--p-surface-raised', '--p-surface-sunken'].flatMap(
    (bg): Array<[string, string, number]> => [
      ['--p-text', bg, 4.5],
      ['--p-text-muted', bg, 4.5],
      ['--p-text-faint', bg, 4.5],
      ['--p-focus', bg, 3],
      ['--p-border-strong', bg, 3],
      ['--p-danger', bg, 4.5],
      ['--p-success', bg, 4.5],
      ['--p-warning', bg, 4.5],
    ],
  ),
  ['--p-on-accent', '--p-accent', 4.5],
  ['--p-on-accent', '--p-accent-strong', 4.5],
  ['--p-on-accent-soft', '--p-accent-soft', 4.5],
  ['--p-text', '--p-accent-soft', 4.5],
  ['--p-danger', '--p-danger-soft', 4.5],
  ['--p-success', '--p-success-soft', 4.5],
  ['--p-warning', '--p-warning-soft', 4.5],
  ['--p-presence-online', '--p-surface', 3],
  ['--p-presence-away', '--p-surface', 3],
];

describe('design tokens', () => {
  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`meet WCAG AA in the ${name} theme`, () => {
      const failing = pairs
        .map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrastBetween(rgb(theme, fg), rgb(theme, bg)) }))
        .filter(({ ratio, min }) => ratio < min)
        .map(({ fg, bg, ratio, min }) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      expect(failing).toEqual([]);
    });
  }

  it('define the same properties in both themes', () => {
    const darkOnly = [...block(".p-theme[data-theme='dark']").keys()].filter((key) => !light.has(key));
    expect(darkOnly).toEqual([]);
  });
});

describe('accentPalette', () => {
  const hexColor = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    .map((channels) => `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

  it('keeps text on the accent, the soft shade and the focus ring readable for any site colour', () => {
    fc.assert(
      fc.property(hexColor, fc.constantFrom('light' as const, 'dark' as const), (accent, scheme) => {
        const palette = accentPalette(accent, scheme);
        const theme = new Map<string, string>([...(scheme === 'dark' ? dark : light), ...Object.entries(palette)]);
        expect(contrastBetween(rgb(theme, '--p-on-accent'), rgb(theme, '--p-accent'))).toBeGreaterThanOrEqual(4.5);
        expect(contrastBetween(rgb(theme, '--p-on-accent-soft'), rgb(theme, '--p-accent-soft'))).toBeGreaterThanOrEqual(
          4.5,
        );
        for (const surface of ['--p-surface', '--p-bg']) {
          expect(contrastBetween(rgb(theme, '--p-focus'), rgb(theme, surface))).toBeGreaterThanOrEqual(3);
        }
      }),
    );
  });

  it('keeps the site colour itself as the accent', () => {
    expect(accentPalette('#E11D48', 'light')['--p-accent']).toBe('#e11d48');
    expect(accentPalette('#0f0', 'dark')['--p-accent']).toBe('#00ff00');
  });

  it('falls back to the default blue for a colour it cannot read', () => {
    expect(accentPalette('tomato', 'light')['--p-accent']).toBe('#2563eb');
  });

  it('says whether the launcher stands out from the page', () => {
    expect(standsOut('#2563eb', '#ffffff')).toBe(true);
    expect(standsOut('#2563eb', '#1d4ed8')).toBe(false);
    expect(standsOut('#2563eb', 'url(x)')).toBe(true);
  });
});

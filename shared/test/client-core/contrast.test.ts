/** WCAG contrast: the widget's text colour on the brand colour, and the console's launcher warning. */
import { describe, expect, it } from 'vitest';
import {
  MIN_LAUNCHER_CONTRAST,
  contrastOnWhite,
  contrastRatio,
  parseColor,
  relativeLuminance,
  textColorOn,
} from '../../src/client-core/index.ts';

describe('contrast', () => {
  it('parses hex colours; anything else keeps white text', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#2563EB')).toEqual([37, 99, 235]);
    expect(parseColor('#2563ebcc')).toEqual([37, 99, 235]);
    expect(parseColor('#12345')).toBeNull();
    expect(parseColor('red')).toBeNull();
    expect(textColorOn('rgb(250, 250, 250)')).toBe('#fff');
  });

  it('picks the colour with the higher WCAG ratio, right at the threshold too', () => {
    for (const grey of [0x74, 0x75, 0x76, 0x77]) {
      const l = relativeLuminance([grey, grey, grey]);
      const best = contrastRatio(l, 0) > contrastRatio(l, 1) ? '#000' : '#fff';
      expect(textColorOn(`#${grey.toString(16).repeat(3)}`)).toBe(best);
    }
  });

  it('computes the WCAG ratio: black on white is 21:1', () => {
    expect(contrastRatio(relativeLuminance([0, 0, 0]), relativeLuminance([255, 255, 255]))).toBeCloseTo(21);
  });

  it('picks white on dark brand colours and black on light ones', () => {
    expect(textColorOn('#2563eb')).toBe('#fff');
    expect(textColorOn('#000080')).toBe('#fff');
    expect(textColorOn('#ffd700')).toBe('#000');
    expect(textColorOn('#7fffd4')).toBe('#000');
    // mid-grey: black reads better (≈ 5.3:1 against ≈ 3.9:1)
    expect(textColorOn('#808080')).toBe('#000');
  });

  it('measures the launcher against a white page, reading colours as the widget does', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1);
    expect(contrastOnWhite('#2563eb')).toBeGreaterThan(MIN_LAUNCHER_CONTRAST);
    expect(contrastOnWhite('#ffd700')).toBeLessThan(MIN_LAUNCHER_CONTRAST);
    // the widget paints #fff as white, so the warning must see it as white too
    expect(contrastOnWhite('#fff')).toBeCloseTo(1);
    expect(contrastOnWhite('not a colour')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, relativeLuminance, textColorOn } from '../../src/text/contrast.ts';

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
});

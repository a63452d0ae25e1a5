import { describe, expect, it } from 'vitest';
import { hasMarkup } from '../../src/text/has-markup.ts';
import { renderMarkdown } from '../../src/text/markdown-subset.ts';
import { renderRichText, sanitizeToFragment } from '../../src/text/sanitize.ts';

function rendered(body: string): HTMLElement {
  const host = document.createElement('div');
  host.append(renderRichText(body));
  return host;
}

describe('markdown subset', () => {
  it('tells formatted messages from plain ones', () => {
    expect(hasMarkup('**bold** move')).toBe(true);
    expect(hasMarkup('an _italic_ word')).toBe(true);
    expect(hasMarkup('- one\n- two')).toBe(true);
    expect(hasMarkup('1. first')).toBe(true);
    expect(hasMarkup('[docs](https://x.test)')).toBe(true);
    expect(hasMarkup('Just a question? 2*3 = 6, snake_case')).toBe(false);
  });

  it('renders bold, italics, lists and links', () => {
    const html = renderMarkdown(
      '**Steps**, _quickly_:\n- open *settings*\n- click [here](https://acme.test/a?b=1&c=2)\n1. done',
    );
    expect(html).toBe(
      '<p><strong>Steps</strong>, <em>quickly</em>:</p><ul><li>open <em>settings</em></li>' +
        '<li>click <a href="https://acme.test/a?b=1&#38;c=2">here</a></li></ul><ol><li>done</li></ol>',
    );
    const host = rendered('click [here](https://acme.test/)');
    const link = host.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://acme.test/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('escapes raw HTML so it shows as text, and the sanitizer keeps nothing executable', () => {
    const host = rendered('**hi** <script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(host.querySelector('script, img, [onerror]')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror="alert(2)">');
  });

  it('drops javascript: and data: links, however they are spelled', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      const host = rendered(`**a** [click](${url})`);
      expect(host.querySelector('a[href]')).toBeNull();
    }
  });

  it('sanitizes even HTML that did not come from the renderer', () => {
    const host = document.createElement('div');
    host.append(
      sanitizeToFragment(
        '<a href="javascript:alert(1)">x</a><a href="https://ok.test" onclick="alert(1)">y</a><iframe src="https://x"></iframe><em style="x">z</em>',
      ),
    );
    expect(host.querySelector('iframe, [onclick], [style]')).toBeNull();
    expect([...host.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([null, 'https://ok.test']);
  });
});

/**
 * The Help center admin page in the full console against an in-memory help server: empty and failed
 * loads, categories added, renamed, ordered by keyboard and deleted; articles found by words and
 * status and ordered; the editor's preview, picture insertion, drafts, publish, the unsaved-changes
 * guard, other locales, and the revision history with restore; import and export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { AGENT } from '../support/fixtures.ts';
import { FakeHelpServer } from '../support/fake-help-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });
const choose = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const region = (name: string) => screen.getByRole('region', { name });

async function open(help = new FakeHelpServer()) {
  await renderPage('/console/admin/help-center', { server: help.admin, fetch: help.fetch });
  await screen.findByRole('region', { name: 'Categories' });
  return help;
}

describe('help center page', () => {
  it('is listed for admins only, and tells others it is for admins', async () => {
    const help = new FakeHelpServer();
    await renderPage('/console/admin/help-center', { agent: AGENT, server: help.admin, fetch: help.fetch });
    expect(await screen.findByText(/Only admins can open this page/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console pages' });
    expect(within(nav).queryByRole('link', { name: 'Help center', hidden: true })).toBeNull();
  });

  it('shows what fills an empty help center, and a failed load with Retry', async () => {
    const help = new FakeHelpServer();
    help.unavailable.add('GET /api/help/sites/site-1/categories');
    await renderPage('/console/admin/help-center', { server: help.admin, fetch: help.fetch });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server is not answering.');
    help.unavailable.clear();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No categories in en yet.')).toBeTruthy();
    expect(screen.getByText('No articles in this locale yet.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console pages' });
    // behind the Admin button, closed: the link is there, hidden, and marked current
    expect(within(nav).getByRole('link', { name: 'Help center', hidden: true }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('adds, renames, orders by keyboard and deletes categories', async () => {
    const help = await open();
    const categories = region('Categories');
    for (const name of ['Billing', 'Shipping']) {
      type(within(categories).getByRole('textbox', { name: 'New category' }), name);
      fireEvent.click(within(categories).getByRole('button', { name: 'Add category' }));
      await within(categories).findByText(`Category “${name}” added.`);
    }
    // (that the focus stays on the moved row is checked by keyboard in a real browser: help-center-console.test.ts)
    fireEvent.click(within(categories).getByRole('button', { name: 'Move Shipping up' }));
    await within(categories).findByText('“Shipping” moved up.');
    expect(help.categories.map((c) => c.title)).toEqual(['Shipping', 'Billing']);
    expect(within(categories).getByRole<HTMLButtonElement>('button', { name: 'Move Shipping up' }).disabled).toBe(true);

    fireEvent.click(within(categories).getByRole('button', { name: 'Rename Billing' }));
    type(within(categories).getByRole('textbox', { name: 'New name for Billing' }), 'Payments');
    fireEvent.click(within(categories).getByRole('button', { name: 'Save' }));
    await within(categories).findByText('Category renamed to “Payments”.');

    fireEvent.click(within(categories).getByRole('button', { name: 'Delete Shipping' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Shipping”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete category' }));
    await within(categories).findByText('Category “Shipping” deleted.');
    expect(help.categories.map((c) => c.title)).toEqual(['Payments']);
  });

  it('finds articles by words and status, and orders them within one category', async () => {
    const help = new FakeHelpServer();
    const billing = help.category({ title: 'Billing' });
    help.article({ title: 'Refund policy', categoryId: billing.id, status: 'published', body: 'money back' });
    help.article({ title: 'Invoices', categoryId: billing.id });
    help.article({ title: 'Shipping times' });
    await open(help);
    const articles = region('Articles');
    const rows = () => within(articles).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(3);
    type(within(articles).getByRole('textbox', { name: 'Search articles' }), 'MONEY');
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Refund policy')]);
    type(within(articles).getByRole('textbox', { name: 'Search articles' }), '');
    choose(within(articles).getByRole('combobox', { name: 'Status' }), 'draft');
    expect(rows()).toHaveLength(2);
    expect(within(articles).queryByRole('button', { name: /^Move/ })).toBeNull();
    choose(within(articles).getByRole('combobox', { name: 'Status' }), 'all');
    choose(within(articles).getByRole('combobox', { name: 'Category' }), billing.id);
    fireEvent.click(within(articles).getByRole('button', { name: 'Move Invoices up' }));
    await within(articles).findByText('“Invoices” moved up.');
    expect(rows().map((r) => r.querySelector('button')?.textContent)).toEqual(['Invoices', 'Refund policy']);
    type(within(articles).getByRole('textbox', { name: 'Search articles' }), 'nothing like this');
    expect(within(articles).getByText('No article matches.')).toBeTruthy();
  });

  it('writes an article with a preview and a picture, guards unsaved changes, saves and publishes', async () => {
    const help = await open();
    fireEvent.click(screen.getByRole('button', { name: 'New article' }));
    type(screen.getByRole('textbox', { name: 'Title' }), 'Refund policy');
    const body = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Body (Markdown)' });
    type(body, 'We refund **every** order. <script>x</script>');
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview.querySelector('strong')?.textContent).toBe('every'));
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.textContent).toContain('<script>x</script>');

    body.setSelectionRange(body.value.length, body.value.length);
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'settings screen.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Insert picture'), { target: { files: [file] } });
    await screen.findByText(/Picture “settings screen.png” inserted/);
    expect(body.value).toBe(
      'We refund **every** order. <script>x</script>\n\n![settings screen](http://localhost:3000/api/help-images/site-1/himg_AAAAAAAAAAAAAAAA.png)\n',
    );

    // leaving asks first while something is unsaved
    expect(screen.getByText('Draft, unsaved changes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to articles' }));
    const leave = screen.getByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(leave).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save and publish' }));
    await screen.findByText('Published: it is on the public pages and in the widget.');
    expect(help.articles).toMatchObject([{ title: 'Refund policy', status: 'published', slug: 'refund-policy' }]);
    expect(screen.getByText('Published')).toBeTruthy();
    const history = await screen.findByRole('region', { name: 'History' });
    await within(history).findByText(/#2 Published/);

    fireEvent.click(screen.getByRole('button', { name: 'Unpublish' }));
    await screen.findByText('Unpublished: it is a draft again.');
    fireEvent.click(screen.getByRole('button', { name: '← Back to articles' }));
    expect(await screen.findByRole('button', { name: 'Refund policy' })).toBeTruthy();
  });

  it('shows who changed what, and restores an older revision as a new one', async () => {
    const help = new FakeHelpServer();
    const article = help.article({ title: 'Refunds', body: 'First words' });
    await open(help);
    fireEvent.click(screen.getByRole('button', { name: 'Refunds' }));
    const body = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Body (Markdown)' });
    type(body, 'Second words');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Saved.');
    const history = screen.getByRole('region', { name: 'History' });
    expect((await within(history).findByText(/#2 Changed/)).parentElement?.textContent).toMatch(/by Ada.*body/);

    fireEvent.click(within(history).getByRole('button', { name: 'View revision 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Revision 1: Refunds' });
    expect(within(dialog).getByText('First words')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this version' }));
    await screen.findByText('The older version is restored and saved as a new revision.');
    expect(body.value).toBe('First words');
    expect(help.articles.find((a) => a.id === article.id)?.body).toBe('First words');
    await within(screen.getByRole('region', { name: 'History' })).findByText(/#3 Changed/);
  });

  it('starts a version in another locale from the article, and opens it', async () => {
    const help = new FakeHelpServer();
    help.article({ title: 'Refunds', body: 'We refund.' });
    await open(help);
    fireEvent.click(screen.getByRole('button', { name: 'Refunds' }));
    const locales = await screen.findByRole('region', { name: 'Other locales' });
    type(within(locales).getByRole('textbox', { name: 'Add a version in locale' }), 'en');
    fireEvent.click(within(locales).getByRole('button', { name: 'Add version' }));
    expect(within(locales).getByText('There is already a version in en.')).toBeTruthy();
    type(within(locales).getByRole('textbox', { name: 'Add a version in locale' }), 'DE');
    fireEvent.click(within(locales).getByRole('button', { name: 'Add version' }));
    await screen.findByRole('heading', { name: 'New article (de)' });
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Body (Markdown)' }).value).toBe('We refund.');
    type(screen.getByRole('textbox', { name: 'Title' }), 'Erstattungen');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Saved.');
    const german = help.articles.find((a) => a.locale === 'de');
    expect(german).toMatchObject({ title: 'Erstattungen', translationGroupId: help.articles[0]?.id });
    const others = screen.getByRole('region', { name: 'Other locales' });
    expect(within(others).getByRole('button', { name: 'en: /refunds' })).toBeTruthy();
  });

  it('imports a bundle file and says what changed; refuses a file that is not one', async () => {
    const help = await open();
    const transfer = region('Import and export');
    const input = within(transfer).getByLabelText('Import a bundle (.json)');
    const bundle = { format: 'markdown', files: [{ path: 'en/refunds.md', content: '# Refunds\n\nYes.' }] };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(bundle)], 'faq.json')] } });
    await within(transfer).findByText('Imported: 1 categories added, 0 updated; 2 articles added, 1 updated.');
    expect(help.imports).toEqual([bundle]);
    fireEvent.change(input, { target: { files: [new File(['{"hello":1}'], 'other.json')] } });
    expect((await within(transfer).findByRole('alert')).textContent).toBe('other.json is not a help center bundle.');
  });
});

/**
 * @module Import and export of a site's help center over the existing endpoints: export as one JSON
 * bundle or as Markdown files with front matter (downloaded as the bundle the import takes back);
 * import a bundle file, or a folder of Markdown files read in the browser (path and text of each).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  HelpImportRequestSchema,
  type HelpImportRequest,
  type HelpImportResult,
  type SiteAdminView,
} from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { FormMessage } from '../../../components/form-field.tsx';
import { failure } from './help-failure.ts';

export function HelpImportExport({ site, onImported }: { site: SiteAdminView; onImported: () => void }) {
  const { help } = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const bundleId = useId();
  const folderId = useId();
  const folder = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // a folder picker: the browser hands over every file under it with its relative path
    if (folder.current) folder.current.webkitdirectory = true;
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setError(failure(caught, 'That did not work. Please try again.'));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'json' | 'markdown') =>
    run(async () => {
      const bundle = await help.exportBundle(site.id, format);
      const name = `help-center-${site.siteKey}${format === 'markdown' ? '-markdown' : ''}.json`;
      download(name, JSON.stringify(bundle, null, 2));
      setNotice(`Exported ${name}.`);
    });

  const importBundle = (bundle: HelpImportRequest) =>
    run(async () => {
      const result = await help.importBundle(site.id, bundle);
      setNotice(describe(result));
      onImported();
    });

  return (
    <section class="card" aria-labelledby="help-transfer-title">
      <h2 id="help-transfer-title" class="card__title">
        Import and export
      </h2>
      <p class="muted">
        An import adds new categories and articles and updates those with the same locale and slug; it deletes nothing.
        Articles arrive as drafts unless their front matter says <code>status: published</code>.
      </p>
      <FormMessage error={error} success={notice} />
      <div class="help-transfer">
        <button type="button" class="button button--quiet" disabled={busy} onClick={() => void exportAs('json')}>
          Export as JSON
        </button>
        <button type="button" class="button button--quiet" disabled={busy} onClick={() => void exportAs('markdown')}>
          Export as Markdown files
        </button>
        <label class="button button--quiet" for={bundleId}>
          Import a bundle (.json)
        </label>
        <input
          id={bundleId}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            void file.text().then((text) => {
              let bundle: unknown;
              try {
                bundle = JSON.parse(text);
              } catch {
                return setError(
                  `${file.name} is not JSON: choose a file an export made, or a folder of Markdown files.`,
                );
              }
              const parsed = HelpImportRequestSchema.safeParse(bundle);
              if (!parsed.success) return setError(`${file.name} is not a help center bundle.`);
              void importBundle(parsed.data);
            });
          }}
        />
        <label class="button button--quiet" for={folderId}>
          Import a folder of Markdown files
        </label>
        <input
          id={folderId}
          ref={folder}
          type="file"
          multiple
          class="visually-hidden"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])].filter((f) => f.name.endsWith('.md'));
            input.value = '';
            if (files.length === 0) return setError('That folder has no .md files.');
            void Promise.all(
              files.map(async (f) => ({ path: f.webkitRelativePath || f.name, content: await f.text() })),
            ).then((list) => importBundle({ format: 'markdown', files: list }));
          }}
        />
      </div>
    </section>
  );
}

function describe(result: HelpImportResult): string {
  const { categories: c, articles: a } = result;
  return `Imported: ${c.created} categories added, ${c.updated} updated; ${a.created} articles added, ${a.updated} updated.`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

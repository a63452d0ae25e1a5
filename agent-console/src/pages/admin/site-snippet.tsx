/**
 * @module The `<script>` tag a site owner pastes into their pages, built by the server from its
 * PUBLIC_URL and the site key, with a copy button.
 */
import { useState } from 'preact/hooks';
import { TextAreaField } from '../../components/form-field.tsx';

export function SiteSnippet({ snippet, origins }: { snippet: string; origins: readonly string[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section class="snippet" aria-label="Snippet">
      <TextAreaField
        label="Snippet to paste before </body>"
        name="snippet"
        value={snippet}
        onInput={() => undefined}
        readOnly
        rows={2}
        hint={`Works on pages from: ${origins.join(', ')}`}
      />
      <button
        type="button"
        class="button button--quiet"
        onClick={() => {
          navigator.clipboard.writeText(snippet).then(
            () => setCopied('Snippet copied.'),
            () => setCopied('Could not copy: select the snippet and copy it yourself.'),
          );
        }}
      >
        Copy snippet
      </button>
      <span class="form-status" role="status">
        {copied ?? ''}
      </span>
    </section>
  );
}

/**
 * @module A file name fit to show and to offer as a download's name: no path, no control or bidi
 * characters, no leading dots, a bounded length, and an extension that matches what the content is.
 */

const MAX_NAME = 150;

/** Extensions a type may keep; the first is given when the name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log', 'csv', 'md'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/zip': ['zip'],
};

export function sanitizeFileName(claimed: string, type: string): string {
  const base =
    claimed
      .normalize('NFC')
      // a path's last part only: "C:\\Users\\me\\shot.png" and "../../shot.png" are "shot.png"
      .split(/[/\\]/)
      .pop() ?? '';
  const clean = base
    // control characters, bidi overrides (which disguise "gpj.exe" as "exe.jpg") and characters
    // file systems refuse
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extensions = EXTENSIONS[type] ?? [];
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot + 1) : '';
  const fits = extensions.includes(ext.toLowerCase());
  // an extension that does not match the content is replaced ("invoice.png" holding a PDF is
  // "invoice.pdf"), so what the name promises is what opens
  const replaced = !fits && /^[a-z0-9]{1,5}$/i.test(ext);
  let stem = fits || replaced ? clean.slice(0, dot) : clean;
  if (stem === '') stem = 'file';
  const wanted = fits ? ext : extensions[0];
  const suffix = wanted === undefined ? '' : `.${wanted}`;
  return (
    Array.from(stem)
      .slice(0, MAX_NAME - suffix.length)
      .join('')
      .trimEnd() + suffix
  );
}

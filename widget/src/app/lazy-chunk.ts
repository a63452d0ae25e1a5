/**
 * @module A chunk fetched the first time it is needed, and a hook that draws it once it is in. A
 * chunk that fails to load (offline) is asked for again the next time. The forms (lazy-forms.ts),
 * the attachments interface (lazy-files.ts), rich content (lazy-rich.tsx) and the message extras
 * (lazy-extras.ts) all come this way: one loader in the first-visit bundle, not one per feature.
 */
import { useEffect, useState } from 'preact/hooks';

export function lazyChunk<T>(
  load: () => Promise<T>,
  loaded: (chunk: T) => void = () => {},
): { load: () => Promise<T>; use: (needed: boolean) => T | null } {
  let chunk: T | null = null;
  let loading: Promise<T> | null = null;
  const fetchChunk = (): Promise<T> =>
    (loading ??= load().then(
      (module) => {
        loaded(module);
        return (chunk = module);
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    load: fetchChunk,
    /** The chunk, or null while it loads; `needed`: fetch it now. */
    use(needed) {
      const [, bump] = useState(0);
      // what this render drew: the chunk may arrive between the render and its effect (a paste starts
      // the fetch before the render that needs it), and a render that drew nothing must be redone then
      const drawn = chunk;
      useEffect(() => {
        if (needed && !drawn)
          fetchChunk().then(
            () => bump((n) => n + 1),
            () => {},
          );
      }, [needed]);
      return drawn;
    },
  };
}

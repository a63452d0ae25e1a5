/**
 * @module Coalescing for work that recomputes "the current state" (drain the queue, push the live
 * list): calls that arrive while a run is in flight share one more run after it, so a burst of
 * triggers costs two runs, not one per trigger, and the last state is always pushed. With
 * `spacingMs`, a run also starts no sooner than that after the previous one ended: for work whose
 * cost grows with the state (the live list reads every connected visitor), back-to-back runs during
 * a burst of arrivals would otherwise take the database from everything else.
 */
export function coalesced(run: () => Promise<void>, options: { spacingMs?: number } = {}): () => Promise<void> {
  const spacingMs = options.spacingMs ?? 0;
  let running: Promise<void> | undefined;
  let again = false;
  let lastEnded = -Infinity;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          const wait = lastEnded + spacingMs - Date.now();
          // unref: a pending push must not hold a stopping server open
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
          // triggers during the wait are covered by this run: cleared only now
          again = false;
          try {
            await run();
          } finally {
            lastEnded = Date.now();
          }
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

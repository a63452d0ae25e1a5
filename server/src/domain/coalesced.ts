/**
 * @module Coalescing for work that recomputes "the current state" (drain the queue, push the live
 * list): calls that arrive while a run is in flight share one more run after it, so a burst of
 * triggers costs two runs, not one per trigger, and the last state is always pushed.
 */
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

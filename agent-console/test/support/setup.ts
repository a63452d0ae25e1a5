/**
 * @module Unmounts what each test rendered: without vitest globals, @testing-library/preact cannot do it itself.
 */
import { cleanup, configure } from '@testing-library/preact';

// findBy… and waitFor wait for what the page draws, 1 s by default: on a busy two-core CI machine a
// page with many sections can take longer than that to draw, and a test that waits for an event must
// not fail because the machine was slow. A real failure still fails, only later.
configure({ asyncUtilTimeout: 10_000 });
import { afterAll, afterEach } from 'vitest';

afterEach(() => cleanup());

// Preact runs effects after the next animation frame, with a 100 ms timer as a fallback that calls
// cancelAnimationFrame. On a busy machine that timer can outlive the file's jsdom, whose teardown
// removes cancelAnimationFrame: an unhandled ReferenceError fails the run after every test passed.
// Waiting for one frame after the last test lets Preact's own frame callback (queued earlier, so
// run first) clear that timer.
afterAll(async () => {
  if (typeof requestAnimationFrame === 'function')
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
});

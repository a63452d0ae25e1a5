/**
 * The lazy chunk hook draws its chunk even when the chunk arrives between a render and that render's
 * effect: a paste starts the attachments' fetch before the render that needs them, and under load the
 * browser runs effects late. The effects here wait in a queue the test releases, as a busy page would.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { options, render } from 'preact';
import { lazyChunk } from '../src/app/lazy-chunk.ts';

let queued: (() => void)[] = [];
// whatever another module set stays as it was after each test
const original = Object.getOwnPropertyDescriptor(options, 'requestAnimationFrame');
beforeEach(() => {
  queued = [];
  // preact/hooks runs effects after the next frame; the test decides when that frame comes
  options.requestAnimationFrame = (callback) => void queued.push(callback);
});
afterEach(() => {
  if (original) Object.defineProperty(options, 'requestAnimationFrame', original);
  else delete options.requestAnimationFrame;
});

function runEffects(): void {
  const now = queued;
  queued = [];
  for (const callback of now) callback();
}

/** Lets promise callbacks and Preact's queued renders run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

it('draws a chunk that arrived between the render that needed it and that render’s effect', async () => {
  let arrive: (chunk: { text: string }) => void = () => {};
  const { load, use } = lazyChunk(() => new Promise<{ text: string }>((resolve) => (arrive = resolve)));
  function View({ needed }: { needed: boolean }) {
    const chunk = use(needed);
    return <p>{chunk ? chunk.text : 'waiting'}</p>;
  }
  const host = document.createElement('div');
  render(<View needed={false} />, host);
  runEffects();

  const fetched = load(); // the paste asks for the chunk before the panel redraws
  render(<View needed={true} />, host);
  expect(host.textContent).toBe('waiting');
  arrive({ text: 'files' });
  await fetched;
  runEffects(); // the late effect finds the chunk already in
  await settle();
  expect(host.textContent).toBe('files');
});

it('fetches a chunk once however many renders need it, and draws it in each', async () => {
  let loads = 0;
  const { use } = lazyChunk(async () => ({ text: `chunk ${++loads}` }));
  function View() {
    const chunk = use(true);
    return <span>{chunk ? chunk.text : '…'}</span>;
  }
  const host = document.createElement('div');
  render(
    <>
      <View />
      <View />
    </>,
    host,
  );
  runEffects();
  await settle();
  expect(host.textContent).toBe('chunk 1chunk 1');
  expect(loads).toBe(1);
});

/**
 * Test configuration, and the dev-server settings vite's own commands use. The production build
 * (loader, app chunk, npm package) is three builds in build.mjs, since the loader needs the app
 * chunk's hashed name.
 */
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  // build.mjs puts in the hashed app chunk's name; the loader's tests never fetch it
  define: { __PARLEY_APP_CHUNK__: JSON.stringify('./widget/app-test.js') },
  test: {
    environment: 'jsdom',
    // room for the 10 s waits of test/…/setup.ts on a busy machine (the default is 5 s)
    testTimeout: 30_000,
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // vitest blanks CSS by default; the widget's sheet is part of what mount is tested for
    css: { include: [/widget\.css/] },
  },
});

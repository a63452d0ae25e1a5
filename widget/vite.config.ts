/**
 * Builds widget.js, the single self-contained file the server hands to host pages (IIFE: no module
 * loader, no second request for CSS or chunks), and configures the tests.
 */
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: 'src/embed.ts',
      formats: ['iife'],
      // required by the iife format; embed.ts exports nothing, so no global is actually created
      name: 'ParleyWidget',
      fileName: () => 'widget.js',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // vitest blanks CSS by default; the widget's sheet is part of what mount is tested for
    css: { include: [/widget\.css/] },
  },
});

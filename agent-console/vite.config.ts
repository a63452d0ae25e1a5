/**
 * @module Build, dev-server and test configuration of the agent console.
 * The server serves the built files at /console/ from the same origin as the API, so the session cookie
 * reaches both REST and the socket; in dev the proxy recreates that single origin.
 */
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  base: '/console/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: false },
      '/socket.io': { target: API_ORIGIN, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    // room for the 10 s waits of test/…/setup.ts on a busy machine (the default is 5 s)
    testTimeout: 30_000,
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/support/setup.ts'],
  },
});

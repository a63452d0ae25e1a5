import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only the harness's pure parts: the scenarios themselves run with `pnpm bench --smoke`.
    include: ['test/**/*.test.ts'],
  },
});

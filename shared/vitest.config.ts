import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tokens.css is read as text (?raw) by the design-tokens test: let vite load stylesheets
    css: { include: [/tokens\.css/] },
  },
});

/** Vite's `?raw` imports (vitest runs on vite): a file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}

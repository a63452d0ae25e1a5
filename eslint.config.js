// ESLint for the whole workspace (`pnpm lint`, part of `npm test`). typescript-eslint with type
// information (each file's own package tsconfig, through the project service): exhaustive switches and
// promise checks need the types. The import boundaries below are the architecture in docs/architecture.md
// made checkable: each message says why the import is refused and what to do instead.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ── Import boundaries ─────────────────────────────────────────────────────────────────────────────
// ESLint keeps only the last options given for a rule, so each folder's block below lists every
// restriction that applies to it (the package-wide ones included).

/** No package reaches into another's source: the published entry points are the contract. */
const otherPackagesSource = [
  {
    group: ['@parley/*/src', '@parley/*/src/**'],
    message: "Import the package's entry point (e.g. '@parley/shared'), not its src/: internals may move.",
  },
  {
    group: ['@parley/server', '@parley/server/**', '@parley/widget', '@parley/widget/**'],
    message: 'Packages talk over the wire protocol in @parley/shared, never by importing each other.',
  },
  {
    group: ['@parley/agent-console', '@parley/agent-console/**', '@parley/bench', '@parley/bench/**'],
    message: 'Packages talk over the wire protocol in @parley/shared, never by importing each other.',
  },
  {
    group: ['**/../shared/**', '**/../server/**', '**/../widget/**', '**/../agent-console/**', '**/../bench/**'],
    message: "A relative path out of this package skips its entry point: import '@parley/shared' instead.",
  },
];

/** The domain is plain TypeScript: transports and SQL translate to and from it. */
const domainPatterns = [
  {
    group: ['socket.io', 'socket.io/**', 'express', 'express/**', 'kysely', 'kysely/**'],
    message:
      'server/src/domain knows nothing of sockets, HTTP or SQL: take what you need as an argument or a store interface.',
  },
  {
    group: ['**/realtime/**', '**/http/**'],
    message: 'The domain is called by the transports (realtime/, http/), never the other way round.',
  },
  {
    group: ['**/store/sql/**'],
    message:
      'The domain depends on the store interfaces (store/*-store.ts), not on one engine: the SQL lives behind them.',
  },
];

/** Store interfaces describe what the domain needs; engines implement them in store/sql/. */
const storeInterfacePatterns = [
  {
    group: ['./sql', './sql/**'],
    message:
      'A store interface may not depend on its SQL implementation: move the shared type into the interface file.',
  },
  {
    group: ['kysely', 'kysely/**'],
    message: 'Store interfaces are engine-neutral: kysely belongs in store/sql/.',
  },
];

/** shared runs in browsers and Node alike. */
const sharedPatterns = [
  {
    group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'net', 'url', 'stream', 'buffer', 'events'],
    message: '@parley/shared runs in browsers too: no Node built-ins (take what you need from the caller).',
  },
  {
    group: ['preact', 'preact/**', 'dompurify', 'socket.io', 'socket.io-client', 'express'],
    message: '@parley/shared holds the protocol and the client core only: UI and transports live in their packages.',
  },
];

/** The client core ships in the widget's budget: plain checks instead of zod. */
const clientCorePatterns = [
  ...sharedPatterns,
  {
    group: ['zod', 'zod/**'],
    message: 'The client core ships in the widget, whose byte budget has no room for zod: check values by hand.',
  },
  {
    group: ['../*', '!../limits.ts', '!../error-codes.ts'],
    message:
      "The client core imports only its own modules, limits and error codes: shared's other modules pull in zod.",
  },
];

const restrict = (...patterns) => ['error', { patterns }];

// ── Rules ─────────────────────────────────────────────────────────────────────────────────────────

const typeScriptRules = {
  // `import type` for types, as verbatimModuleSyntax demands; inline where a module gives values too.
  '@typescript-eslint/consistent-type-imports': [
    'error',
    { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true },
  ],
  '@typescript-eslint/no-import-type-side-effects': 'error',
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/no-non-null-assertion': 'error',
  // A new union member must be handled wherever the union is switched on: a `default` would hide it,
  // so a switch over a union names every case (those with nothing to do share one `return`). A
  // switch over an open type (a string) needs its `default`.
  '@typescript-eslint/switch-exhaustiveness-check': [
    'error',
    { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
  ],
  '@typescript-eslint/no-unused-vars': [
    'error',
    { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
  ],
  // Fire-and-forget is written `void promise` on purpose; anything else must be awaited or handled.
  '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
  // An async listener whose result nobody awaits is allowed where the listener returns void
  // (Preact's onClick, socket.on): each handles its own errors. Promises in conditions are still bugs.
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
};

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', 'coverage/', 'bench/results/', '**/.vite/', 'data/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  js.configs.recommended,
  // `arguments` only where a page's inline stub is imitated (it pushes `arguments` objects).
  { rules: { 'prefer-rest-params': 'error' } },

  // TypeScript: typed rules, per package tsconfig.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: typeScriptRules,
  },

  // Plain JavaScript (root scripts, build scripts, this file): Node globals, no type information.
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // Size: a file past 300 lines asks to be split (docs/conventions.md). Tests group many cases of one
  // behaviour and their fixtures, so they are held to 500 instead.
  {
    files: ['*/src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['*/test/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['warn', { max: 500, skipBlankLines: true, skipComments: true }] },
  },

  // Boundaries, one block per folder (see the note at the top).
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(...otherPackagesSource) },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(...otherPackagesSource, ...domainPatterns) },
  },
  {
    files: ['server/src/store/*.ts'],
    rules: { 'no-restricted-imports': restrict(...otherPackagesSource, ...storeInterfacePatterns) },
  },
  {
    files: ['shared/src/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(...otherPackagesSource, ...sharedPatterns) },
  },
  {
    files: ['shared/src/client-core/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(...otherPackagesSource, ...clientCorePatterns) },
  },

  // Tests: relaxed where the rule is about production code, not about tests.
  {
    files: ['*/test/**/*.{ts,tsx}'],
    rules: {
      // Fakes implement the same async interfaces as the real parts without awaiting anything;
      // `async` keeps their throws as rejections, as the real implementations would give them.
      '@typescript-eslint/require-await': 'off',
      // vitest types its asymmetric matchers (expect.any, expect.stringMatching) as `any`, and they
      // are meant to sit inside the expected objects.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);

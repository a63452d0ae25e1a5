/**
 * `@parley/widget` as someone outside this repository gets it: the packed tarball (pnpm pack, as a
 * publish would make it) installs with npm into a fresh project with no workspace around it,
 * typechecks under strict TypeScript with `moduleResolution` bundler and node16, and bundles with
 * esbuild and Vite. The tarball holds the README and the licence, no `private` flag and no runtime
 * dependency, and the files in it import nothing the package does not contain. Needs the npm build
 * (`pnpm build`) and the npm registry (or npm's cache) for typescript, esbuild and vite.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const widgetDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(widgetDir, '..');
/** The versions this repository builds with: what the check runs is what the project itself uses. */
const TOOLS = ['typescript@~6.0.3', 'esbuild@^0.28.2', 'vite@^8.3.4'];

function run(command: string, args: string[], options: SpawnSyncOptions): string {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** pnpm on PATH, else the version the repository pins through npx (as scripts/workspace.mjs does). */
function pnpmCommand(): [string, string[]] {
  if (spawnSync('pnpm', ['--version']).status === 0) return ['pnpm', []];
  const pinned = (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
  ).packageManager;
  return ['npx', ['--yes', pinned]];
}

/** Module specifiers a built file imports or re-exports (static and dynamic). */
function importsOf(text: string): string[] {
  const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g);
  return [...found].map((match) => match[2] ?? '');
}

const CONSUMER = `import { mount, type MountOptions, type ParleyEventMap, type WidgetHandle } from '@parley/widget';

const options: MountOptions = {
  siteKey: 'pk_test',
  serverUrl: 'https://chat.example.com',
  locale: 'de',
  theme: { accentColor: '#0055ff', position: 'left' },
};
const chat: WidgetHandle = mount(options);
chat.on('unread:changed', ({ count }: ParleyEventMap['unread:changed']) => {
  document.title = count > 0 ? \`(\${count}) Shop\` : 'Shop';
});
chat.on('message:received', (message) => console.log(message.authorName, message.body.length));
chat.identify({ id: 'u_42', name: 'Ada', attributes: { plan: 'pro' } });
chat.trackPageView({ url: '/cart' });
// @ts-expect-error siteKey is required
mount({ serverUrl: 'https://chat.example.com' });
// @ts-expect-error no such event
chat.on('nonsense', () => undefined);
export const close = (): void => chat.unmount();
`;

const tsconfig = (module: string, moduleResolution: string) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      module,
      moduleResolution,
      // the package's own declarations are checked too
      skipLibCheck: false,
      types: [],
    },
    files: ['index.ts'],
  });

describe('the npm package, installed from its tarball into a fresh project', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-widget-npm-'));
  const project = path.join(work, 'app');
  const unpacked = path.join(work, 'unpacked');
  let tarball = '';

  beforeAll(() => {
    if (!fs.existsSync(path.join(widgetDir, 'dist/npm/index.js')))
      throw new Error('widget/dist/npm is missing: run `pnpm build` (npm test builds it for you)');
    const [pnpm, prefix] = pnpmCommand();
    run(pnpm, [...prefix, 'pack', '--pack-destination', work], { cwd: widgetDir });
    const name = fs.readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!name) throw new Error('pnpm pack wrote no tarball');
    tarball = path.join(work, name);
    fs.mkdirSync(unpacked);
    run('tar', ['xzf', tarball, '-C', unpacked], {});

    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'shop', version: '1.0.0', private: true, type: 'module' }),
    );
    // a plain npm project: no workspace, no pnpm, nothing of this repository's node_modules, and
    // none of the npm_* variables an outer `npm test` sets (its prefix is this repository)
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_(package_|lifecycle_|config_(local_)?prefix$)/i.test(name)),
    );
    run(
      'npm',
      [
        'install',
        '--prefix',
        project,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        tarball,
        ...TOOLS,
      ],
      { cwd: project, env },
    );
    fs.writeFileSync(path.join(project, 'index.ts'), CONSUMER);
    fs.writeFileSync(path.join(project, 'tsconfig.bundler.json'), tsconfig('ESNext', 'bundler'));
    fs.writeFileSync(path.join(project, 'tsconfig.node16.json'), tsconfig('node16', 'node16'));
    fs.writeFileSync(
      path.join(project, 'index.html'),
      '<!doctype html><html><body><script type="module" src="./index.ts"></script></body></html>',
    );
  }, 300_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const bin = (name: string) => path.join(project, 'node_modules/.bin', name);

  it('ships a README, the licence, no private flag and no runtime dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package/package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(fs.readFileSync(path.join(unpacked, 'package/README.md'), 'utf8')).toMatch(/npm install @parley\/widget/);
    expect(fs.readFileSync(path.join(unpacked, 'package/LICENSE'), 'utf8')).toBe(
      fs.readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'),
    );
    // the installed copy is the tarball's, not a link into this repository
    const installed = path.join(project, 'node_modules/@parley/widget');
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules/@parley/shared'))).toBe(false);
  });

  it('imports nothing it does not contain: every specifier in its files is relative and present', () => {
    const dist = path.join(unpacked, 'package/dist/npm');
    const files = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js') || file.endsWith('.d.ts'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
    for (const file of files) {
      for (const specifier of importsOf(fs.readFileSync(path.join(dist, file), 'utf8'))) {
        expect({ file, specifier }).toEqual({ file, specifier: expect.stringMatching(/^\.{1,2}\//) });
        const target = path.resolve(path.dirname(path.join(dist, file)), specifier);
        const present = file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
        expect({ file, specifier, present: fs.existsSync(present) }).toEqual({ file, specifier, present: true });
      }
    }
  });

  it('typechecks strictly with moduleResolution bundler and node16', () => {
    run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bundler.json'], {
      cwd: project,
    });
    run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.node16.json'], {
      cwd: project,
    });
  }, 120_000);

  it('bundles with esbuild', () => {
    run(bin('esbuild'), ['index.ts', '--bundle', '--format=esm', '--minify', '--outfile=out-esbuild/app.js'], {
      cwd: project,
    });
    const bundle = fs.readFileSync(path.join(project, 'out-esbuild/app.js'), 'utf8');
    expect(bundle).toContain('parley-widget');
  }, 60_000);

  it('bundles with Vite', () => {
    run(bin('vite'), ['build', '--outDir', 'out-vite', '--logLevel', 'error'], { cwd: project });
    const assets = path.join(project, 'out-vite/assets');
    const scripts = fs.readdirSync(assets).filter((file) => file.endsWith('.js'));
    const code = scripts.map((file) => fs.readFileSync(path.join(assets, file), 'utf8')).join('\n');
    expect(code).toContain('parley-widget');
    // the translations stay chunks of their own, loaded when needed
    expect(scripts.length).toBeGreaterThan(1);
  }, 120_000);
});

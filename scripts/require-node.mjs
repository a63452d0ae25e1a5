// Imported first by every root script (through workspace.mjs): refuses a Node.js older than the
// root package.json's `engines` before anything is installed or built with it, with one clear line
// instead of a native-module or syntax error halfway through.
import fs from 'node:fs';

const engines = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const minimum = Number(/\d+/.exec(engines)?.[0] ?? 0);
const major = Number(process.versions.node.split('.')[0]);
if (major < minimum) {
  process.stderr.write(
    `Parley needs Node.js ${minimum} or newer (24 LTS recommended); this is Node.js ${process.version} ` +
      `(${process.execPath}). Install a newer Node.js and run the command again.\n`,
  );
  process.exit(1);
}

// Builds the explorer page into web/dist: one minified ES module bundle (sigma, graphology,
// ForceAtlas2 and our code) plus the static HTML and CSS. `node web/build.mjs [--inputs FILE]`;
// run by scripts/build.mjs (`npm run build`, and so `npm start` and `npm test`) when its inputs
// changed. --inputs writes the files the bundle read (esbuild's metafile) as a JSON list of
// paths relative to the project, for that up-to-date check.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values: options } = parseArgs({ options: { inputs: { type: 'string' } } });
const webDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.dirname(webDir);
const outDir = path.join(webDir, 'dist');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const result = await build({
  absWorkingDir: projectDir,
  metafile: true,
  entryPoints: [path.join(webDir, 'src', 'main.ts')],
  outfile: path.join(outDir, 'explorer.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
cpSync(path.join(webDir, 'public'), outDir, { recursive: true });
if (options.inputs !== undefined) {
  mkdirSync(path.dirname(options.inputs), { recursive: true });
  writeFileSync(options.inputs, `${JSON.stringify(Object.keys(result.metafile.inputs).sort(), null, 1)}\n`);
}
const kib = (file) => (statSync(path.join(outDir, file)).size / 1024).toFixed(0);
console.warn(`explorer: web/dist/explorer.js ${kib('explorer.js')} KiB`);

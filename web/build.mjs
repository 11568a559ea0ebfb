// Builds the explorer page into web/dist: one minified ES module bundle (sigma, graphology,
// ForceAtlas2 and our code) plus the static HTML and CSS. `node web/build.mjs`; run by
// `npm run build:web`, which `npm run build` (and so `npm start` and `npm test`) runs first.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(webDir, 'dist');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await build({
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
const kib = (file) => (statSync(path.join(outDir, file)).size / 1024).toFixed(0);
console.warn(`explorer: web/dist/explorer.js ${kib('explorer.js')} KiB`);

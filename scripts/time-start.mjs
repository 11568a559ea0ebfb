// Prints how long `npm start` takes until GET /readyz answers 200: first from a clean build
// (dist/ and web/dist/ removed), then again with nothing changed, then again after touching a
// schema file's content. Each run uses a free port and a throw-away journal, and is stopped
// with SIGTERM. `node scripts/time-start.mjs [runs]` (default 3 up-to-date runs).
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function timeStart() {
  const port = await freePort();
  const journal = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-time-')), 'curation.sqlite');
  const started = performance.now();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CURATION_DB: journal },
    stdio: 'ignore',
  });
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  npm.kill('SIGTERM');
  await exited;
  return seconds;
}

const report = (label, seconds) => console.warn(`${label.padEnd(34)} ${seconds.toFixed(2)} s`);

rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
rmSync(path.join(ROOT, 'web', 'dist'), { recursive: true, force: true });
report('npm start, clean build', await timeStart());
for (let run = 1; run <= runs; run += 1) report(`npm start, up to date (${run})`, await timeStart());
const schema = path.join(ROOT, 'schema', 'node.graphql');
const original = readFileSync(schema);
appendFileSync(schema, '\n"Added by scripts/time-start.mjs."\ntype TimeStartProbe {\n  id: ID!\n}\n');
try {
  report('npm start, schema changed', await timeStart());
} finally {
  writeFileSync(schema, original);
}
report('npm start, schema restored', await timeStart());

/**
 * Memory under a long run (issue 17, item 4): starts the built server (`node dist/src/cli.js
 * start`, production configuration, rate limiting on with a limit no client reaches, so its
 * key store is exercised) and sends it the hostile corpus of test/security three times, with
 * curated changes between rounds, printing the server's resident memory (VmRSS) at start and
 * after each round. Caches that fill to their bound level off after the first round; growth
 * without a bound keeps climbing.
 *
 * Usage: npm run bench:soak [-- --rounds 3 --mutations 1000]   (mutations per round)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { hostileCorpus } from '../../test/security/hostile-corpus';
import { sendCorpus } from './send-corpus';

const EDITOR_KEY = 'soak-editor-key-0123456789ab';
const READER_KEY = 'soak-reader-key-0123456789ab';
const QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

async function main(): Promise<void> {
  const rounds = option('rounds', 3);
  const mutations = option('mutations', 1_000);
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-soak-')), 'curation.sqlite');
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js'), 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      CURATION_DB: dbPath,
      API_KEYS: `e:editor:${EDITOR_KEY},r:reader:${READER_KEY}`,
      RATE_LIMIT_MAX: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid ?? 0;
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before serving`)));
  });
  const origin = new URL(url).origin;
  const report = (label: string): void => {
    process.stdout.write(`${label.padEnd(34)} RSS ${rssMb(pid)} MB\n`);
  };
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2_000));

  await settle();
  report('started');
  const corpus = hostileCorpus({ editor: EDITOR_KEY, reader: READER_KEY });
  let changes = 0;
  for (let round = 1; round <= rounds; round += 1) {
    await sendCorpus(origin, corpus);
    for (let i = 0; i < mutations; i += 1) {
      changes += 1;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
        body: JSON.stringify({
          query: 'mutation M($input: UpdateNodeInput!) { updateNode(input: $input) { audit { id } } }',
          variables: { input: { id: 'city:karachi', note: `soak change ${changes}`, provenance: { doc: 'doc:000', quote: QUOTE } } },
        }),
      });
      await response.arrayBuffer();
    }
    await settle();
    report(`round ${round}: ${corpus.length} hostile + ${mutations} changes`);
  }
  child.kill('SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

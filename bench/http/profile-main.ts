/**
 * `npm run bench:profile -- [operation] [cached|uncached] [seconds] [--out DIR]`: one request
 * path profiled end to end. The real server runs under `node --cpu-prof` while autocannon
 * sends the operation (bench/http/operations.ts) at 16 connections; its profile becomes
 * DIR/<operation>-<mode>.svg (a flame graph) and .txt (the top frames).
 * Defaults: peerNetwork, uncached, 10 s, DIR a folder under the system's temp folder.
 *
 * The default is not bench/http/profile: the profiles there are the ones bench/README.md
 * describes, and a run made only to look would overwrite them (it once went into a commit
 * that way). `--out bench/http/profile` refreshes them on purpose.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_BENCH_BYTES } from './run-cache';
import { flameGraphSvg, profileSummary, type CpuProfile } from './flame-graph';
import { HTTP_OPERATIONS } from './operations';
import { load, startServerChild, stop } from './run-http';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  const [name = 'peerNetwork', mode = 'uncached', seconds = '10'] = positionals;
  const operation = HTTP_OPERATIONS.find((each) => each.name === name);
  if (operation === undefined || (mode !== 'cached' && mode !== 'uncached') || !(Number(seconds) > 0)) {
    throw new Error(
      `usage: bench:profile -- [${HTTP_OPERATIONS.map((each) => each.name).join('|')}] [cached|uncached] [seconds] [--out DIR]`,
    );
  }
  const outDir = path.resolve(values.out ?? path.join(os.tmpdir(), 'cities-kg-profiles'));
  await mkdir(outDir, { recursive: true });
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-profile-'));
  try {
    const bytes = mode === 'cached' ? CACHE_BENCH_BYTES : 0;
    const server = await startServerChild(['app', String(bytes)], ['--cpu-prof', '--cpu-prof-dir', folder]);
    const url = `http://127.0.0.1:${server.ready.port}/graphql`;
    const result = await load(url, operation.body, 16, Number(seconds));
    await stop(server);
    const file = (await readdir(folder)).find((each) => each.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error('the server wrote no profile');
    const profile = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as CpuProfile;
    const out = path.join(outDir, `${operation.name}-${mode}`);
    const heading = `${operation.name}, ${mode}, 16 connections, ${seconds} s: ${result.requests.average.toFixed(0)} req/s, load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`;
    await writeFile(`${out}.svg`, flameGraphSvg(profile, heading));
    await writeFile(`${out}.txt`, `${heading}\n\n${profileSummary(profile)}\n`);
    process.stdout.write(`${heading}\nwrote ${out}.svg and ${out}.txt\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

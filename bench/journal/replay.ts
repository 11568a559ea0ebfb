/**
 * Start-up replay of the curation journal: how long the seed load, the journal open and the
 * replay of N journalled changes take before the server could listen. Prints figures; it
 * asserts nothing about time (never part of `npm test`).
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench-build/bench/journal/replay.js [--entries 10000,100000] [--runs 3]
 *
 * For each N it writes a journal of N valid changes (`v1-journal.ts`, the first layout,
 * which every version reads), opens it once (a version with a newer layout upgrades it
 * then; timed apart as "first open"), and then, `--runs` times, loads the real seed into a
 * fresh memory store, opens the journal and replays it, exactly as `start` does.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService } from '../../src/curation/CurationService';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { readSeed } from '../../src/ingest/read-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { describeMachine } from '../lib/machine';
import { writeV1Journal } from './v1-journal';

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

/** Wall and CPU time of `work`: on a shared machine the CPU time says what the wall time cannot. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { entries: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '3' } },
  });
  const sizes = values.entries.split(',').map(Number);
  const runs = Number(values.runs);
  const machine = describeMachine();
  process.stdout.write(`machine: ${machine.nproc} cores, ${machine.cpu}, Node ${machine.node}, load ${machine.loadAverage}\n`);
  const sourceTexts = (await readSeed()).sourceTexts;
  const logger = pino({ level: 'silent' });
  process.stdout.write(
    '| entries | journal file | first open | seed load | journal open (wall / CPU) | replay (wall / CPU) | applied | skipped |\n',
  );
  process.stdout.write('|---:|---:|---:|---:|---:|---:|---:|---:|\n');
  for (const entries of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'cities-kg-bench-journal-'));
    const file = path.join(dir, 'curation.sqlite');
    await writeV1Journal(file, entries);
    const firstOpen = await timed(() => CurationJournal.open(file).close());
    const size = statSync(file).size;
    const seedLoads: number[] = [];
    const opens: { wall: number; cpu: number }[] = [];
    const replays: { wall: number; cpu: number }[] = [];
    let summary = { applied: 0, skipped: 0 };
    for (let run = 0; run < runs; run += 1) {
      const store = new MemoryGraphStore();
      seedLoads.push((await timed(() => ingestSeed(store))).wall);
      const open = await timed(() => CurationJournal.open(file));
      opens.push(open);
      const curation = new CurationService({ store, journal: open.result, sourceTexts, logger });
      const replay = await timed(() => curation.replay());
      replays.push(replay);
      summary = { applied: replay.result.applied, skipped: replay.result.skipped.length };
      curation.close();
      await store.close();
    }
    const both = (times: readonly { wall: number; cpu: number }[]): string =>
      `${ms(median(times.map((time) => time.wall)))} / ${ms(median(times.map((time) => time.cpu)))}`;
    process.stdout.write(
      `| ${entries.toLocaleString('en')} | ${(size / 2 ** 20).toFixed(1)} MiB | ${ms(firstOpen.wall)} | ${ms(median(seedLoads))} | ${both(opens)} | ${both(replays)} | ${summary.applied.toLocaleString('en')} | ${summary.skipped} |\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `(median of ${runs} run(s); first open = the one-time upgrade of the first layout; replay = CurationService.replay(), the seed already loaded)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * Journal growth: the bytes each audit row takes as one node gathers sources. Prints figures.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench-build/bench/journal/row-size.js [--sources 600]
 *
 * 1. Live: `updateNode` on city:karachi, each adding one more (web) source, through the
 *    curation service as the API calls it, until N changes or the first refusal.
 * 2. Journal alone: N appends of a node growing by one source each (before and after
 *    given whole, as the service hands them over), with no curation bound in the way.
 * Row bytes are the sum of the row's stored values (text as UTF-8, numbers as 8).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService } from '../../src/curation/CurationService';
import { parseCurationChange } from '../../src/curation/curation-change';
import type { NodeRecord, SourceRef } from '../../src/domain/graph-document';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { readSeed } from '../../src/ingest/read-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

function webSource(i: number): SourceRef {
  return { doc: `https://example.org/karachi/source-${i}`, quote: `Karachi fact number ${i}, as the page states it.` };
}

function rowBytes(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM changes ORDER BY seq').all() as Record<string, unknown>[];
    return rows.map((row) =>
      Object.values(row).reduce<number>((sum, value) => sum + (typeof value === 'string' ? Buffer.byteLength(value) : 8), 0),
    );
  } finally {
    db.close();
  }
}

function report(label: string, file: string): void {
  const bytes = rowBytes(file);
  const at = (n: number): string => {
    const size = bytes[n - 1];
    return size === undefined ? '—' : `${size.toLocaleString('en')} B`;
  };
  const total = bytes.reduce((sum, value) => sum + value, 0);
  process.stdout.write(
    `| ${label} | ${bytes.length} | ${at(1)} | ${at(50)} | ${at(100)} | ${at(600)} | ${total.toLocaleString('en')} B | ${statSync(file).size.toLocaleString('en')} B |\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sources: { type: 'string', default: '600' } } });
  const count = Number(values.sources);
  const dir = mkdtempSync(path.join(tmpdir(), 'cities-kg-bench-rows-'));
  process.stdout.write(
    '| run | rows | row 1 | row 50 | row 100 | row 600 | all rows | file after close |\n|---|---:|---:|---:|---:|---:|---:|---:|\n',
  );

  const liveFile = path.join(dir, 'live.sqlite');
  const store = new MemoryGraphStore();
  await ingestSeed(store);
  const curation = new CurationService({
    store,
    journal: CurationJournal.open(liveFile),
    sourceTexts: (await readSeed()).sourceTexts,
    logger: pino({ level: 'silent' }),
  });
  let refusal = '';
  for (let i = 1; i <= count; i += 1) {
    try {
      await curation.apply(parseCurationChange({ kind: 'updateNode', id: 'city:karachi', set: {}, source: webSource(i) }), 'alice');
    } catch (error) {
      refusal = `refused at change ${i}: ${(error as Error).message}`;
      break;
    }
  }
  curation.close();
  report(`live updateNode, +1 source each`, liveFile);

  const journalFile = path.join(dir, 'journal.sqlite');
  const journal = CurationJournal.open(journalFile);
  const [karachi] = await store.getNodes(['city:karachi']);
  if (!karachi) throw new Error('the seed has no city:karachi');
  let node: NodeRecord = { ...karachi, sources: karachi.sources.slice(0, 1) };
  for (let i = 1; i <= count; i += 1) {
    const after: NodeRecord = { ...node, sources: [...node.sources, webSource(i)] };
    journal.append({
      at: new Date().toISOString(),
      editor: 'alice',
      change: { kind: 'updateNode', id: node.id, set: {}, source: webSource(i) },
      entityId: node.id,
      before: node,
      after,
    });
    node = after;
  }
  journal.close();
  report(`journal.append, node of 1…${count} sources`, journalFile);
  if (refusal) process.stdout.write(`live run ${refusal}\n`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * The journal stores what changed, not the whole entity twice: a row's size does not grow
 * with the node it changes, while the audit log still answers the whole entity before and
 * after (rebuilt from the stored changes). Sources per node are capped like aliases, and a
 * source a node already cites (after whitespace normalisation) is never stored twice.
 */
import Database from 'better-sqlite3';
import pino from 'pino';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService, type AppliedChange } from '../../src/curation/CurationService';
import { MAX_SOURCES, parseCurationChange } from '../../src/curation/curation-change';
import { readSeed } from '../../src/ingest/read-seed';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { InvalidArgumentError } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { temporaryDbPath } from '../support/test-server';

const KARACHI_QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';

async function service(file = temporaryDbPath()) {
  const store = new MemoryGraphStore();
  await ingestSeed(store);
  const curation = new CurationService({
    store,
    journal: CurationJournal.open(file),
    sourceTexts: (await readSeed()).sourceTexts,
    logger: pino({ level: 'silent' }),
  });
  return { store, curation, file };
}

function webSource(i: number) {
  return { doc: `https://example.org/karachi/${i}`, quote: `Karachi fact number ${i}, as the page states it.` };
}

function addSource(i: number) {
  return parseCurationChange({ kind: 'updateNode', id: 'city:karachi', set: {}, source: webSource(i) });
}

/** Each row's stored bytes (text as UTF-8, numbers as 8), and whether it holds a full copy of the entity. */
function rows(file: string): { readonly bytes: number; readonly fullCopy: boolean }[] {
  const db = new Database(file, { readonly: true });
  try {
    const all = db.prepare('SELECT * FROM changes ORDER BY seq').all() as Record<string, unknown>[];
    return all.map((row) => ({
      bytes: Object.values(row).reduce<number>((sum, value) => sum + (typeof value === 'string' ? Buffer.byteLength(value) : 8), 0),
      fullCopy: row.base !== null,
    }));
  } finally {
    db.close();
  }
}

it('grows by what changed, not by the size of the node, and audits the whole node', async () => {
  const { store, curation, file } = await service();
  const [karachi] = await store.getNodes(['city:karachi']);
  const start = karachi?.sources.length ?? 0;
  const results: AppliedChange[] = [];
  for (let i = 1; start + i <= MAX_SOURCES; i += 1) results.push(await curation.apply(addSource(i), 'alice'));
  curation.close();

  const stored = rows(file);
  expect(stored).toHaveLength(MAX_SOURCES - start);
  const finalNodeBytes = Buffer.byteLength(results.at(-1)?.entry.afterJson ?? '');
  expect(finalNodeBytes).toBeGreaterThan(5_000);
  // A row that adds a source stores about one source, however many the node has…
  const patchRows = stored.filter((row) => !row.fullCopy);
  expect(patchRows.length).toBeGreaterThan(stored.length / 2);
  for (const row of patchRows) expect(row.bytes).toBeLessThan(700);
  // …and the full copies, taken once the patches outweigh one, stay within a few node sizes:
  // the whole node before and after in every row would be ~50 times this.
  expect(stored.reduce((sum, row) => sum + row.bytes, 0)).toBeLessThan(3 * finalNodeBytes + stored.length * 700);

  const reopened = CurationJournal.open(file);
  const entries = reopened.entries();
  entries.forEach((entry, i) => {
    const before = JSON.parse(entry.beforeJson ?? 'null') as { sources: unknown[] };
    const after = JSON.parse(entry.afterJson ?? 'null') as { sources: unknown[] };
    expect(before.sources).toHaveLength(start + i);
    expect(after.sources).toHaveLength(start + i + 1);
    expect(after).toEqual(JSON.parse(results[i]?.entry.afterJson ?? 'null'));
    if (i > 0) expect(before).toEqual(JSON.parse(entries[i - 1]?.afterJson ?? 'null'));
  });
  const page = reopened.page({ first: 3, entityId: 'city:karachi' });
  expect(page.entries.map((entry) => [entry.seq, JSON.parse(entry.beforeJson ?? 'null'), JSON.parse(entry.afterJson ?? 'null')])).toEqual(
    entries
      .slice(-3)
      .reverse()
      .map((entry) => [entry.seq, JSON.parse(entry.beforeJson ?? 'null'), JSON.parse(entry.afterJson ?? 'null')]),
  );
  reopened.close();
});

it(`refuses a source beyond ${MAX_SOURCES} on one node, naming the bound`, async () => {
  const { store, curation } = await service();
  const [karachi] = await store.getNodes(['city:karachi']);
  const start = karachi?.sources.length ?? 0;
  for (let i = 1; start + i <= MAX_SOURCES; i += 1) await curation.apply(addSource(i), 'alice');
  await expect(curation.apply(addSource(999), 'alice')).rejects.toThrow(InvalidArgumentError);
  await expect(curation.apply(addSource(999), 'alice')).rejects.toThrow(String(MAX_SOURCES));
  // A correction citing a source the node already has still goes through.
  const fix = parseCurationChange({ kind: 'updateNode', id: 'city:karachi', set: { population: 20_000_001 }, source: webSource(1) });
  await expect(curation.apply(fix, 'alice')).resolves.toMatchObject({ after: { population: 20_000_001 } });
  curation.close();
});

it('never stores a source twice, even with other white space', async () => {
  const { store, curation } = await service();
  const spaced = { doc: 'doc:000', quote: `  ${KARACHI_QUOTE.replace(/ /g, '   ')}\n` };
  const duplicate = parseCurationChange({ kind: 'updateNode', id: 'city:karachi', set: {}, source: spaced });
  await expect(curation.apply(duplicate, 'alice')).rejects.toThrow(InvalidArgumentError);
  const rename = parseCurationChange({ kind: 'updateNode', id: 'city:karachi', set: { name: 'Karachi (curated)' }, source: spaced });
  const [before] = await store.getNodes(['city:karachi']);
  const { after } = await curation.apply(rename, 'alice');
  expect(after).toMatchObject({ name: 'Karachi (curated)', sources: before?.sources });
  curation.close();
});

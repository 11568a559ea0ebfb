/**
 * Curated changes are layered on the seed and survive restarts and re-seeding: a new store
 * loaded from the seed and the same journal file holds exactly the curated graph; re-seeding
 * a live store keeps the changes; an entry the seed no longer fits is skipped and kept; and a
 * change the store refuses leaves no journal entry behind.
 */
import pino from 'pino';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService } from '../../src/curation/CurationService';
import { parseCurationChange, type CheckedChange } from '../../src/curation/curation-change';
import { reseed } from '../../src/curation/reseed';
import type { GraphData, NodeRecord } from '../../src/domain/graph-document';
import { readSeed } from '../../src/ingest/read-seed';
import { type MergeSummary } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { temporaryDbPath } from '../support/test-server';

const QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';
const source = { doc: 'doc:000', quote: QUOTE };
const logger = pino({ level: 'silent' });
let sourceTexts: ReadonlyMap<string, string>;

beforeAll(async () => {
  sourceTexts = (await readSeed()).sourceTexts;
});

async function boot(file: string, store = new MemoryGraphStore()) {
  const curation = new CurationService({ store, journal: CurationJournal.open(file), sourceTexts, logger });
  const { replay } = await reseed(store, { curation });
  return { store, curation, replay };
}

const changes: CheckedChange[] = [
  {
    kind: 'createNode',
    node: { id: 'city:durable-town', label: 'City', kind: 'city', name: 'Durable', nameAr: 'دائم', sources: [source] },
  },
  {
    kind: 'addRelation',
    relation: { type: 'IN_COUNTRY', from: 'city:durable-town', to: 'country:pk', confidence: 'STATED', sources: [source] },
  },
  {
    kind: 'updateNode',
    id: 'city:karachi',
    set: { name: 'Karachi (curated)' },
    source: { doc: 'https://example.org/k', quote: 'the city was renamed' },
  },
  { kind: 'removeRelation', id: 'person:murtaza-wahab-LEADS->city:karachi', source },
].map(parseCurationChange);

it('rebuilds exactly the curated graph from the seed and the journal after a restart', async () => {
  const file = temporaryDbPath();
  const first = await boot(file);
  for (const change of changes) await first.curation.apply(change, 'alice');
  const curated = await first.store.dumpGraph();
  first.curation.close();

  const second = await boot(file);
  expect(second.replay).toEqual({ applied: changes.length, skipped: [] });
  expect(await second.store.dumpGraph()).toEqual(curated);
  const [karachi] = await second.store.getNodes(['city:karachi']);
  expect(karachi?.name).toBe('Karachi (curated)');
  second.curation.close();
});

it('keeps curated changes when a live store is re-seeded', async () => {
  const { store, curation } = await boot(temporaryDbPath());
  await curation.apply(changes[2] as CheckedChange, 'alice');
  await reseed(store, { curation });
  const [karachi] = await store.getNodes(['city:karachi']);
  expect(karachi?.name).toBe('Karachi (curated)');
  curation.close();
});

it('skips, keeps and reports an entry the seed no longer fits', async () => {
  const file = temporaryDbPath();
  const first = await boot(file);
  await first.curation.apply(changes[0] as CheckedChange, 'alice');
  await first.curation.apply(changes[1] as CheckedChange, 'alice');
  first.curation.close();

  // A seed without Pakistan: the IN_COUNTRY relation has nowhere to go.
  class SeedWithoutPakistan extends MemoryGraphStore {
    override async mergeGraph(graph: GraphData): Promise<MergeSummary> {
      const nodes = graph.nodes.filter((node: NodeRecord) => node.id !== 'country:pk');
      const relations = graph.relations.filter((relation) => relation.from !== 'country:pk' && relation.to !== 'country:pk');
      return super.mergeGraph({ nodes, relations });
    }
  }
  const second = await boot(file, new SeedWithoutPakistan());
  expect(second.replay.applied).toBe(1);
  expect(second.replay.skipped).toEqual([expect.objectContaining({ seq: 2, entityId: 'city:durable-town-IN_COUNTRY->country:pk' })]);
  expect(second.curation.health()).toMatchObject({ changes: 2, skipped: 1 });
  second.curation.close();
});

it('replays entry by entry when the sources moved: skips what no longer fits and what depends on it', async () => {
  const file = temporaryDbPath();
  const first = await boot(file);
  const web = { doc: 'https://example.org/elsewhere', quote: 'a web page' };
  const town = { id: 'city:quoted-town', label: 'City', kind: 'city', name: 'Quoted', nameAr: 'مقتبس', sources: [source] };
  for (const change of [
    { kind: 'createNode', node: town },
    { kind: 'addRelation', relation: { type: 'IN_COUNTRY', from: town.id, to: 'country:pk', sources: [web] } },
    { kind: 'createNode', node: { ...town, id: 'city:web-town', sources: [web] } },
  ]) {
    await first.curation.apply(parseCurationChange(change), 'alice');
  }
  first.curation.close();

  // Sources that no longer hold the quote the first change cites.
  const edited = new Map([...sourceTexts].map(([name, text]) => [name, text.split(QUOTE).join('…')]));
  const store = new MemoryGraphStore();
  const curation = new CurationService({ store, journal: CurationJournal.open(file), sourceTexts: edited, logger });
  const { replay } = await reseed(store, { curation });
  expect(replay.applied).toBe(1);
  expect(replay.skipped.map((entry) => [entry.seq, entry.entityId])).toEqual([
    [1, 'city:quoted-town'],
    [2, 'city:quoted-town-IN_COUNTRY->country:pk'],
  ]);
  expect(replay.skipped[0]?.reason).toContain('QUOTE_NOT_FOUND');
  expect(await store.getNodes(['city:quoted-town', 'city:web-town'])).toEqual([null, expect.objectContaining({ name: 'Quoted' })]);
  expect(curation.health()).toMatchObject({ changes: 3, skipped: 2 });
  curation.close();
});

it('retracts the journal entry when the store refuses the write', async () => {
  class RefusingStore extends MemoryGraphStore {
    refuse = false;
    override async mergeGraph(graph: GraphData): Promise<MergeSummary> {
      if (this.refuse) throw new Error('disk on fire');
      return super.mergeGraph(graph);
    }
  }
  const store = new RefusingStore();
  const { curation } = await boot(temporaryDbPath(), store);
  store.refuse = true;
  await expect(curation.apply(changes[0] as CheckedChange, 'alice')).rejects.toThrow('disk on fire');
  expect(curation.auditLog({ first: 10 }).totalCount).toBe(0);
  expect(await store.getNodes(['city:durable-town'])).toEqual([null]);
  curation.close();
});

it('runs concurrent changes one at a time, each seeing the previous one', async () => {
  const { store, curation } = await boot(temporaryDbPath());
  const updates = ['one', 'two', 'three'].map((alias) =>
    curation.apply(
      parseCurationChange({
        kind: 'updateNode',
        id: 'city:karachi',
        set: { aliases: [alias] },
        source: { doc: 'https://example.org', quote: `also known as ${alias}` },
      }),
      'alice',
    ),
  );
  const results = await Promise.all(updates);
  expect(results.map((result) => result.entry.seq)).toEqual([1, 2, 3]);
  // Each change's "before" is the previous change's "after".
  expect(JSON.parse(results[2]?.entry.beforeJson ?? '{}')).toEqual(JSON.parse(results[1]?.entry.afterJson ?? '[]'));
  const [karachi] = await store.getNodes(['city:karachi']);
  expect(karachi?.aliases).toEqual(['three']);
  curation.close();
});

/**
 * Backups: random valid graphs (real ontology, generated sources) go through export → JSON
 * text → import into an empty store with nothing lost or changed; the real seed with curated
 * changes does too; and an import refuses a non-empty store or an invalid file, writing
 * nothing.
 */
import fc from 'fast-check';
import { BackupError, type BackupFile } from '../../src/backup/backup-file';
import { exportBackup } from '../../src/backup/export-backup';
import { importBackup } from '../../src/backup/import-backup';
import type { GraphData } from '../../src/domain/graph-document';
import { validateGraph } from '../../src/domain/validate-graph';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { readSeed } from '../../src/ingest/read-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { graphArbitrary } from './graph-arbitrary';

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sorted(graph: GraphData): GraphData {
  return { nodes: byId(graph.nodes), relations: byId(graph.relations) };
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

it('round-trips random valid graphs through export and import with nothing lost or changed', async () => {
  await fc.assert(
    fc.asyncProperty(graphArbitrary, async ({ graph, sourceTexts }) => {
      // The generator makes valid graphs: the validator (with web sources, without the seed-only
      // rules such as "no isolated node", as for any curated graph) agrees.
      const { problems } = validateGraph(
        {
          files: [
            { file: 'generated', content: { nodes: graph.nodes, relations: graph.relations.map(({ id: _id, ...relation }) => relation) } },
          ],
          sourceTexts,
        },
        { allowWebSources: true, seedRules: false },
      );
      expect(problems).toEqual([]);

      const original = new MemoryGraphStore();
      await original.mergeGraph(graph);
      const file = JSON.parse(JSON.stringify(await exportBackup(original))) as BackupFile;
      const restored = new MemoryGraphStore();
      const summary = await importBackup(restored, file, { sourceTexts });

      expect(summary).toEqual({ nodes: graph.nodes.length, relations: graph.relations.length });
      expect(await restored.dumpGraph()).toEqual(sorted(graph));
      expect(await restored.counts()).toEqual(await original.counts());
    }),
    // A failing graph is reported as found: shrinking graphs of this size can take minutes.
    { numRuns: 60, endOnFailure: true },
  );
});

it('round-trips the real seed with curated changes, web sources included', async () => {
  const original = new MemoryGraphStore();
  await ingestSeed(original);
  await original.mergeGraph({
    nodes: [
      {
        id: 'city:curated-x',
        label: 'City',
        kind: 'city',
        name: 'X',
        nameAr: 'س',
        sources: [{ url: 'https://example.org/x', quote: 'a curated city of the web page' }],
      },
    ],
    relations: [],
  });
  const file = await exportBackup(original);
  expect(file).toMatchObject({ format: 'cities-kg-backup', version: 1, store: 'memory' });
  expect(file.graph.relations.every((relation) => !('id' in relation))).toBe(true);
  const restored = new MemoryGraphStore();
  await importBackup(restored, JSON.parse(JSON.stringify(file)));
  expect(await restored.dumpGraph()).toEqual(await original.dumpGraph());
});

describe('importBackup refuses, writing nothing', () => {
  let file: BackupFile;
  let sourceTexts: ReadonlyMap<string, string>;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await ingestSeed(store);
    file = await exportBackup(store);
    sourceTexts = (await readSeed()).sourceTexts;
  });

  it('a store that is not empty', async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph({ nodes: [file.graph.nodes[0] as GraphData['nodes'][number]], relations: [] });
    const error = await refusal(importBackup(store, file, { sourceTexts }));
    expect(error.code).toBe('STORE_NOT_EMPTY');
    expect((await store.counts()).nodes).toBe(1);
  });

  it('a file whose quote is no longer verbatim, a truncated file, or no backup at all', async () => {
    const [first, ...rest] = file.graph.nodes;
    const tampered = {
      ...file,
      graph: { ...file.graph, nodes: [{ ...first, sources: [{ doc: 'doc:000', quote: 'not in the text at all' }] }, ...rest] },
    };
    const truncated = { ...file, graph: { ...file.graph, relations: file.graph.relations.slice(1) } };
    for (const [candidate, code] of [
      [tampered, 'INVALID_BACKUP'],
      [truncated, 'INVALID_BACKUP'],
      [{ nodes: [], relations: [] }, 'INVALID_BACKUP'],
      [{ ...file, version: 2 }, 'INVALID_BACKUP'],
    ] as const) {
      const store = new MemoryGraphStore();
      const error = await refusal(importBackup(store, candidate, { sourceTexts }));
      expect(error.code).toBe(code);
      expect(await store.counts()).toMatchObject({ nodes: 0, relations: 0 });
    }
  });
});

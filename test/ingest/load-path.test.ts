/**
 * The seed's load path takes shortcuts that must not change what is loaded: validateGraph
 * with `adoptInput` returns the input's relation entries as records (given their ids)
 * instead of copies, and hands the memory store each relation's ends as node positions
 * (relation-ends.ts) instead of ids to look up. Each is compared with the plain path.
 */
import type { GraphData } from '../../src/domain/graph-document';
import { relationEndsOf } from '../../src/domain/relation-ends';
import { validateGraph } from '../../src/domain/validate-graph';
import { readSeed } from '../../src/ingest/read-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

/** Everything a store holds, in a comparable form (records with their keys in order). */
async function contents(store: MemoryGraphStore): Promise<unknown> {
  const graph = await store.dumpGraph();
  const ordered = (record: object): [string, unknown][] => Object.entries(record);
  return { nodes: graph.nodes.map(ordered), relations: graph.relations.map(ordered) };
}

describe('the seed load path', () => {
  it('adoptInput gives the same graph, keys in the same order, and without it the input is left as it was', async () => {
    const plainInput = await readSeed();
    const before = JSON.stringify(plainInput.files);
    const plain = validateGraph(plainInput);
    expect(JSON.stringify(plainInput.files)).toBe(before);
    const adopted = validateGraph(await readSeed(), { adoptInput: true });
    expect(adopted.problems).toEqual([]);
    expect(JSON.stringify(adopted.graph)).toBe(JSON.stringify(plain.graph));
    expect(adopted.graph.relations.every((relation) => relation.id === `${relation.from}-${relation.type}->${relation.to}`)).toBe(true);
  });

  it("gives each relation's ends as the positions of its nodes in the graph", async () => {
    const { graph } = validateGraph(await readSeed());
    const ends = relationEndsOf(graph);
    expect(ends?.from.length).toBe(graph.relations.length);
    graph.relations.forEach((relation, i) => {
      expect(graph.nodes[ends?.from[i] ?? -1]?.id).toBe(relation.from);
      expect(graph.nodes[ends?.to[i] ?? -1]?.id).toBe(relation.to);
    });
  });

  it('has no ends for a graph with problems, or a graph made another way', async () => {
    const input = await readSeed();
    const broken = validateGraph({ ...input, files: [...input.files, { file: 'graph/x.json', error: 'unreadable' }] });
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(relationEndsOf(broken.graph)).toBeUndefined();
    const { graph } = validateGraph(input);
    expect(relationEndsOf({ nodes: graph.nodes, relations: graph.relations })).toBeUndefined();
  });

  it('loads the memory store with the ends given exactly as with the ids looked up', async () => {
    const { graph } = validateGraph(await readSeed(), { adoptInput: true });
    expect(relationEndsOf(graph)).toBeDefined();
    // The same graph as another object: no ends known, every end looked up by id.
    const copy: GraphData = { nodes: graph.nodes, relations: graph.relations };
    const withEnds = new MemoryGraphStore();
    const byIds = new MemoryGraphStore();
    expect(await withEnds.mergeGraph(graph)).toEqual(await byIds.mergeGraph(copy));
    expect(await contents(withEnds)).toEqual(await contents(byIds));
    const karachi = { text: 'Karachi', first: 5 };
    expect(await withEnds.search(karachi)).toEqual(await byIds.search(karachi));
  });

  it('maps the positions to the nodes a store already holds, in another order', async () => {
    const { graph } = validateGraph(await readSeed(), { adoptInput: true });
    const earlier: GraphData = { nodes: [...graph.nodes].reverse().slice(0, 40), relations: [] };
    const withEnds = new MemoryGraphStore();
    const byIds = new MemoryGraphStore();
    await withEnds.mergeGraph(earlier);
    await byIds.mergeGraph(earlier);
    expect(await withEnds.mergeGraph(graph)).toEqual(await byIds.mergeGraph({ nodes: graph.nodes, relations: graph.relations }));
    expect(await contents(withEnds)).toEqual(await contents(byIds));
    expect((await withEnds.counts()).relations).toBe(graph.relations.length);
  });
});

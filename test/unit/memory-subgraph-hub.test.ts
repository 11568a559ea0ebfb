/**
 * The memory store's subgraph around a hub: a level is cut from the hub's id-ordered run by
 * a merge that stops at the limit, not by reading all of its thousands of relations, and the
 * relations among the kept nodes are exactly the ones a brute-force pass over the whole graph
 * finds, under every direction, type filter and confidence floor, including a hub's relation
 * to another hub (the organisation based in the country of 3,000 cities). The hub's
 * relations to a few kept nodes are found by searching its id-ordered run, to many by
 * reading it: both are asked, with two relations of the hub to one city.
 */
import { meetsConfidence, type Confidence } from '../../src/domain/ontology';
import type { GraphData, NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import type { SubgraphQuery } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

const CITIES = 3_000;
const source = [{ doc: 'doc:000', quote: 'a quote' }];
const CONFIDENCES: readonly Confidence[] = ['STATED', 'INFERRED', 'DOUBTFUL'];

function hubGraph(): GraphData {
  const nodes: NodeRecord[] = [
    { id: 'org:hub', label: 'Organization', name: 'Hub', nameAr: 'المحور', sources: source } as NodeRecord,
    { id: 'country:xx', label: 'Country', name: 'Xland', nameAr: 'بلد', sources: source } as NodeRecord,
  ];
  const relations: RelationRecord[] = [];
  const relate = (type: RelationRecord['type'], from: string, to: string, confidence: Confidence): void => {
    const note = confidence === 'STATED' ? {} : { note: 'graded for the test' };
    relations.push({ id: relationId({ type, from, to }), type, from, to, confidence, ...note, sources: source } as RelationRecord);
  };
  for (let i = 0; i < CITIES; i += 1) {
    const city = `city:c${String(i).padStart(4, '0')}`;
    nodes.push({ id: city, label: 'City', name: `City ${i}`, nameAr: `مدينة ${i}`, sources: source } as NodeRecord);
    // The hub reaches every city (its out-run is 3,000 long); some cities are members back.
    relate('PARTNERS_WITH', 'org:hub', city, CONFIDENCES[i % 3] ?? 'STATED');
    if (i % 7 === 0) relate('MEMBER_OF', city, 'org:hub', 'STATED');
    // A second relation from the hub to some cities: two entries for one other end in its run.
    if (i % 5 === 0) relate('PART_OF', 'org:hub', city, CONFIDENCES[(i + 2) % 3] ?? 'STATED');
    relate('IN_COUNTRY', city, 'country:xx', CONFIDENCES[(i + 1) % 3] ?? 'STATED');
  }
  // The hub's one relation to a node with a long IN run (the country's 3,000 cities).
  relate('BASED_IN', 'org:hub', 'country:xx', 'STATED');
  return { nodes, relations };
}

const graph = hubGraph();
let store: MemoryGraphStore;
beforeAll(async () => {
  store = new MemoryGraphStore();
  await store.mergeGraph(graph);
});

/** The relations among `kept`, by brute force over the input. */
function among(kept: ReadonlySet<string>, query: SubgraphQuery): string[] {
  return graph.relations
    .filter(
      (relation) =>
        kept.has(relation.from) &&
        kept.has(relation.to) &&
        (query.types === undefined || query.types.includes(relation.type)) &&
        (query.minConfidence === undefined || meetsConfidence(relation.confidence ?? 'STATED', query.minConfidence)),
    )
    .map((relation) => relation.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const QUERIES: SubgraphQuery[] = [
  { ids: ['city:c0005'], depth: 2, direction: 'BOTH', limit: 10 },
  { ids: ['city:c0005'], depth: 2, direction: 'BOTH', limit: 500 },
  // The hub's run (3,601 entries) read entry by entry: kept nodes are more than a quarter of it.
  { ids: ['city:c0005'], depth: 2, direction: 'BOTH', limit: 1000 },
  { ids: ['city:c0010'], depth: 2, direction: 'BOTH', limit: 300, types: ['PART_OF', 'IN_COUNTRY'], minConfidence: 'INFERRED' },
  { ids: ['org:hub'], depth: 1, direction: 'OUT', limit: 40 },
  { ids: ['country:xx'], depth: 2, direction: 'IN', limit: 25 },
  { ids: ['city:c0014'], depth: 2, direction: 'BOTH', limit: 60, types: ['PARTNERS_WITH', 'MEMBER_OF'] },
  { ids: ['city:c0021'], depth: 2, direction: 'BOTH', limit: 60, minConfidence: 'INFERRED' },
  { ids: ['org:hub', 'country:xx'], depth: 1, direction: 'BOTH', limit: 80 },
  { ids: ['org:hub', 'city:c2999'], depth: 1, direction: 'OUT', limit: 30, minConfidence: 'DOUBTFUL' },
  {
    ids: ['org:hub', 'country:xx'],
    depth: 1,
    direction: 'BOTH',
    limit: 80,
    types: ['IN_COUNTRY', 'PARTNERS_WITH'],
    minConfidence: 'STATED',
  },
];

it.each(QUERIES)('finds exactly the relations among the kept nodes around a hub: %j', async (query) => {
  const result = await store.subgraph(query);
  const kept = new Set(result.nodes.map((entry) => entry.id));
  expect(kept.size).toBeGreaterThan(1);
  expect(result.relations.map((relation) => relation.id)).toEqual(among(kept, query));
});

import fc from 'fast-check';
import type { GraphData, NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { CONFIDENCE_LEVELS, meetsConfidence, RELATION_TYPES, type Confidence, type RelationType } from '../../src/domain/ontology';
import type { Direction, SubgraphQuery, SubgraphResult } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { graphArbitrary } from '../backup/graph-arbitrary';
import { defineGraphStoreContract } from './graph-store-contract';
import { defineTraversalContract } from './traversal-contract';

defineGraphStoreContract('memory', async () => new MemoryGraphStore());
defineTraversalContract('memory', async () => new MemoryGraphStore());

// What the memory store adds to the contract: records packed into columns must read back
// exactly as merged, the name index must follow every merge, and subgraph's merge of
// id-ranked runs must give what a plain breadth-first search gives.

const cite = (quote: string) => [{ doc: 'doc:000', quote }];
const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** JSON with keys in their written order: equal only if the records are the same, keys in order. */
const asWritten = (value: unknown): string => JSON.stringify(value);

describe('memory store: records read back exactly as merged', () => {
  // A node and relations carrying what the ontology does not list (yet): new properties of
  // every value type, web sources with other keys, a relation id that is not derived.
  const future = {
    id: 'city:future',
    label: 'City',
    name: 'Future',
    kind: 'city',
    nameAr: 'مستقبل',
    confidence: 'INFERRED',
    population: 1234567,
    share: 0.25,
    huge: 2 ** 40,
    negativeZero: -0,
    active: true,
    retired: false,
    cleared: null,
    tags: ['a', 'b', 'مدينة'],
    none: [],
    nested: { at: [1, { deep: 'x' }] },
    sources: [
      { doc: 'doc:000', quote: 'مستقبل' },
      { url: 'https://example.org/page', quote: 'a web page', seen: '2026-01-01' },
    ],
  } as unknown as NodeRecord;
  const country: NodeRecord = {
    id: 'country:pk',
    label: 'Country',
    name: 'Pakistan',
    nameAr: 'باكستان',
    code: 'PK',
    sources: cite('باكستان'),
  };
  const derived = {
    type: 'IN_COUNTRY',
    from: 'city:future',
    to: 'country:pk',
    confidence: 'STATED',
    through: 'org:somewhere',
    at: 'city:future',
    sources: cite('x'),
    id: 'city:future-IN_COUNTRY->country:pk',
  } as unknown as RelationRecord;
  // Same length as the derived id of its triple, other characters: must not be taken for it.
  const sameLength = {
    type: 'PART_OF',
    from: 'city:future',
    to: 'city:future',
    sources: cite('y'),
    id: 'city:futurX-PART_OF->city:future',
  } as RelationRecord;
  const handMade = {
    type: 'PARTICIPATED_IN',
    from: 'city:future',
    to: 'country:pk',
    sources: cite('z'),
    id: 'rel:hand-made',
  } as unknown as RelationRecord;

  it('keeps properties and value types the ontology does not list, keys in the order written', async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph({ nodes: [future, country], relations: [derived, sameLength, handMade] });
    const [node] = await store.getNodes(['city:future']);
    expect(asWritten(node)).toBe(asWritten(future));
    expect(Object.is((node as unknown as { negativeZero: number }).negativeZero, -0)).toBe(true);
    const relations = await store.getRelations({ nodeIds: ['city:future'], direction: 'OUT' });
    expect(relations.map(asWritten).sort()).toEqual([derived, sameLength, handMade].map(asWritten).sort());
    const dump = await store.dumpGraph();
    expect(dump.relations.map((relation) => relation.id)).toEqual(byId([derived, sameLength, handMade]).map((relation) => relation.id));
  });

  it('finds relations by their ids after a bulk load, hand-made ids included', async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph({ nodes: [future, country], relations: [derived, sameLength, handMade] });
    await expect(store.removeRelation('city:future-PART_OF->city:future')).resolves.toBe(false);
    await expect(store.removeRelation('city:futurX-PART_OF->city:future')).resolves.toBe(true);
    await expect(store.removeRelation('rel:hand-made')).resolves.toBe(true);
    const changed = { ...derived, note: 'revised' };
    await expect(store.mergeGraph({ nodes: [], relations: [changed] })).resolves.toMatchObject({
      relationsCreated: 0,
      relationsUpdated: 1,
    });
    expect((await store.dumpGraph()).relations).toEqual([changed]);
  });

  it('keeps every record intact through thousands of updates (the packed words are rewritten)', async () => {
    const store = new MemoryGraphStore();
    const cities = Array.from({ length: 3000 }, (_unused, i): NodeRecord => ({
      id: `city:c${i}`,
      label: 'City',
      kind: 'city',
      name: `City ${i}`,
      nameAr: `مدينة ${i}`,
      sources: cite(`quote ${i}`),
    }));
    await store.mergeGraph({ nodes: [country, ...cities], relations: [] });
    let latest = cities;
    for (let round = 1; round <= 4; round += 1) {
      latest = cities.map((city) => ({ ...city, note: `round ${round}`, aliases: [`alias ${round}`, city.name] }));
      await expect(store.mergeGraph({ nodes: latest, relations: [] })).resolves.toMatchObject({ nodesUpdated: cities.length });
    }
    expect((await store.getNodes(latest.map((city) => city.id))).map(asWritten)).toEqual(latest.map(asWritten));
  });

  it('dumps random valid graphs exactly as merged', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async ({ graph }) => {
        const store = new MemoryGraphStore();
        await store.mergeGraph(graph);
        const dump = await store.dumpGraph();
        expect(dump.nodes.map(asWritten)).toEqual(byId(graph.nodes).map(asWritten));
        expect(dump.relations.map(asWritten)).toEqual(byId(graph.relations).map(asWritten));
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('memory store: the name index follows every merge', () => {
  const city = (id: string, name: string, nameAr: string): NodeRecord => ({
    id,
    label: 'City',
    kind: 'city',
    name,
    nameAr,
    sources: cite(nameAr),
  });
  const ids = async (store: MemoryGraphStore, text: string) => (await store.search({ text, first: 10 })).map((hit) => hit.node.id);

  it('finds a node merged after the load, and its new name (not the old one) once renamed', async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph({ nodes: [city('city:karachi', 'Karachi', 'كراتشي')], relations: [] });
    await store.mergeGraph({ nodes: [city('city:quetta', 'Quetta', 'كويتا')], relations: [] });
    expect(await ids(store, 'quetta')).toEqual(['city:quetta']);
    expect(await ids(store, 'كويتا')).toEqual(['city:quetta']);
    await store.mergeGraph({ nodes: [city('city:quetta', 'Shalkot', 'شالكوت')], relations: [] });
    expect(await ids(store, 'quetta')).toEqual([]);
    const [hit] = await store.search({ text: 'Shalkot', first: 5 });
    expect(hit).toMatchObject({ node: { id: 'city:quetta', name: 'Shalkot' }, exact: true });
    expect(await ids(store, 'karachi')).toEqual(['city:karachi']);
  });

  it('marks as exact a whole name, Arabic name, alias or acronym, folded, and not a part of one', async () => {
    const store = new MemoryGraphStore();
    const committee = {
      ...city('org:cplc', 'Citizens-Police Liaison Committee', 'لجنة الاتصال بالشرطة المدنية'),
      label: 'Organization',
      kind: 'police',
      acronym: 'CPLC',
    } as NodeRecord;
    const pristina = { ...city('city:pristina', 'Pristina', 'بريشتينا'), aliases: ['Prishtinë', 'Old Town'] } as NodeRecord;
    await store.mergeGraph({ nodes: [committee, pristina, city('city:karachi', 'Karachi', 'كراتشي')], relations: [] });
    const first = async (text: string) => (await store.search({ text, first: 5 }))[0];
    for (const [text, id] of [
      ['citizens police liaison committee', 'org:cplc'],
      ['لجنه الاتصال بالشرطه المدنيه', 'org:cplc'],
      ['cplc', 'org:cplc'],
      ['PRISHTINE', 'city:pristina'],
      ['old town', 'city:pristina'],
      ['كَرَاتْشِي', 'city:karachi'],
    ] as const) {
      expect({ text, hit: await first(text) }).toMatchObject({ text, hit: { node: { id }, exact: true } });
    }
    for (const [text, id] of [
      ['citizens police', 'org:cplc'],
      ['old', 'city:pristina'],
      ['karach', 'city:karachi'],
    ] as const) {
      expect({ text, hit: await first(text) }).toMatchObject({ text, hit: { node: { id }, exact: false } });
    }
  });

  it('stays right when merges grow the later nodes past a share of the index and fold them back in', async () => {
    const store = new MemoryGraphStore();
    const batch = (from: number) =>
      Array.from({ length: 600 }, (_unused, i) => city(`city:n${from + i}`, `Nowhere${from + i}`, `لا${from + i}`));
    await store.mergeGraph({ nodes: [city('city:karachi', 'Karachi', 'كراتشي')], relations: [] });
    await store.mergeGraph({ nodes: batch(0), relations: [] });
    expect((await store.search({ text: 'nowhere599', first: 5 }))[0]).toMatchObject({ node: { id: 'city:n599' }, exact: true });
    await store.mergeGraph({ nodes: [...batch(600), city('city:karachi', 'Kolachi', 'كولاچي')], relations: [] });
    for (const id of [0, 599, 600, 1199]) {
      expect((await store.search({ text: `nowhere${id}`, first: 5 }))[0]).toMatchObject({ node: { id: `city:n${id}` }, exact: true });
    }
    expect(await ids(store, 'kolachi')).toEqual(['city:karachi']);
    expect(await ids(store, 'karachi')).toEqual([]);
  });

  it('ranks an exact name first and ties by id, whatever order the nodes were merged in', async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph({
      nodes: [city('city:b', 'Mardan East', 'ب'), city('city:a', 'Mardan East', 'أ'), city('city:c', 'Mardan', 'ت')],
      relations: [],
    });
    expect(await ids(store, 'mardan')).toEqual(['city:c', 'city:a', 'city:b']);
  });
});

/** Subgraph by a plain breadth-first search over the dumped graph, as GraphStore documents it. */
function referenceSubgraph(graph: GraphData, query: SubgraphQuery): SubgraphResult {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const types = query.types && query.types.length > 0 ? new Set(query.types) : undefined;
  const relations = graph.relations.filter(
    (relation) =>
      (!types || types.has(relation.type)) &&
      (query.minConfidence === undefined || meetsConfidence(relation.confidence, query.minConfidence)),
  );
  const neighbours = (id: string): string[] =>
    relations.flatMap((relation) => [
      ...(query.direction !== 'IN' && relation.from === id ? [relation.to] : []),
      ...(query.direction !== 'OUT' && relation.to === id ? [relation.from] : []),
    ]);
  const seen = new Set(query.ids.filter((id) => nodes.has(id)));
  let level = [...seen].sort();
  const kept: { id: string; depth: number }[] = [];
  let truncated = false;
  for (let depth = 0; level.length > 0; depth += 1) {
    const room = query.limit - kept.length;
    if (level.length > room) {
      level = level.slice(0, room);
      truncated = true;
    }
    for (const id of level) kept.push({ id, depth });
    if (truncated || depth === query.depth) break;
    const next = new Set<string>();
    for (const id of level) for (const neighbour of neighbours(id)) if (!seen.has(neighbour)) next.add(neighbour);
    for (const id of next) seen.add(id);
    level = [...next].sort();
    if (kept.length === query.limit && level.length > 0) {
      truncated = true;
      break;
    }
  }
  const keptIds = new Set(kept.map((entry) => entry.id));
  return {
    nodes: kept.map(({ id, depth }) => {
      const { label, name, nameAr } = nodes.get(id) as NodeRecord;
      return { id, label, name, nameAr, depth };
    }),
    relations: byId(relations.filter((relation) => keptIds.has(relation.from) && keptIds.has(relation.to))).map(
      ({ id, type, from, to, confidence }) => ({ id, type, from, to, confidence }),
    ),
    truncated,
  };
}

describe('memory store: subgraph', () => {
  it('orders relations by id where a node id is another one followed by a hyphen', async () => {
    const place = (id: string): NodeRecord => ({ id, label: 'City', kind: 'city', name: id, nameAr: 'م', sources: cite('م') });
    const ids = ['city:a', 'city:a-1', 'city:a-b', 'city:a0', 'city:b'];
    const relations = ids.flatMap((from) =>
      ids
        .filter((to) => to !== from)
        .map((to): RelationRecord => ({
          type: 'PART_OF',
          from,
          to,
          confidence: 'STATED',
          sources: cite('م'),
          id: `${from}-PART_OF->${to}`,
        })),
    );
    const store = new MemoryGraphStore();
    await store.mergeGraph({ nodes: ids.map(place), relations });
    const result = await store.subgraph({ ids: ['city:a'], depth: 1, direction: 'BOTH', limit: 10 });
    expect(result.relations.map((relation) => relation.id)).toEqual(byId(relations).map((relation) => relation.id));
  });

  it('gives what a plain breadth-first search gives, cuts included', async () => {
    const query = (graph: GraphData) =>
      fc.record({
        ids: fc.subarray(
          graph.nodes.map((node) => node.id),
          { minLength: Math.min(1, graph.nodes.length), maxLength: Math.min(3, graph.nodes.length) },
        ),
        depth: fc.integer({ min: 0, max: 3 }),
        direction: fc.constantFrom<Direction>('OUT', 'IN', 'BOTH'),
        types: fc.option(fc.subarray<RelationType>([...RELATION_TYPES], { maxLength: 4 }), { nil: undefined }),
        limit: fc.integer({ min: 1, max: 12 }),
        minConfidence: fc.option(fc.constantFrom<Confidence>(...CONFIDENCE_LEVELS), { nil: undefined }),
      });
    await fc.assert(
      fc.asyncProperty(
        graphArbitrary.chain((generated) =>
          fc.tuple(fc.constant(generated.graph), fc.array(query(generated.graph), { minLength: 1, maxLength: 5 })),
        ),
        async ([graph, queries]) => {
          const store = new MemoryGraphStore();
          await store.mergeGraph(graph);
          for (const each of queries) {
            const { types, minConfidence, ...rest } = each;
            const asked: SubgraphQuery = { ...rest, ...(types ? { types } : {}), ...(minConfidence ? { minConfidence } : {}) };
            expect(await store.subgraph(asked)).toEqual(referenceSubgraph(graph, asked));
          }
        },
      ),
      // A failing graph is printed as found: shrinking graphs this size takes minutes.
      { numRuns: 80, endOnFailure: true },
    );
  });
});

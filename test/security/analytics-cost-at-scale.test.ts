/**
 * The analytics cost limit on a graph larger than the seed, over real HTTP: work that grows
 * faster than the graph is refused with QUERY_TOO_COMPLEX before the store is asked, not
 * after it has held the event loop.
 *
 * - sharedPartners over every programme compares every pair of programmes: 4,000
 *   programmes are 8M pairs, 1.2–4.4 µs a pair here (`npm run bench:analytics`), 10 s or more.
 *   Costed by the graph's size alone, it passed the limit at 100k relations.
 * - centrality and communities over ALL or PARTNERSHIP are sized from the graph's counts: the
 *   projection is not built just to be refused (12 s for ALL at a million relations).
 */
import { estimatedMs } from '../../src/analytics/cost';
import { relationId, type GraphData, type NodeRecord, type RelationInput } from '../../src/domain/graph-document';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { countCalls, type CountingStore } from '../support/counting-store';
import { errorCodes, postJson, startTestServer, type TestServer } from '../support/test-server';

const PROGRAMMES = 4_000;
const PARTNERS = 20;
const DEFAULT_MAX_ANALYTICS_COST = 1_000;

const cite = [{ doc: 'doc:synthetic', quote: 'synthetic' }];

/** PROGRAMMES programmes, each partnered by two of PARTNERS organisations. */
function manyProgrammes(): GraphData {
  const nodes: NodeRecord[] = [
    {
      id: 'doc:synthetic',
      label: 'Document',
      name: 'Synthetic',
      nameAr: 'اصطناعي',
      title: 'Synthetic',
      file: 'synthetic.txt',
      sources: cite,
    },
  ];
  const relations: RelationInput[] = [];
  for (let org = 0; org < PARTNERS; org += 1) {
    nodes.push({ id: `org:o${org}`, label: 'Organization', kind: 'ngo', name: `Organisation ${org}`, nameAr: 'منظمة', sources: cite });
  }
  for (let programme = 0; programme < PROGRAMMES; programme += 1) {
    const id = `prog:p${programme}`;
    nodes.push({ id, label: 'Programme', kind: 'project', name: `Programme ${programme}`, nameAr: 'برنامج', sources: cite });
    for (const org of [programme % PARTNERS, (programme * 7 + 3) % PARTNERS]) {
      relations.push({ type: 'PARTNER_IN', from: `org:o${org}`, to: id, confidence: 'STATED', sources: cite });
    }
  }
  return { nodes, relations: relations.map((relation) => ({ ...relation, id: relationId(relation) })) } as GraphData;
}

describe('the cost model', () => {
  it('counts the pairs of programmes that sharedPartners over every programme compares', () => {
    const size = { nodes: 12_000, edges: 100_000 };
    expect(estimatedMs({ kind: 'sharedPartners', size, programmes: 4_000 })).toBeGreaterThan(DEFAULT_MAX_ANALYTICS_COST);
    // The seed's ~40 programmes: a few hundred pairs, far under the limit.
    expect(estimatedMs({ kind: 'sharedPartners', size: { nodes: 431, edges: 716 }, programmes: 40 })).toBeLessThan(10);
  });

  it('counts the store building a whole-graph projection on the event loop, not only the algorithm in its worker', () => {
    // At a million relations a PARTNERSHIP projection takes 2–3 s to build, ALL 14 s (`npm run bench:analytics`).
    const size = { nodes: 100_000, edges: 200_000 };
    expect(estimatedMs({ kind: 'centrality', metric: 'DEGREE', size })).toBeLessThan(DEFAULT_MAX_ANALYTICS_COST);
    expect(
      estimatedMs({ kind: 'centrality', metric: 'DEGREE', size, build: { projection: 'PARTNERSHIP', relations: 1_000_000 } }),
    ).toBeGreaterThan(DEFAULT_MAX_ANALYTICS_COST);
    expect(
      estimatedMs({ kind: 'communities', size: { nodes: 431, edges: 716 }, build: { projection: 'ALL', relations: 716 } }),
    ).toBeLessThan(100);
  });
});

describe('a server over 4,000 programmes, with the default limits', () => {
  let counting: CountingStore;
  let server: TestServer;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await store.mergeGraph(manyProgrammes());
    counting = countCalls(store);
    server = await startTestServer({ store: counting.store, seed: false, env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => counting.reset());

  it('refuses sharedPartners over every programme with QUERY_TOO_COMPLEX, naming the cost, before the store walks', async () => {
    const response = await postJson(server.url, { query: '{ sharedPartners(first: 10) { a { id } b { id } score } }' });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors?.[0]?.message).toMatch(/sharedPartners/);
    expect(counting.calls.get('sharedPartners') ?? 0).toBe(0);
  });

  it('still answers sharedPartners among given programmes', async () => {
    const response = await postJson(server.url, {
      query: '{ sharedPartners(programmeIds: ["prog:p0", "prog:p20"], first: 10) { a { id } b { id } partners { id } } }',
    });
    expect(errorCodes(response)).toEqual([]);
    expect(response).toMatchObject({
      data: { sharedPartners: [{ a: { id: 'prog:p0' }, b: { id: 'prog:p20' }, partners: [{ id: 'org:o0' }, { id: 'org:o3' }] }] },
    });
  });

  it('refuses betweenness over ALL from the counts, without building the projection', async () => {
    const response = await postJson(server.url, {
      query: '{ centrality(metric: BETWEENNESS, projection: ALL, type: PROGRAMME) { score } }',
    });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(counting.calls.get('project') ?? 0).toBe(0);
  });

  it('refuses betweenness over PARTNERSHIP from the counts, without building the projection', async () => {
    const response = await postJson(server.url, {
      query: '{ centrality(metric: BETWEENNESS, projection: PARTNERSHIP, type: PROGRAMME) { score } }',
    });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(counting.calls.get('project') ?? 0).toBe(0);
  });
});

/**
 * The GraphStore contract: every behaviour of the port, written once and run against each
 * adapter (memory-store.test.ts, neo4j-store.int.test.ts). Each test starts from a store
 * holding exactly the fixture graph; errors are asserted by class, never by message.
 */
import { relationId, type NodeRecord, type RelationInput, type RelationRecord } from '../../src/domain/graph-document';
import { NODE_LABELS, RELATION_TYPES } from '../../src/domain/ontology';
import { ConflictError, InvalidArgumentError, type GraphStore } from '../../src/store/GraphStore';
import { FIXTURE_GRAPH, FIXTURE_NODES, FIXTURE_RELATIONS } from './fixture-graph';

const ids = (nodes: readonly (NodeRecord | null)[]): (string | null)[] => nodes.map((node) => node?.id ?? null);

const withId = (relation: RelationInput): RelationRecord => ({ ...relation, id: relationId(relation) });

/** Relations of every confidence with `through` and `at`, added to the fixture by the tests that need them. */
const GRADED = {
  commitment: {
    id: 'commitment:1',
    label: 'Commitment',
    name: 'Commitment 1',
    nameAr: 'الالتزام الأول',
    number: 1,
    text: 'Speak out against hate.',
    textAr: 'التحدث علناً',
    sources: [{ doc: 'doc:000', quote: 'الالتزام الأول' }],
  } satisfies NodeRecord,
  inferred: withId({
    type: 'ADVANCES',
    from: 'city:karachi',
    to: 'commitment:1',
    confidence: 'INFERRED',
    note: 'implied by the programme the example names',
    through: ['prog:karachi-capacity-building', 'org:cplc'],
    sources: [{ doc: 'doc:000', quote: 'بناء القدرات' }],
  }),
  doubtful: withId({
    type: 'HELD_IN',
    from: 'event:south-asia-hub-launch',
    to: 'city:karachi',
    confidence: 'DOUBTFUL',
    note: 'the launch was virtual',
    sources: [{ doc: 'doc:000', quote: 'فعاليات الإطلاق' }],
  }),
  stated: withId({
    type: 'LEARNED_FROM',
    from: 'city:mardan',
    to: 'city:karachi',
    confidence: 'STATED',
    context: 'neighbourhood care',
    at: 'event:south-asia-hub-launch',
    sources: [{ doc: 'doc:000', quote: 'ماردان، باكستان' }],
  }),
};

export function defineGraphStoreContract(storeName: string, createStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${storeName}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await createStore();
    });
    beforeEach(async () => {
      await store.clear();
      await store.mergeGraph(FIXTURE_GRAPH);
    });
    afterAll(async () => {
      await store.close();
    });

    describe('mergeGraph', () => {
      it('is idempotent: merging the same graph again creates and updates nothing', async () => {
        await expect(store.mergeGraph(FIXTURE_GRAPH)).resolves.toEqual({
          nodesCreated: 0,
          nodesUpdated: 0,
          relationsCreated: 0,
          relationsUpdated: 0,
        });
      });

      it('counts what a first merge creates', async () => {
        await store.clear();
        await expect(store.mergeGraph(FIXTURE_GRAPH)).resolves.toEqual({
          nodesCreated: FIXTURE_NODES.length,
          nodesUpdated: 0,
          relationsCreated: FIXTURE_RELATIONS.length,
          relationsUpdated: 0,
        });
      });

      it('updates a changed node in place and reports it as updated', async () => {
        const fixture = FIXTURE_NODES.find((node) => node.id === 'city:mardan');
        if (!fixture) throw new Error('the fixture holds city:mardan');
        const changed = { ...fixture, note: 'revised' } as NodeRecord;
        const summary = await store.mergeGraph({ nodes: [changed], relations: [] });
        expect(summary).toMatchObject({ nodesCreated: 0, nodesUpdated: 1 });
        const [mardan] = await store.getNodes(['city:mardan']);
        expect(mardan).toMatchObject({ id: 'city:mardan', note: 'revised', name: 'Mardan' });
      });

      it('refuses to change the label of an existing node, and writes nothing', async () => {
        const relabelled: NodeRecord = {
          id: 'city:mardan',
          label: 'Person',
          name: 'Mardan',
          nameAr: 'ماردان',
          sources: [{ doc: 'doc:000', quote: 'ماردان' }],
        };
        await expect(store.mergeGraph({ nodes: [relabelled], relations: [] })).rejects.toBeInstanceOf(ConflictError);
        const [mardan] = await store.getNodes(['city:mardan']);
        expect(mardan?.label).toBe('City');
      });

      it('refuses a relation to a node that exists nowhere, and writes nothing', async () => {
        const before = await store.counts();
        const orphan = {
          type: 'IN_COUNTRY' as const,
          from: 'city:nowhere',
          to: 'country:pk',
          id: 'city:nowhere-IN_COUNTRY->country:pk',
          confidence: 'STATED' as const,
          sources: [{ doc: 'doc:000', quote: 'x' }],
        };
        const newCity: NodeRecord = {
          id: 'city:new',
          label: 'City',
          kind: 'city',
          name: 'New',
          nameAr: 'جديد',
          sources: [{ doc: 'doc:000', quote: 'x' }],
        };
        await expect(store.mergeGraph({ nodes: [newCity], relations: [orphan] })).rejects.toBeInstanceOf(InvalidArgumentError);
        expect(await store.counts()).toEqual(before);
      });

      it('keeps provenance and properties as written', async () => {
        const [karachi] = await store.getNodes(['city:karachi']);
        expect(karachi).toEqual(FIXTURE_NODES.find((node) => node.id === 'city:karachi'));
        const [leads] = await store.getRelations({ nodeIds: ['person:murtaza-wahab'], direction: 'OUT', types: ['LEADS'] });
        expect(leads).toEqual(FIXTURE_RELATIONS.find((relation) => relation.type === 'LEADS'));
      });
    });

    describe('getNodes', () => {
      it('returns nodes in the order asked, null for unknown ids', async () => {
        const nodes = await store.getNodes(['org:world-bank', 'city:unknown', 'city:karachi']);
        expect(ids(nodes)).toEqual(['org:world-bank', null, 'city:karachi']);
      });

      it('returns an empty list for no ids', async () => {
        await expect(store.getNodes([])).resolves.toEqual([]);
      });
    });

    describe('listNodes', () => {
      it('pages through a label in id order with cursors and a total count', async () => {
        const first = await store.listNodes({ label: 'City', first: 3 });
        expect(ids(first.nodes)).toEqual(['city:amman', 'city:karachi', 'city:karachi-east']);
        expect(first).toMatchObject({ totalCount: 7, hasNextPage: true });
        const second = await store.listNodes({ label: 'City', first: 3, after: first.endCursor });
        expect(ids(second.nodes)).toEqual(['city:korangi', 'city:mardan', 'city:mombasa']);
        const third = await store.listNodes({ label: 'City', first: 3, after: second.endCursor });
        expect(ids(third.nodes)).toEqual(['city:pristina']);
        expect(third).toMatchObject({ totalCount: 7, hasNextPage: false });
      });

      it('filters by a relation to another node (cities in a country)', async () => {
        const page = await store.listNodes({
          label: 'City',
          first: 10,
          linkedTo: { type: 'IN_COUNTRY', direction: 'OUT', id: 'country:pk' },
        });
        expect(ids(page.nodes)).toEqual(['city:karachi', 'city:korangi', 'city:mardan']);
        expect(page.totalCount).toBe(3);
      });

      it('follows the direction of the filter (parts of a city)', async () => {
        const parts = await store.listNodes({
          label: 'City',
          first: 10,
          linkedTo: { type: 'PART_OF', direction: 'OUT', id: 'city:karachi' },
        });
        expect(ids(parts.nodes)).toEqual(['city:karachi-east', 'city:korangi']);
        const parents = await store.listNodes({
          label: 'City',
          first: 10,
          linkedTo: { type: 'PART_OF', direction: 'IN', id: 'city:korangi' },
        });
        expect(ids(parents.nodes)).toEqual(['city:karachi']);
      });

      it('returns an empty page for a label or anchor with nothing in it', async () => {
        const page = await store.listNodes({ label: 'Commitment', first: 5 });
        expect(page).toEqual({ nodes: [], totalCount: 0, endCursor: null, hasNextPage: false });
        const none = await store.listNodes({
          label: 'City',
          first: 5,
          linkedTo: { type: 'IN_COUNTRY', direction: 'OUT', id: 'country:zz' },
        });
        expect(none.totalCount).toBe(0);
      });

      it('rejects a page size out of bounds and a cursor it did not issue', async () => {
        await expect(store.listNodes({ label: 'City', first: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.listNodes({ label: 'City', first: 101 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.listNodes({ label: 'City', first: 5, after: 'not a cursor!' })).rejects.toBeInstanceOf(InvalidArgumentError);
      });
    });

    describe('getRelations', () => {
      it('returns outgoing, incoming or both, ordered by type, from, to', async () => {
        const out = await store.getRelations({ nodeIds: ['city:karachi'], direction: 'OUT' });
        expect(out.map((relation) => relation.id)).toEqual([
          'city:karachi-IN_COUNTRY->country:pk',
          'city:karachi-PARTICIPATED_IN->event:south-asia-hub-launch',
          'city:karachi-RUNS->prog:karachi-capacity-building',
        ]);
        const incoming = await store.getRelations({ nodeIds: ['city:karachi'], direction: 'IN' });
        expect(incoming.map((relation) => relation.id)).toEqual([
          'person:murtaza-wahab-LEADS->city:karachi',
          'org:cplc-PARTNERS_WITH->city:karachi',
          'city:karachi-east-PART_OF->city:karachi',
          'city:korangi-PART_OF->city:karachi',
        ]);
        const both = await store.getRelations({ nodeIds: ['city:karachi'], direction: 'BOTH' });
        expect(both).toHaveLength(7);
      });

      it('filters by type and serves many nodes in one call, each relation once', async () => {
        const relations = await store.getRelations({
          nodeIds: ['city:korangi', 'city:karachi', 'country:pk'],
          direction: 'BOTH',
          types: ['PART_OF', 'IN_COUNTRY'],
        });
        expect(relations.map((relation) => relation.id)).toEqual([
          'city:karachi-IN_COUNTRY->country:pk',
          'city:korangi-IN_COUNTRY->country:pk',
          'city:mardan-IN_COUNTRY->country:pk',
          'city:karachi-east-PART_OF->city:karachi',
          'city:korangi-PART_OF->city:karachi',
        ]);
      });

      it('returns nothing for unknown nodes', async () => {
        await expect(store.getRelations({ nodeIds: ['city:unknown'], direction: 'BOTH' })).resolves.toEqual([]);
      });
    });

    describe('search', () => {
      const search = async (text: string, options: { labels?: NodeRecord['label'][]; first?: number } = {}) =>
        (await store.search({ text, first: options.first ?? 10, ...(options.labels ? { labels: options.labels } : {}) })).map(
          (hit) => hit.node.id,
        );

      it('finds a city by its English name in any case, exact match first', async () => {
        expect((await search('karachi'))[0]).toBe('city:karachi');
        expect((await search('KARACHI'))[0]).toBe('city:karachi');
        const [hit] = await store.search({ text: 'Karachi', first: 5 });
        expect(hit?.exact).toBe(true);
      });

      it('finds a city by its Arabic name, with or without tashkeel and tatweel', async () => {
        expect((await search('كراتشي'))[0]).toBe('city:karachi');
        expect((await search('كَرَاتْشِي'))[0]).toBe('city:karachi');
        expect((await search('كراتـــشي'))[0]).toBe('city:karachi');
      });

      // Lucene does not stem prefix and fuzzy clauses, so an Arabic prefix must meet unstemmed terms.
      it('matches Arabic prefixes of a name, as it does Latin ones', async () => {
        expect(await search('الشر')).toContain('city:karachi-east');
        expect((await search('كرات'))[0]).toBe('city:karachi');
        expect(await search('مومبا')).toContain('city:mombasa');
        expect(await search('بريشت')).toContain('city:pristina');
      });

      it('finds hits of an asked label however many hits of other labels score higher', async () => {
        const many = Array.from({ length: 600 }, (_, index): NodeRecord => ({
          id: `city:karachi-ward-${index + 1}`,
          label: 'City',
          kind: 'district',
          name: `Karachi Karachi ward ${index + 1}`,
          nameAr: 'كراتشي',
          sources: [{ doc: 'doc:000', quote: 'كراتشي' }],
        }));
        await store.mergeGraph({ nodes: many, relations: [] });
        expect(await search('karachi', { labels: ['Document'] })).toEqual(['doc:000']);
        expect(await search('karachi', { labels: ['Person', 'Organization'] })).toEqual([]);
      });

      it('folds Arabic letter variants (أ/إ/آ/ا, ى/ي, ة/ه)', async () => {
        expect((await search('امانه عمان الكبري'))[0]).toBe('city:amman');
        expect((await search('مرتضي وهاب'))[0]).toBe('person:murtaza-wahab');
      });

      it('folds Latin diacritics and matches aliases and acronyms', async () => {
        expect((await search('Prishtine'))[0]).toBe('city:pristina');
        expect((await search('cplc'))[0]).toBe('org:cplc');
        expect((await search('kmc'))[0]).toBe('city:karachi');
      });

      it('matches prefixes and ranks the exact name above longer names', async () => {
        const hits = await search('karachi');
        expect(hits.slice(0, 2)).toEqual(['city:karachi', 'city:karachi-east']);
        expect(await search('mard')).toContain('city:mardan');
      });

      it('filters by label and honours first', async () => {
        expect(await search('karachi', { labels: ['Document'] })).toEqual(['doc:000']);
        expect(await search('karachi', { first: 1 })).toEqual(['city:karachi']);
      });

      it('returns nothing for a name that is not there, and rejects empty text', async () => {
        await expect(search('zzzqqq')).resolves.toEqual([]);
        await expect(store.search({ text: '   ', first: 5 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.search({ text: 'karachi', first: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
      });
    });

    describe('counts', () => {
      it('counts every label and relation type, zero where absent', async () => {
        const counts = await store.counts();
        expect(counts.nodes).toBe(FIXTURE_NODES.length);
        expect(counts.relations).toBe(FIXTURE_RELATIONS.length);
        expect(Object.keys(counts.byLabel).sort()).toEqual([...NODE_LABELS].sort());
        expect(Object.keys(counts.byType).sort()).toEqual([...RELATION_TYPES].sort());
        expect(counts.byLabel).toMatchObject({ City: 7, Country: 3, Commitment: 0 });
        expect(counts.byType).toMatchObject({ IN_COUNTRY: 4, PART_OF: 2, ENDORSED: 0 });
      });
    });

    describe('removeRelation and dumpGraph', () => {
      it('dumps every node and relation in id order, as written', async () => {
        const dump = await store.dumpGraph();
        expect(dump.nodes).toEqual([...FIXTURE_NODES].sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(dump.relations).toEqual([...FIXTURE_RELATIONS].sort((a, b) => (a.id < b.id ? -1 : 1)));
      });

      it('removes one relation by id and says whether it existed', async () => {
        const id = 'city:karachi-IN_COUNTRY->country:pk';
        await expect(store.removeRelation(id)).resolves.toBe(true);
        await expect(store.removeRelation(id)).resolves.toBe(false);
        const relations = await store.getRelations({ nodeIds: ['city:karachi'], direction: 'OUT', types: ['IN_COUNTRY'] });
        expect(relations).toEqual([]);
        expect((await store.counts()).relations).toBe(FIXTURE_RELATIONS.length - 1);
        expect((await store.getNodes(['city:karachi', 'country:pk'])).every((node) => node !== null)).toBe(true);
      });
    });

    describe('confidence, through and at', () => {
      beforeEach(async () => {
        await store.mergeGraph({ nodes: [GRADED.commitment], relations: [GRADED.inferred, GRADED.doubtful, GRADED.stated] });
      });

      it('keep confidence, note, the `through` list in order and `at` as written', async () => {
        const relations = await store.getRelations({
          nodeIds: ['city:karachi'],
          direction: 'BOTH',
          types: ['ADVANCES', 'HELD_IN', 'LEARNED_FROM'],
        });
        expect(relations).toEqual([GRADED.inferred, GRADED.doubtful, GRADED.stated]);
        const dumped = (await store.dumpGraph()).relations.filter((relation) => relation.id === GRADED.inferred.id);
        expect(dumped).toEqual([GRADED.inferred]);
      });

      it('minConfidence keeps relations at least that sure (STATED > INFERRED > DOUBTFUL), and counts agree', async () => {
        const query = { nodeIds: ['city:karachi'], direction: 'BOTH' as const };
        const all = await store.getRelations(query);
        const atLeast = async (minConfidence: 'STATED' | 'INFERRED' | 'DOUBTFUL') =>
          (await store.getRelations({ ...query, minConfidence })).map((relation) => relation.id);
        expect(await atLeast('DOUBTFUL')).toEqual(all.map((relation) => relation.id));
        expect(await atLeast('INFERRED')).toEqual(
          all.filter((relation) => relation.id !== GRADED.doubtful.id).map((relation) => relation.id),
        );
        const stated = await atLeast('STATED');
        expect(stated).not.toContain(GRADED.inferred.id);
        expect(stated).not.toContain(GRADED.doubtful.id);
        expect(stated).toContain(GRADED.stated.id);
        expect(stated).toHaveLength(all.length - 2);
        await expect(store.countRelations({ ...query, minConfidence: 'STATED' })).resolves.toBe(stated.length);
        await expect(store.countRelations({ ...query, minConfidence: 'INFERRED' })).resolves.toBe(all.length - 1);
      });

      it('subgraph with minConfidence neither follows nor returns weaker relations', async () => {
        const query = { ids: ['city:karachi'], depth: 1, direction: 'BOTH' as const, limit: 100 };
        const everything = await store.subgraph(query);
        expect(everything.nodes.map((entry) => entry.id)).toContain('commitment:1');
        expect(everything.relations.map((relation) => relation.id)).toEqual(
          expect.arrayContaining([GRADED.inferred.id, GRADED.doubtful.id]),
        );
        const stated = await store.subgraph({ ...query, minConfidence: 'STATED' });
        const statedIds = stated.nodes.map((entry) => entry.id);
        expect(statedIds).not.toContain('commitment:1');
        // The launch is still reached through Karachi's (STATED) participation, not through HELD_IN.
        expect(statedIds).toContain('event:south-asia-hub-launch');
        expect(stated.relations.map((relation) => relation.id)).not.toContain(GRADED.doubtful.id);
        expect(stated.relations.every((relation) => relation.confidence === 'STATED')).toBe(true);
        const inferred = await store.subgraph({ ...query, minConfidence: 'INFERRED' });
        expect(inferred.relations.map((relation) => relation.id)).toContain(GRADED.inferred.id);
        expect(inferred.relations.map((relation) => relation.id)).not.toContain(GRADED.doubtful.id);
      });
    });

    // The seed has no city without items or sharing none (Budapest, in the traversal contract, is the
    // all-excluded case): the fixture has both. Karachi East is only a part of Karachi; Mombasa is
    // the fixture's one Kenyan city and holds nothing else; Korangi shares Pakistan with its whole
    // (excluded) and Mardan (suggested).
    describe('similarCities: why a list is empty', () => {
      it('says NO_SIGNALS for a city holding no item', async () => {
        expect(await store.similarCities({ cityId: 'city:karachi-east', first: 10 })).toEqual({
          suggestions: [],
          itemCount: 0,
          candidateCount: 0,
          excludedCount: 0,
          emptyReason: 'NO_SIGNALS',
        });
      });

      it('says NOTHING_SHARED for a city whose items no other city holds', async () => {
        expect(await store.similarCities({ cityId: 'city:mombasa', first: 10 })).toEqual({
          suggestions: [],
          itemCount: 1,
          candidateCount: 0,
          excludedCount: 0,
          emptyReason: 'NOTHING_SHARED',
        });
      });

      it('counts a linked candidate as excluded and suggests the rest', async () => {
        const result = await store.similarCities({ cityId: 'city:korangi', first: 10 });
        expect(result?.suggestions.map((suggestion) => suggestion.cityId)).toEqual(['city:mardan']);
        expect(result).toMatchObject({ itemCount: 1, candidateCount: 2, excludedCount: 1, emptyReason: null });
      });

      it('answers null for an unknown id or a node that is no city', async () => {
        expect(await store.similarCities({ cityId: 'city:atlantis', first: 10 })).toBeNull();
        expect(await store.similarCities({ cityId: 'org:world-bank', first: 10 })).toBeNull();
      });
    });

    describe('clear and ping', () => {
      it('clear removes every node and relation of the graph and says how many nodes', async () => {
        await expect(store.clear()).resolves.toBe(FIXTURE_NODES.length);
        expect(await store.counts()).toMatchObject({ nodes: 0, relations: 0 });
        await expect(store.search({ text: 'karachi', first: 5 })).resolves.toEqual([]);
      });

      it('ping answers', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });
  });
}

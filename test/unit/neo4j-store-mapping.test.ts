/**
 * How the Neo4j adapter lays records out as properties and reads rows back into port
 * results, with a recording transaction standing in for the driver: property layout and
 * round trips, pages and cursors, search hits, counts, Lucene escaping, and the inputs it
 * refuses without a round trip. None of this says Neo4j runs the Cypher.
 */
import neo4j from 'neo4j-driver';
import type { NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { RELATION_TYPES } from '../../src/domain/ontology';
import { encodeCursor } from '../../src/store/cursor';
import { InvalidArgumentError } from '../../src/store/GraphStore';
import { COUNTS, GET_NODES, REMOVE_RELATION, SEARCH, listLinkedNodes, listNodes } from '../../src/store/neo4j/cypher';
import { buildLuceneQueries, escapeLucene } from '../../src/store/neo4j/lucene-query';
import { Neo4jGraphStore } from '../../src/store/neo4j/Neo4jGraphStore';
import { fromNeo4jValue, toNeo4jParameters } from '../../src/store/neo4j/neo4j-values';
import { nodeFromProperties, nodeToProperties } from '../../src/store/neo4j/node-properties';
import { relationFromProperties, relationToProperties } from '../../src/store/neo4j/relation-properties';
import { RecordingSessions, recordingExecutor, type Answer } from './neo4j-recording-sessions';

const karachi: NodeRecord = {
  id: 'city:karachi',
  label: 'City',
  kind: 'city',
  name: 'Karachi',
  nameAr: 'كَراتشي',
  aliases: ['KMC'],
  population: 16_000_000,
  sources: [
    { doc: 'doc:000', quote: 'كراتشي' },
    { doc: 'doc:001', quote: 'مدينة كراتشي' },
  ],
};
const cplc: NodeRecord = {
  id: 'org:cplc',
  label: 'Organization',
  kind: 'police',
  name: 'Citizens-Police Liaison Committee',
  nameAr: 'لجنة',
  acronym: 'CPLC',
  sources: [],
};
const leads: RelationRecord = {
  type: 'LEADS',
  from: 'person:murtaza-wahab',
  to: 'city:karachi',
  id: 'person:murtaza-wahab-LEADS->city:karachi',
  confidence: 'STATED',
  title: 'Mayor',
  asOf: '2023',
  sources: [{ doc: 'doc:000', quote: 'عمدة المدينة' }],
};

/** What a property map looks like after a trip through Neo4j (integers become Integers). */
const throughNeo4j = (properties: Record<string, unknown>) => {
  const stored = toNeo4jParameters({ properties })['properties'];
  return fromNeo4jValue(stored);
};

const storeAnswering = (answer: Answer) => {
  const sessions = new RecordingSessions(answer);
  return { sessions, store: new Neo4jGraphStore(recordingExecutor(sessions), { batchSize: 500, close: async () => {} }) };
};

describe('node and relation property layout', () => {
  it('stores a node flat, with provenance as parallel arrays and folded search keys', () => {
    expect(nodeToProperties(karachi)).toEqual({
      id: 'city:karachi',
      name: 'Karachi',
      nameAr: 'كَراتشي',
      aliases: ['KMC'],
      kind: 'city',
      population: 16_000_000,
      sourceDocs: ['doc:000', 'doc:001'],
      sourceQuotes: ['كراتشي', 'مدينة كراتشي'],
      searchName: 'karachi',
      searchNameAr: 'كراتشي',
      searchAliases: 'kmc',
      searchKeys: ['karachi', 'كراتشي', 'kmc'],
    });
  });

  it('makes acronyms and country codes findable and exact', () => {
    expect(nodeToProperties(cplc)).toMatchObject({
      searchName: 'citizens police liaison committee',
      searchAliases: 'cplc',
      searchKeys: expect.arrayContaining(['cplc']),
    });
    const pakistan: NodeRecord = { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: [] };
    expect(nodeToProperties(pakistan)).toMatchObject({ code: 'PK', searchAliases: 'pk' });
  });

  it('reads back exactly the node and relation it wrote', () => {
    expect(nodeFromProperties('City', throughNeo4j(nodeToProperties(karachi)))).toEqual(karachi);
    expect(nodeFromProperties('Organization', throughNeo4j(nodeToProperties(cplc)))).toEqual(cplc);
    expect(relationToProperties(leads)).toEqual({
      id: leads.id,
      confidence: 'STATED',
      title: 'Mayor',
      asOf: '2023',
      sourceDocs: ['doc:000'],
      sourceQuotes: ['عمدة المدينة'],
    });
    expect(relationFromProperties('LEADS', leads.from, leads.to, throughNeo4j(relationToProperties(leads)))).toEqual(leads);
  });

  it('refuses stored provenance whose arrays do not pair up', () => {
    expect(() => nodeFromProperties('City', { ...nodeToProperties(karachi), sourceDocs: ['doc:000'] } as never)).toThrow(TypeError);
  });
});

describe('reads through a recording transaction', () => {
  it('getNodes keeps the order asked, with null for unknown ids, in one round trip', async () => {
    const { sessions, store } = storeAnswering(() => [{ label: 'City', props: nodeToProperties(karachi) }]);
    const nodes = await store.getNodes(['city:nowhere', 'city:karachi', 'city:karachi']);
    expect(nodes.map((node) => node?.id ?? null)).toEqual([null, 'city:karachi', 'city:karachi']);
    expect(sessions.runsOf(GET_NODES.text)).toHaveLength(1);
    expect(sessions.runs[0]?.parameters['ids']).toEqual(['city:nowhere', 'city:karachi']);
    await expect(store.getNodes([])).resolves.toEqual([]);
    expect(sessions.runs).toHaveLength(1);
  });

  it('listNodes asks for one row more than the page, and turns it into hasNextPage and a cursor', async () => {
    const page = ['city:a', 'city:b', 'city:c'].map((id) => nodeToProperties({ ...karachi, id }));
    const { sessions, store } = storeAnswering(() => [{ page, total: neo4j.int(9) }]);
    const result = await store.listNodes({ label: 'City', first: 2 });
    expect(result.nodes.map((node) => node.id)).toEqual(['city:a', 'city:b']);
    expect(result).toMatchObject({ totalCount: 9, hasNextPage: true, endCursor: encodeCursor('city:b') });
    const [run] = sessions.runsOf(listNodes('City').text);
    expect(run?.parameters['after']).toBe('');
    expect(String(run?.parameters['limit'])).toBe('3');

    await store.listNodes({ label: 'City', first: 2, after: encodeCursor('city:b') });
    expect(sessions.runs[1]?.parameters['after']).toBe('city:b');
  });

  it('listNodes with a relation filter anchors on the node by its label', async () => {
    const { sessions, store } = storeAnswering(() => [{ page: [], total: neo4j.int(0) }]);
    await store.listNodes({ label: 'City', first: 5, linkedTo: { type: 'IN_COUNTRY', direction: 'OUT', id: 'country:pk' } });
    const statement = listLinkedNodes('City', { type: 'IN_COUNTRY', direction: 'OUT', anchorLabel: 'Country' });
    expect(sessions.runsOf(statement.text).map((run) => run.parameters['anchorId'])).toEqual(['country:pk']);
  });

  it('listNodes refuses bad bounds and cursors, and answers impossible filters, without a round trip', async () => {
    const { sessions, store } = storeAnswering(() => []);
    await expect(store.listNodes({ label: 'City', first: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.listNodes({ label: 'City', first: 101 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.listNodes({ label: 'City', first: 5, after: 'not a cursor!' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.listNodes({ label: 'Cityy' as never, first: 5 })).rejects.toBeInstanceOf(InvalidArgumentError);
    const empty = { nodes: [], totalCount: 0, endCursor: null, hasNextPage: false };
    // LEADS never starts at a City, and "nowhere:x" is no id of any label.
    await expect(
      store.listNodes({ label: 'City', first: 5, linkedTo: { type: 'LEADS', direction: 'OUT', id: 'city:karachi' } }),
    ).resolves.toEqual(empty);
    await expect(
      store.listNodes({ label: 'City', first: 5, linkedTo: { type: 'IN_COUNTRY', direction: 'OUT', id: 'nowhere:x' } }),
    ).resolves.toEqual(empty);
    expect(sessions.runs).toEqual([]);
  });

  it('search sends folded, escaped Lucene queries and scores exact hits above all others', async () => {
    const { sessions, store } = storeAnswering(() => [
      {
        found: [
          { label: 'City', props: nodeToProperties(karachi), score: 7.5, exact: true },
          {
            label: 'City',
            props: nodeToProperties({ ...karachi, id: 'city:karachi-east', name: 'Karachi East' }),
            score: 90,
            exact: false,
          },
        ],
        cut: false,
      },
    ]);
    const hits = await store.search({ text: 'KARACHI', first: 5, labels: ['City'] });
    expect(hits.map((hit) => [hit.node.id, hit.exact])).toEqual([
      ['city:karachi', true],
      ['city:karachi-east', false],
    ]);
    expect(hits[0]?.score).toBeGreaterThan(1);
    expect(hits[1]?.score).toBeLessThan(1);
    const [run] = sessions.runsOf(SEARCH.text);
    expect(run?.parameters).toMatchObject({ key: 'karachi', anyTerm: '(karachi karachi* karachi~1)', labels: ['City'] });
    expect(String(run?.parameters['first'])).toBe('5');
  });

  it('search asks again with more candidates while the cut may hide hits of the asked labels (TypeScript loop logic only)', async () => {
    const hit = { label: 'City', props: nodeToProperties({ ...karachi, id: 'city:karachi-east' }), score: 1, exact: false };
    const { sessions, store } = storeAnswering((_text, parameters) => {
      const candidates = Number(parameters['candidates']);
      return [{ found: candidates >= 8000 ? [hit] : [], cut: true }];
    });
    await expect(store.search({ text: 'karachi', first: 1, labels: ['City'] })).resolves.toHaveLength(1);
    expect(sessions.runsOf(SEARCH.text).map((run) => Number(run.parameters['candidates']))).toEqual([500, 2000, 8000]);
    // Bounded: a cut that never yields enough stops at MAX_SEARCH_CANDIDATES.
    const never = storeAnswering(() => [{ found: [], cut: true }]);
    await never.store.search({ text: 'karachi', first: 1, labels: ['Document'] });
    expect(never.sessions.runsOf(SEARCH.text).map((run) => Number(run.parameters['candidates']))).toEqual([500, 2000, 8000, 32000]);
    // No labels, or no cut: one round trip.
    const plain = storeAnswering(() => [{ found: [], cut: true }]);
    await plain.store.search({ text: 'karachi', first: 1 });
    await plain.store.search({ text: 'karachi', first: 1, labels: [] });
    expect(plain.sessions.runs).toHaveLength(2);
  });

  it('search refuses empty text and bad bounds, and skips the round trip for text with nothing to search', async () => {
    const { sessions, store } = storeAnswering(() => []);
    await expect(store.search({ text: '   ', first: 5 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.search({ text: 'karachi', first: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.search({ text: 'karachi', first: 5, labels: ['Town' as never] })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.search({ text: '?!*', first: 5 })).resolves.toEqual([]);
    expect(sessions.runs).toEqual([]);
  });

  it('counts every label and type, zero where Neo4j has none', async () => {
    const { sessions, store } = storeAnswering(() => [
      { byLabel: { City: neo4j.int(7), Country: neo4j.int(3) }, byType: { IN_COUNTRY: neo4j.int(4) } },
    ]);
    const counts = await store.counts();
    expect(counts).toMatchObject({ nodes: 10, relations: 4 });
    expect(counts.byLabel).toMatchObject({ City: 7, Country: 3, Commitment: 0 });
    expect(Object.keys(counts.byType)).toHaveLength(RELATION_TYPES.length);
    expect(sessions.runsOf(COUNTS.text)).toHaveLength(1);
  });

  it('removeRelation finds the start node from the id, and answers false for an id of no relation', async () => {
    const { sessions, store } = storeAnswering(() => [{ removed: neo4j.int(1) }]);
    await expect(store.removeRelation('city:karachi-east-PART_OF->city:karachi')).resolves.toBe(true);
    expect(sessions.runsOf(REMOVE_RELATION.text).map((run) => run.parameters['fromId'])).toEqual(['city:karachi-east']);
    await expect(store.removeRelation('not a relation id')).resolves.toBe(false);
    expect(sessions.runs).toHaveLength(1);
  });
});

describe('Lucene queries', () => {
  it('escapes every Lucene operator character', () => {
    expect(escapeLucene('a+b-c && d || !e (f) {g} [h] ^i "j" ~k *l ?m :n \\o /p')).toBe(
      'a\\+b\\-c \\&\\& d \\|\\| \\!e \\(f\\) \\{g\\} \\[h\\] \\^i \\"j\\" \\~k \\*l \\?m \\:n \\\\o \\/p',
    );
  });

  it('folds the text like the stored keys and requires every term in allTerms', () => {
    expect(buildLuceneQueries('Karachi  EAST!')).toEqual({
      allTerms: '+(karachi karachi* karachi~1) +(east east*) "karachi east"^2',
      anyTerm: '(karachi karachi* karachi~1) (east east*)',
      key: 'karachi east',
    });
    expect(buildLuceneQueries('أمانة عمّان')?.key).toBe('امانه عمان');
    expect(buildLuceneQueries('(*)')).toBeUndefined();
  });

  it('never lets user text through as an operator', () => {
    const queries = buildLuceneQueries('name:x OR y* AND "z');
    expect(queries?.anyTerm).toBe('(name name*) (x x*) (or or*) (y y*) (and and*) (z z*)');
  });
});

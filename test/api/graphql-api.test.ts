/**
 * The API over real HTTP on an ephemeral port, against the real seed graph.
 * Karachi facts rest on doc:000 ("أضواء المدينة: كراتشي باكستان", "عمدة المدينة مرتضى وهاب").
 */
import { NODE_LABELS, RELATION_TYPES } from '../../src/domain/ontology';
import { normalizeWhitespace } from '../../src/domain/text';
import { readSeed } from '../../src/ingest/read-seed';
import {
  CitiesDocument,
  CitiesInCountryDocument,
  NodeByIdDocument,
  NodeRelationsDocument,
  SearchDocument,
  SearchFirstDocument,
  StatsDocument,
} from '../operations.generated';
import { errorCodes, execute, postJson, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let sourceTextByDoc: Map<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const { sourceTexts } = await readSeed();
  sourceTextByDoc = new Map([...sourceTexts].map(([file, text]) => [`doc:${file.slice(0, 3)}`, normalizeWhitespace(text)]));
});
afterAll(async () => {
  await server.stop();
});

describe('node', () => {
  it('returns Karachi with its Arabic name, country, mayor and verbatim sources', async () => {
    const response = await execute(server, NodeByIdDocument, { id: 'city:karachi' });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const karachi = response.data?.node;
    expect(karachi).toMatchObject({ id: 'city:karachi', type: 'CITY', name: 'Karachi', nameAr: 'كراتشي' });
    if (karachi?.__typename !== 'City') throw new Error(`expected a City, got ${karachi?.__typename}`);
    expect(karachi.kind).toBe('CITY');
    expect(karachi.country).toMatchObject({ id: 'country:pk', code: 'PK' });
    expect(karachi.leaders.map((leader) => leader.from.id)).toContain('person:murtaza-wahab');
    expect(karachi.sources.length).toBeGreaterThan(0);
    for (const source of karachi.sources) {
      expect(sourceTextByDoc.get(source.document?.id ?? '')).toContain(normalizeWhitespace(source.quote));
    }
  });

  it('returns null, without an error, for a well-formed id no node has', async () => {
    const response = await execute(server, NodeByIdDocument, { id: 'city:atlantis' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toBeNull();
  });

  it('answers BAD_USER_INPUT naming the argument for a malformed id', async () => {
    for (const id of ['karachi', 'City:Karachi', 'city:', 'city:kara chi', "city:x' OR 1=1 --"]) {
      const response = await execute(server, NodeByIdDocument, { id });
      expect({ id, codes: errorCodes(response) }).toEqual({ id, codes: ['BAD_USER_INPUT'] });
      expect(response.errors?.[0]?.extensions?.argumentName).toBe('id');
    }
  });

  it("pages through a node's relations with cursors, each with verbatim sources", async () => {
    const first = await execute(server, NodeRelationsDocument, { id: 'city:karachi', first: 2 });
    const connection = first.data?.node?.relations;
    expect(connection?.edges).toHaveLength(2);
    expect(connection?.totalCount).toBeGreaterThan(2);
    const second = await execute(server, NodeRelationsDocument, { id: 'city:karachi', first: 2, after: connection?.pageInfo.endCursor });
    const ids = [...(connection?.edges ?? []), ...(second.data?.node?.relations.edges ?? [])].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const edge of connection?.edges ?? []) {
      for (const source of edge.node.sources) {
        expect(sourceTextByDoc.get(source.document?.id ?? '')).toContain(normalizeWhitespace(source.quote));
      }
    }
  });
});

describe('search', () => {
  it('returns Karachi first for Arabic كراتشي and English karachi', async () => {
    for (const text of ['كراتشي', 'karachi', 'Karachi', 'KARACHI', 'كَراتشى']) {
      const response = await execute(server, SearchDocument, { text, first: 5 });
      expect({ text, first: response.data?.search[0]?.node.id }).toEqual({ text, first: 'city:karachi' });
    }
  });

  it('filters by node type', async () => {
    const response = await execute(server, SearchDocument, { text: 'karachi', types: ['DOCUMENT'], first: 5 });
    expect(response.data?.search.map((hit) => hit.node.type)).toEqual(['DOCUMENT']);
  });

  it('answers BAD_USER_INPUT for a negative, zero or oversized first and for empty text', async () => {
    for (const first of [-1, 0, 101]) {
      const response = await execute(server, SearchFirstDocument, { text: 'karachi', first });
      expect({ first, codes: errorCodes(response) }).toEqual({ first, codes: ['BAD_USER_INPUT'] });
      expect(response.errors?.[0]?.message).toContain('100');
    }
    const empty = await execute(server, SearchFirstDocument, { text: '   ' });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('cities', () => {
  it('pages through all cities in id order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let total = 0;
    for (let page = 0; page < 100; page += 1) {
      const response = await execute(server, CitiesDocument, { first: 7, after });
      const connection = response.data?.cities;
      if (!connection) throw new Error(JSON.stringify(response.errors));
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort()).toEqual(seen);
    expect(seen).toContain('city:karachi');
  });

  it('filters by country', async () => {
    const response = await execute(server, CitiesDocument, { countryId: 'country:pk', first: 100 });
    const cities = response.data?.cities.edges.map((edge) => edge.node) ?? [];
    expect(cities.map((city) => city.id)).toContain('city:karachi');
    expect(cities.every((city) => city.country?.id === 'country:pk')).toBe(true);
  });

  it('answers NOT_FOUND for an unknown country and BAD_USER_INPUT for a non-country id', async () => {
    expect(errorCodes(await execute(server, CitiesInCountryDocument, { countryId: 'country:zz' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await execute(server, CitiesInCountryDocument, { countryId: 'city:karachi' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await execute(server, CitiesInCountryDocument, { countryId: 'country:pk', first: -5 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('stats', () => {
  it('matches the store counts, every label and relation type listed', async () => {
    const response = await execute(server, StatsDocument, {});
    const counts = await server.store.counts();
    expect(response.data?.stats.nodes).toBe(counts.nodes);
    expect(response.data?.stats.relations).toBe(counts.relations);
    expect(response.data?.stats.byType).toHaveLength(NODE_LABELS.length);
    expect(response.data?.stats.byRelationType).toHaveLength(RELATION_TYPES.length);
    expect(response.data?.stats.byType.find((entry) => entry.type === 'CITY')?.count).toBe(counts.byLabel.City);
  });
});

describe('health', () => {
  it('/healthz says the process is alive and /readyz that the graph is loaded', async () => {
    const health = await fetch(`${server.origin}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'memory' });
  });

  it('/readyz answers 503 while the graph is empty', async () => {
    const empty = await startTestServer({ seed: false });
    try {
      expect((await fetch(`${empty.origin}/readyz`)).status).toBe(503);
    } finally {
      await empty.stop();
    }
  });
});

describe('bad requests', () => {
  it('answers 400 BAD_REQUEST for malformed JSON and 413 PAYLOAD_TOO_LARGE for an oversized body, as problem details', async () => {
    const malformed = await postJson<never>(server.url, '{"query": "{ stats { nodes } ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(malformed.text)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    const huge = await postJson<never>(server.url, { query: `{ stats { nodes } } #${'x'.repeat(200_000)}` });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers GraphQL parse and validation errors with their codes', async () => {
    const parse = await postJson(server.url, { query: '{ node(id: ' });
    expect(errorCodes(parse)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const validation = await postJson(server.url, { query: '{ node(id: 42) { nope } }' });
    expect(errorCodes(validation).every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });
});

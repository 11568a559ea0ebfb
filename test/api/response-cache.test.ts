/**
 * The response cache over real HTTP, on the real memory store (counted) with the seed and a
 * curation journal: repeated reads are answered without touching the store, validated by
 * ETag and 304, dropped by the very next curated change, never shared between callers whose
 * answers may differ, reachable as APQ GETs, and never hold mutations, errors or answers
 * with an uncacheable field. Cache-Control follows the schema's hints.
 */
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { AuditLogDocument, CuratedNodeDocument, NodeByIdDocument, ShortestPathDocument, UpdateNodeDocument } from '../operations.generated';
import { countCalls, type CountingStore } from '../support/counting-store';
import { EDITOR_KEY, errorCodes, execute, postJson, READER_KEY, startTestServer, type TestServer } from '../support/test-server';

const KARACHI_QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';
const NODE_QUERY = print(NodeByIdDocument);

let server: TestServer;
let counting: CountingStore;

beforeAll(async () => {
  counting = countCalls(new MemoryGraphStore());
  server = await startTestServer({ store: counting.store });
});
afterAll(async () => {
  await server.stop();
});

/** Store calls made by `action`. */
async function storeCallsOf<T>(action: () => Promise<T>): Promise<{ result: T; calls: number }> {
  counting.reset();
  const result = await action();
  return { result, calls: counting.total() };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A GraphQL GET with the CSRF-prevention header a non-browser client (or CDN) sends. */
async function getGraphQL(
  params: { query?: string; variables?: unknown; hash?: string; operationName?: string },
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(server.url);
  if (params.query !== undefined) url.searchParams.set('query', params.query);
  if (params.operationName !== undefined) url.searchParams.set('operationName', params.operationName);
  if (params.variables !== undefined) url.searchParams.set('variables', JSON.stringify(params.variables));
  if (params.hash !== undefined)
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: params.hash } }));
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('a repeated read query', () => {
  it('is answered from the cache, byte for byte, without a store call', async () => {
    const first = await storeCallsOf(() => execute(server, NodeByIdDocument, { id: 'city:rabat' }));
    expect(first.result.data?.node?.id).toBe('city:rabat');
    expect(first.calls).toBeGreaterThan(0);
    const again = await storeCallsOf(() => execute(server, NodeByIdDocument, { id: 'city:rabat' }));
    expect(again.calls).toBe(0);
    expect(again.result.text).toBe(first.result.text);
    expect(again.result.headers.get('etag')).toBe(first.result.headers.get('etag'));
    expect(again.result.headers.get('content-type')).toBe(first.result.headers.get('content-type'));
  });

  it('shares one entry between spellings of the same document (normalised), and variables in any key order', async () => {
    const variables = { fromId: 'city:karachi', toId: 'city:rabat', maxHops: 6 };
    const first = await storeCallsOf(() => execute(server, ShortestPathDocument, variables));
    expect(first.result.errors).toBeUndefined();
    const respelled = `# the same operation, laid out differently\n${print(ShortestPathDocument).replace(/\n\s*/g, ' ')}`;
    const again = await storeCallsOf(() =>
      postJson(server.url, { query: respelled, variables: { maxHops: 6, toId: 'city:rabat', fromId: 'city:karachi' } }),
    );
    expect(again.calls).toBe(0);
    expect(again.result.text).toBe(first.result.text);
  });

  it('is not answered from the cache for other variables', async () => {
    await execute(server, NodeByIdDocument, { id: 'city:delhi' });
    const other = await storeCallsOf(() => execute(server, NodeByIdDocument, { id: 'city:mombasa' }));
    expect(other.calls).toBeGreaterThan(0);
    expect(other.result.data?.node?.id).toBe('city:mombasa');
  });
});

describe('ETag and 304 Not Modified', () => {
  it('gives a strong ETag and answers 304 with no body when If-None-Match names it', async () => {
    const first = await execute(server, NodeByIdDocument, { id: 'city:karachi' });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const body = JSON.stringify({ query: NODE_QUERY, variables: { id: 'city:karachi' } });
    const conditional = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': `"other", ${etag ?? ''}` },
      body,
    });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect(conditional.headers.get('etag')).toBe(etag);
    const stale = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': '"other"' },
      body,
    });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(first.text);
  });

  it('validates on a server that holds no answers too (RESPONSE_CACHE_MAX_BYTES=0): Apollo answers the 304', async () => {
    const uncached = await startTestServer({ env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
    try {
      const first = await execute(uncached, NodeByIdDocument, { id: 'city:karachi' });
      const etag = first.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      const conditional = await fetch(uncached.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-none-match': etag },
        body: JSON.stringify({ query: NODE_QUERY, variables: { id: 'city:karachi' } }),
      });
      expect(conditional.status).toBe(304);
      expect(await conditional.text()).toBe('');
    } finally {
      await uncached.stop();
    }
  });
});

/** The curated change both change tests make: an alias for Karachi, with its quote. */
function addKarachiAlias(target: TestServer) {
  return execute(
    target,
    UpdateNodeDocument,
    { input: { id: 'city:karachi', aliases: ['Karachi the City of Lights'], provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } } },
    EDITOR_KEY,
  );
}

/** Karachi's curated read, as a reader, sent with `If-None-Match: etag`. */
function readKarachiIfNoneMatch(target: TestServer, etag: string): Promise<Response> {
  return fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${READER_KEY}`, 'if-none-match': etag },
    body: JSON.stringify({ query: print(CuratedNodeDocument), variables: { id: 'city:karachi' } }),
  });
}

describe('a curated change', () => {
  it('is visible to the very next read, with a new ETag', async () => {
    const before = await execute(server, CuratedNodeDocument, { id: 'city:karachi' }, READER_KEY);
    const cached = await storeCallsOf(() => execute(server, CuratedNodeDocument, { id: 'city:karachi' }, READER_KEY));
    expect(cached.calls).toBe(0);
    expect(before.data?.node?.aliases).not.toContain('Karachi the City of Lights');

    expect((await addKarachiAlias(server)).errors).toBeUndefined();

    const after = await storeCallsOf(() => execute(server, CuratedNodeDocument, { id: 'city:karachi' }, READER_KEY));
    expect(after.calls).toBeGreaterThan(0);
    expect(after.result.data?.node?.aliases).toEqual(['Karachi the City of Lights']);
    expect(after.result.headers.get('etag')).not.toBe(before.headers.get('etag'));
    // The old validator no longer matches: a client holding it gets the new answer.
    const revalidated = await readKarachiIfNoneMatch(server, before.headers.get('etag') ?? '');
    expect(revalidated.status).toBe(200);
    expect(await revalidated.text()).toBe(after.result.text);
  });
});

describe('ETags on a server that holds no answers (keyed, on the embedded store)', () => {
  it('change with the curated change, so a client holding the old one gets the new answer', async () => {
    const uncached = await startTestServer({ env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
    try {
      const read = () => execute(uncached, CuratedNodeDocument, { id: 'city:karachi' }, READER_KEY);
      const before = await read();
      expect((await read()).headers.get('etag')).toBe(before.headers.get('etag'));
      expect((await addKarachiAlias(uncached)).errors).toBeUndefined();
      const after = await read();
      expect(after.data?.node?.aliases).toEqual(['Karachi the City of Lights']);
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      const revalidated = await readKarachiIfNoneMatch(uncached, before.headers.get('etag') ?? '');
      expect(revalidated.status).toBe(200);
      expect(await revalidated.text()).toBe(after.text);
    } finally {
      await uncached.stop();
    }
  });

  it('differ between callers and between variables, as the answers may', async () => {
    const uncached = await startTestServer({ env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
    try {
      const tag = async (id: string, key?: string) => (await execute(uncached, NodeByIdDocument, { id }, key)).headers.get('etag');
      const anonymous = await tag('city:karachi');
      expect(anonymous).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      expect(await tag('city:karachi', READER_KEY)).not.toBe(anonymous);
      expect(await tag('city:rabat')).not.toBe(anonymous);
    } finally {
      await uncached.stop();
    }
  });
});

describe('callers', () => {
  it('do not share entries across roles: a reader, an editor and an anonymous caller each fill their own', async () => {
    const variables = { id: 'org:world-bank' };
    const reader = await storeCallsOf(() => execute(server, NodeByIdDocument, variables, READER_KEY));
    expect(reader.calls).toBeGreaterThan(0);
    expect((await storeCallsOf(() => execute(server, NodeByIdDocument, variables, READER_KEY))).calls).toBe(0);
    expect((await storeCallsOf(() => execute(server, NodeByIdDocument, variables, EDITOR_KEY))).calls).toBeGreaterThan(0);
    expect((await storeCallsOf(() => execute(server, NodeByIdDocument, variables))).calls).toBeGreaterThan(0);
  });

  it('never see an answer whose role they lack: a reader’s audit log is not served to a caller without a key', async () => {
    const readerLog = await execute(server, AuditLogDocument, { first: 5 }, READER_KEY);
    expect(readerLog.errors).toBeUndefined();
    expect(readerLog.headers.get('cache-control')).toBe('max-age=60, private');
    const again = await storeCallsOf(() => execute(server, AuditLogDocument, { first: 5 }, READER_KEY));
    expect(again.result.text).toBe(readerLog.text);
    const anonymous = await execute(server, AuditLogDocument, { first: 5 });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.headers.get('etag')).toBeNull();
  });

  it('with PUBLIC_QUERIES=false: answers are private, and a cached answer is refused to a caller without a key', async () => {
    const keyed = await startTestServer({ env: { PUBLIC_QUERIES: 'false' } });
    try {
      const reader = await execute(keyed, NodeByIdDocument, { id: 'city:karachi' }, READER_KEY);
      expect(reader.data?.node?.id).toBe('city:karachi');
      expect(reader.headers.get('cache-control')).toBe('max-age=60, private');
      const anonymous = await execute(keyed, NodeByIdDocument, { id: 'city:karachi' });
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
      const wrongKey = await execute(keyed, NodeByIdDocument, { id: 'city:karachi' }, 'not-a-key-0123456789abcdef');
      expect(errorCodes(wrongKey)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await keyed.stop();
    }
  });
});

describe('automatic persisted queries over GET', () => {
  const query = 'query CityName($id: ID!) { node(id: $id) { id name } }';
  const hash = sha256(query);

  it('asks for the text of an unknown hash (PERSISTED_QUERY_NOT_FOUND)', async () => {
    const unknown = await getGraphQL({ hash: sha256('query Unknown { stats { nodes } }'), variables: {} });
    expect(JSON.parse(unknown.text)).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(unknown.headers.get('etag')).toBeNull();
  });

  it('registers a text with its hash, then answers the hash alone, from the cache, with ETag and Cache-Control', async () => {
    const registered = await getGraphQL({ query, hash, variables: { id: 'city:karachi' } });
    expect(registered.status).toBe(200);
    expect(JSON.parse(registered.text)).toEqual({ data: { node: { id: 'city:karachi', name: 'Karachi' } } });
    const byHash = await storeCallsOf(() => getGraphQL({ hash, variables: { id: 'city:karachi' } }));
    expect(byHash.result.status).toBe(200);
    expect(byHash.calls).toBe(0);
    expect(byHash.result.text).toBe(registered.text);
    expect(byHash.result.headers.get('cache-control')).toBe('max-age=60, public');
    expect(byHash.result.headers.get('etag')).toBe(registered.headers.get('etag'));
    // A hash held by APQ whose answer for other variables is not cached goes through Apollo.
    const other = await storeCallsOf(() => getGraphQL({ hash, variables: { id: 'city:rabat' } }));
    expect(JSON.parse(other.result.text)).toEqual({ data: { node: { id: 'city:rabat', name: 'Rabat' } } });
    expect(other.calls).toBeGreaterThan(0);
  });

  it('keeps CSRF prevention: a cached answer is not given to a GET without the preflight header', async () => {
    await getGraphQL({ query, variables: { id: 'city:karachi' } });
    const simple = await getGraphQL({ query, variables: { id: 'city:karachi' } }, {});
    expect(simple.status).toBe(400);
    expect(simple.text).toMatch(/CSRF|preflight/i);
  });

  it('refuses a mutation over GET', async () => {
    const mutation = await getGraphQL({
      query: print(UpdateNodeDocument),
      variables: { input: { id: 'city:karachi', provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } } },
    });
    expect(mutation.status).toBe(405);
  });
});

describe('Cache-Control from the schema hints', () => {
  it('is public with the hinted max-age for a graph read, on the first answer and on the cached one', async () => {
    const first = await execute(server, NodeByIdDocument, { id: 'city:delhi' });
    const cached = await execute(server, NodeByIdDocument, { id: 'city:delhi' });
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    expect(cached.headers.get('cache-control')).toBe('max-age=60, public');
  });
});

describe('never cached', () => {
  it('mutations: each one is applied, with no ETag and no-store', async () => {
    const input = { id: 'city:rabat', aliases: ['Rabat the City of Light'], provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } };
    const first = await storeCallsOf(() => execute(server, UpdateNodeDocument, { input }, EDITOR_KEY));
    expect(first.result.errors).toBeUndefined();
    expect(first.result.headers.get('etag')).toBeNull();
    expect(first.result.headers.get('cache-control')).toBe('no-store');
    // The same mutation again reaches the resolver (which refuses a change that changes nothing).
    const again = await storeCallsOf(() => execute(server, UpdateNodeDocument, { input }, EDITOR_KEY));
    expect(again.calls).toBeGreaterThan(0);
    expect(errorCodes(again.result)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers with errors', async () => {
    const variables = { fromId: 'city:karachi', toId: 'city:atlantis' };
    const first = await storeCallsOf(() => execute(server, ShortestPathDocument, variables));
    expect(errorCodes(first.result)).toEqual(['NOT_FOUND']);
    expect(first.result.headers.get('etag')).toBeNull();
    const again = await storeCallsOf(() => execute(server, ShortestPathDocument, variables));
    expect(again.calls).toBe(first.calls);
    expect(again.calls).toBeGreaterThan(0);
  });
});

/**
 * The fast path (src/http/graphql-fast-path.ts): response-cache hits answered in node:http's
 * handler, before Express. First on its own, in front of a stand-in for Express that only
 * says "fell through", so what the fast path answers itself is seen apart from what it
 * hands on; then in the real server, where a hit on the fast path must be answered exactly
 * as the Express path answers it, and a curated change must show in the very next read.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { print } from 'graphql';
import pino from 'pino';
import { ResponseCache, entityTag, type ResponseLookup } from '../../src/api/response-cache';
import { ErrorCode } from '../../src/errors';
import { createCors } from '../../src/http/create-cors';
import { createRateLimit } from '../../src/http/create-rate-limit';
import { graphqlFastPath } from '../../src/http/graphql-fast-path';
import { handleErrors } from '../../src/http/handle-errors';
import { parseApiKeys } from '../../src/security/api-keys';
import { createAuthenticator } from '../../src/security/authenticate';
import { CuratedNodeDocument, NodeByIdDocument, UpdateNodeDocument } from '../operations.generated';
import { EDITOR_KEY, errorCodes, execute, READER_KEY, startTestServer, type TestServer } from '../support/test-server';

const ALLOWED_ORIGIN = 'https://allowed.example.org';
const FELL_THROUGH = 599;
const QUERY = 'query CityName($id: ID!) { node(id: $id) { id name } }';
const ANSWER = Buffer.from('{"data":{"node":{"id":"city:rabat","name":"Rabat"}}}\n');
const KARACHI_QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('the fast path on its own', () => {
  const logger = pino({ level: 'silent' });
  let server: http.Server;
  let url: string;
  const etag = entityTag(ANSWER, 0);

  beforeAll(async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000, generation: () => 0 });
    const lookup: ResponseLookup = {
      queryHash: sha256(QUERY),
      operationName: undefined,
      variables: { id: 'city:rabat' },
      caller: 'anonymous',
    };
    cache.store(lookup, 'document-key', 0, {
      body: ANSWER,
      etag,
      cacheControl: 'max-age=60, public',
      policy: { maxAge: 60, scope: 'PUBLIC' },
    });
    const app = express();
    const fastPath = graphqlFastPath({
      app,
      cache,
      authenticate: createAuthenticator(parseApiKeys(`bob:reader:${READER_KEY}`).keys),
      cors: createCors([ALLOWED_ORIGIN]),
      rateLimit: createRateLimit({ max: 5, windowMs: 60_000 }, logger),
      bodyLimitBytes: 1000,
      handleError: handleErrors(logger),
    });
    server = http.createServer((request, response) =>
      fastPath(request, response, () => {
        // Express's place: a marker, and the body (if any) left for it to read.
        response.writeHead(FELL_THROUGH).end(request.readableEnded ? 'body read' : 'body unread');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  // The limiter allows 5 requests from this client; the tests below spend them in order.
  it('answers a hit itself, byte for byte, with its ETag, Cache-Control and the CORS headers of an allowed origin', async () => {
    const hit = await post({ query: QUERY, variables: { id: 'city:rabat' } }, { origin: ALLOWED_ORIGIN });
    expect(hit.status).toBe(200);
    expect(Buffer.from(await hit.arrayBuffer())).toEqual(ANSWER);
    expect(hit.headers.get('etag')).toBe(etag);
    expect(hit.headers.get('cache-control')).toBe('max-age=60, public');
    expect(hit.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(hit.headers.get('vary')).toBe('Origin');
    // Counted: the limiter's headers are on the answer (1 of 5 spent).
    expect(hit.headers.get('ratelimit')).toMatch(/r=4\b/);
  });

  it('gives no CORS header to an origin off the allow-list (but counts it), and answers 304 to a matching If-None-Match', async () => {
    const other = await post(
      { query: QUERY, variables: { id: 'city:rabat' } },
      { origin: 'https://evil.example.org', 'if-none-match': etag },
    );
    expect(other.status).toBe(304);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(await other.text()).toBe('');
  });

  it('hands on what it cannot answer exactly as Apollo would: a miss (body read, for Express to use), a bad key, a GET without the CSRF header', async () => {
    const miss = await post({ query: QUERY, variables: { id: 'city:delhi' } });
    expect(miss.status).toBe(FELL_THROUGH);
    expect(await miss.text()).toBe('body read');
    const badKey = await post({ query: QUERY, variables: { id: 'city:rabat' } }, { authorization: 'Bearer not-a-key-0123456789abcdef' });
    expect(badKey.status).toBe(FELL_THROUGH);
    const address = new URL(url);
    address.searchParams.set('query', QUERY);
    address.searchParams.set('variables', JSON.stringify({ id: 'city:rabat' }));
    expect((await fetch(address)).status).toBe(FELL_THROUGH);
  });

  it('counts hits and misses alike against the rate limit, and refuses past it with problem details', async () => {
    const refused = await post({ query: QUERY, variables: { id: 'city:rabat' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((JSON.parse(await refused.text()) as { code: string }).code).toBe(ErrorCode.RATE_LIMITED);
  });

  it('leaves other paths, methods and bodies it does not read to Express, unread', async () => {
    // Over the limit by now, so only what the fast path does not check can still fall through.
    expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(FELL_THROUGH);
    expect((await fetch(url, { method: 'OPTIONS' })).status).toBe(FELL_THROUGH);
  });
});

describe('the fast path on its own: bodies it leaves to Express', () => {
  const logger = pino({ level: 'silent' });
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    const fastPath = graphqlFastPath({
      app: express(),
      cache: new ResponseCache({ maxBytes: 1_000_000, generation: () => 0 }),
      authenticate: createAuthenticator([]),
      cors: createCors([]),
      rateLimit: undefined,
      bodyLimitBytes: 100,
      handleError: handleErrors(logger),
    });
    server = http.createServer((request, response) =>
      fastPath(request, response, () => response.writeHead(FELL_THROUGH).end(request.readableEnded ? 'body read' : 'body unread')),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('does not read a body over the limit, of another type, or of another charset (Express answers 413 / 415)', async () => {
    const send = (body: string, contentType: string): Promise<Response> =>
      fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    for (const response of [
      await send(JSON.stringify({ query: 'x'.repeat(200) }), 'application/json'),
      await send('{"query":"{ stats { nodes } }"}', 'text/plain'),
      await send('{"query":"{ stats { nodes } }"}', 'application/json; charset=latin1'),
    ]) {
      expect(response.status).toBe(FELL_THROUGH);
      expect(await response.text()).toBe('body unread');
    }
  });
});

describe('the fast path in the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CORS_ORIGINS: ALLOWED_ORIGIN, RATE_LIMIT_MAX: '1000', RATE_LIMIT_WINDOW_MS: '60000' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  const headersOf = (response: Response): Record<string, string> => {
    const headers = Object.fromEntries(response.headers.entries());
    // Only the clock and the limiter's count may differ between two answers.
    delete headers.date;
    delete headers.ratelimit;
    return headers;
  };

  it('answers a hit exactly as the Express path answers it (status, bytes and headers, CORS included)', async () => {
    const body = JSON.stringify({ query: print(NodeByIdDocument), variables: { id: 'city:rabat' } });
    const headers = { 'content-type': 'application/json', origin: ALLOWED_ORIGIN };
    await fetch(server.url, { method: 'POST', headers, body });
    const fast = await fetch(server.url, { method: 'POST', headers, body });
    // A streamed (chunked) body is not one the fast path reads: this hit is Express's.
    const stream = new Blob([body]).stream();
    const viaExpress = await fetch(server.url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(fast.status).toBe(200);
    expect(viaExpress.status).toBe(200);
    expect(await fast.text()).toBe(await viaExpress.text());
    expect(headersOf(fast)).toEqual(headersOf(viaExpress));
    expect(fast.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(fast.headers.get('ratelimit')).toMatch(/r=\d+/);
  });

  it('has Apollo answer a POST it does not hold exactly as Apollo answers it through Express', async () => {
    const uncached = await startTestServer({ env: { RESPONSE_CACHE_MAX_BYTES: '0', CORS_ORIGINS: ALLOWED_ORIGIN } });
    try {
      const node = { query: print(NodeByIdDocument), variables: { id: 'city:rabat' } };
      const first = await fetch(uncached.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(node),
      });
      const etag = first.headers.get('etag') ?? '';
      const cases: { name: string; body: unknown; headers?: Record<string, string> }[] = [
        { name: 'a read', body: node, headers: { origin: ALLOWED_ORIGIN } },
        { name: 'a conditional read (304)', body: node, headers: { 'if-none-match': etag } },
        { name: 'graphql-response+json', body: node, headers: { accept: 'application/graphql-response+json' } },
        { name: 'an error answer', body: { query: print(NodeByIdDocument), variables: {} } },
        { name: 'a validation error', body: { query: '{ nosuchfield }' } },
        { name: 'a parse error', body: { query: '{ node(' } },
        { name: 'no query', body: {} },
        { name: 'an unknown operation name', body: { query: '{ stats { nodes } }', operationName: 'Other' } },
        { name: 'a batch', body: [node, node] },
        {
          name: 'a mutation without a key',
          body: {
            query: print(UpdateNodeDocument),
            variables: { input: { id: 'city:rabat', provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } } },
          },
        },
        { name: 'a bad key', body: node, headers: { authorization: 'Bearer not-a-key-0123456789abcdef' } },
      ];
      for (const { name, body, headers = {} } of cases) {
        const text = JSON.stringify(body);
        const send = (streamed: boolean): Promise<Response> =>
          fetch(uncached.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: streamed ? new Blob([text]).stream() : text,
            duplex: 'half',
          } as RequestInit);
        const fast = await send(false);
        const viaExpress = await send(true);
        expect({ name, status: fast.status, headers: headersOf(fast), text: await fast.text() }).toEqual({
          name,
          status: viaExpress.status,
          headers: headersOf(viaExpress),
          text: await viaExpress.text(),
        });
      }
    } finally {
      await uncached.stop();
    }
  });

  it('reads a body by the JSON body parser’s rules: the same answer read on the fast path as read by Express', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ stats { nodes } }' }));
    const bodies: Record<string, Buffer> = {
      'invalid UTF-8': Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      'byte order mark': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), query]),
      'a JSON string, not an object': Buffer.from('"{ stats { nodes } }"'),
      'white space only': Buffer.from('  \n'),
      'broken JSON': Buffer.from('{"query":'),
      'an array (a batch, refused)': Buffer.from(`[${query.toString()}]`),
      'charset=utf-8': query,
    };
    for (const [name, body] of Object.entries(bodies)) {
      const contentType = name === 'charset=utf-8' ? 'application/json; charset=utf-8' : 'application/json';
      const send = (streamed: boolean): Promise<Response> =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': contentType },
          // A streamed (chunked) body is one only Express reads.
          body: streamed ? new Blob([body]).stream() : body,
          duplex: 'half',
        } as RequestInit);
      const [fast, viaExpress] = [await send(false), await send(true)];
      expect({ name, status: fast.status, text: await fast.text() }).toEqual({
        name,
        status: viaExpress.status,
        text: await viaExpress.text(),
      });
    }
  });

  it('refuses a bad key on a held query the same way Apollo refuses it on a query never asked', async () => {
    const badKey = 'not-a-key-0123456789abcdef';
    await execute(server, NodeByIdDocument, { id: 'city:delhi' });
    const held = await execute(server, NodeByIdDocument, { id: 'city:delhi' }, badKey);
    const fresh = await execute(server, NodeByIdDocument, { id: 'city:mombasa' }, badKey);
    expect(errorCodes(held)).toEqual(['UNAUTHENTICATED']);
    expect(held.status).toBe(fresh.status);
    expect(held.text).toBe(fresh.text);
    expect(held.headers.get('etag')).toBeNull();
  });

  it('shows a curated change to the very next read, over POST and over an APQ GET', async () => {
    const query = print(CuratedNodeDocument);
    const variables = { id: 'city:mombasa' };
    const get = async (): Promise<{ aliases: unknown; etag: string | null }> => {
      const address = new URL(server.url);
      address.searchParams.set('variables', JSON.stringify(variables));
      address.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } }));
      const response = await fetch(address, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${READER_KEY}` } });
      const parsed = JSON.parse(await response.text()) as { data: { node: { aliases: unknown } } };
      return { aliases: parsed.data.node.aliases, etag: response.headers.get('etag') };
    };
    const before = await execute(server, CuratedNodeDocument, variables, READER_KEY);
    const heldGet = await get();
    expect(heldGet.etag).toBe(before.headers.get('etag'));

    const change = await execute(
      server,
      UpdateNodeDocument,
      { input: { id: 'city:mombasa', aliases: ['Mombasa the Island City'], provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } } },
      EDITOR_KEY,
    );
    expect(change.errors).toBeUndefined();
    const afterPost = await execute(server, CuratedNodeDocument, variables, READER_KEY);
    expect(afterPost.data?.node?.aliases).toEqual(['Mombasa the Island City']);
    const afterGet = await get();
    expect(afterGet.aliases).toEqual(['Mombasa the Island City']);
    expect(afterGet.etag).not.toBe(heldGet.etag);
  });
});

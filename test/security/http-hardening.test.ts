/**
 * The hardened edge over real HTTP: Armor's limits, the token limit, the body-size limit,
 * CSRF prevention, JSON-only POSTs, CORS from the allow-list, introspection, landing page
 * and field suggestions by configuration, the per-client rate limit, and the store timeout.
 */
import { ErrorCode } from '../../src/errors';
import type { GraphCounts } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { startTestServer, type TestServer } from '../support/test-server';

interface Raw {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** GraphQL error codes, or the problem-details code of an answer that is not GraphQL's. */
  readonly codes: unknown[];
  readonly messages: string[];
}

async function send(url: string, init: RequestInit = {}): Promise<Raw> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: { errors?: { message: string; extensions?: { code?: unknown } }[]; code?: unknown; detail?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // An HTML landing page, for one.
  }
  const problem = response.headers.get('content-type')?.startsWith('application/problem+json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    text,
    codes: problem ? [body.code] : (body.errors ?? []).map((error) => error.extensions?.code),
    messages: problem ? [body.detail ?? ''] : (body.errors ?? []).map((error) => error.message),
  };
}

function post(server: TestServer, query: string, headers: Record<string, string> = {}): Promise<Raw> {
  return send(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}

let production: TestServer;
let development: TestServer;
beforeAll(async () => {
  production = await startTestServer({
    env: { NODE_ENV: 'production', BODY_LIMIT_BYTES: '4000', CORS_ORIGINS: 'https://allowed.example.org', MAX_COST: '1000' },
  });
  development = await startTestServer({ env: { NODE_ENV: 'development' } });
});
afterAll(async () => {
  await production.stop();
  await development.stop();
});

describe('operation limits', () => {
  it('refuses a selection nested deeper than MAX_DEPTH, however it is spelled', async () => {
    const nested = (levels: number): string => (levels === 0 ? 'id' : `partOf { ${nested(levels - 1)} }`);
    const deep = await post(production, `{ node(id: "city:korangi") { ... on City { ${nested(14)} } } }`);
    expect(deep.status).toBe(400);
    expect(new Set(deep.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(deep.messages.some((message) => /depth limit of 12/.test(message))).toBe(true);
    // The 2025 bypasses: a fragment reused deeper than its first use, and a fragment named __schema.
    const reused = await post(
      production,
      `{ a: node(id: "city:korangi") { ...F } node(id: "city:korangi") { ... on City { ${nested(9).replace('id', '...F')} } } }
       fragment F on City { partOf { partOf { partOf { id } } } }`,
    );
    expect(reused.messages.some((message) => /depth limit of 12/.test(message))).toBe(true);
    const named = await post(
      production,
      `{ node(id: "city:korangi") { ... on City { ${nested(10).replace('id', '...__schema')} } } } fragment __schema on City { partOf { partOf { id } } }`,
    );
    expect(named.messages.some((message) => /depth limit of 12/.test(message))).toBe(true);
    const fine = await post(production, `{ node(id: "city:korangi") { ... on City { ${nested(3)} } } }`);
    expect(fine.codes).toEqual([]);
  });

  it('refuses more aliases than MAX_ALIASES, __typename aliases included', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ');
    const answer = await post(production, `{ ${aliases} }`);
    expect(answer.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.messages[0]).toMatch(/Aliases limit of 15/);
  });

  it('refuses more directives than MAX_DIRECTIVES, on fields or on repeated fragment spreads', async () => {
    const both = '@include(if: true) @skip(if: false)';
    const onFields = await post(
      production,
      `{ stats ${both} { nodes ${both} relations ${both} byType ${both} { type ${both} count ${both} } } }`,
    );
    expect(new Set(onFields.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(onFields.messages.some((message) => /Directives limit of 10/.test(message))).toBe(true);
    const spreads = Array.from({ length: 11 }, () => '...F @include(if: true)').join(' ');
    const onSpreads = await post(production, `{ ${spreads} } fragment F on Query { stats { nodes } }`);
    expect(onSpreads.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(onSpreads.messages[0]).toMatch(/Directives limit of 10/);
  });

  it('refuses a costlier operation than MAX_COST', async () => {
    const answer = await post(
      production,
      '{ cities(first: 100) { edges { node { id name nameAr country { id name } partOf { id } parts { id } } } } }',
    );
    expect(answer.codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.messages[0]).toMatch(/Query cost \d+ exceeds the limit of 1000/);
    expect(answer.status).toBe(400);
  });

  it('refuses a document of more than MAX_TOKENS tokens at parse time with a 400', async () => {
    const answer = await post(development, `{ stats { ${'nodes '.repeat(2_100)} } }`);
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('HTTP', () => {
  it('answers 413 PAYLOAD_TOO_LARGE for a body over BODY_LIMIT_BYTES', async () => {
    const answer = await post(production, `{ stats { nodes } } # ${'x'.repeat(5_000)}`);
    expect(answer.status).toBe(413);
    expect(answer.codes).toEqual([ErrorCode.PAYLOAD_TOO_LARGE]);
  });

  it('takes only JSON POSTs, and GETs only with a preflight header (CSRF prevention)', async () => {
    const form = await send(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query={stats{nodes}}',
    });
    expect(form.status).toBe(415);
    expect(form.codes).toEqual([ErrorCode.UNSUPPORTED_MEDIA_TYPE]);
    const get = `${production.url}?query=${encodeURIComponent('{ stats { nodes } }')}`;
    const simple = await send(get);
    expect(simple.status).toBe(400);
    expect(simple.codes).toEqual(['BAD_REQUEST']);
    const preflighted = await send(get, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.codes).toEqual([]);
    const mutation = await send(
      `${production.url}?query=${encodeURIComponent('mutation { removeRelation(input: {id: "a", provenance: {quote: "q"}}) { audit { id } } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(mutation.status).toBe(405);
  });

  it('sends CORS headers to allowed origins only', async () => {
    const allowed = await post(production, '{ stats { nodes } }', { origin: 'https://allowed.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example.org');
    const other = await post(production, '{ stats { nodes } }', { origin: 'https://evil.example.org' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await send(production.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://allowed.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('switches introspection, the landing page and field suggestions off in production', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect((await post(production, introspection)).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await post(development, introspection)).codes).toEqual([]);

    const html = { headers: { accept: 'text/html' } };
    expect((await send(development.url, html)).headers.get('content-type')).toMatch(/text\/html/);
    const landing = await send(production.url, html);
    expect(landing.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(landing.status).toBe(400);

    const typo = '{ stat { nodes } }';
    expect((await post(development, typo)).messages.join(' ')).toMatch(/Did you mean/);
    const masked = await post(production, typo);
    expect(masked.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(masked.messages.join(' ')).not.toMatch(/Did you mean|stats/);
  });
});

describe('rate limit', () => {
  it('answers 429 with a JSON body and Retry-After once a client is over RATE_LIMIT_MAX, and leaves health checks alone', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await post(limited, '{ stats { nodes } }')).status).toBe(200);
      const refused = await post(limited, '{ stats { nodes } }');
      expect(refused.status).toBe(429);
      expect(refused.codes).toEqual([ErrorCode.RATE_LIMITED]);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await send(`${limited.origin}/healthz`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('store timeout', () => {
  it('answers STORE_TIMEOUT when a store call outlasts STORE_TIMEOUT_MS, and readiness fails', async () => {
    class SlowCountsStore extends MemoryGraphStore {
      slow = false;
      override counts(): Promise<GraphCounts> {
        return this.slow ? new Promise<GraphCounts>(() => undefined) : super.counts();
      }
    }
    const store = new SlowCountsStore();
    const slow = await startTestServer({ env: { STORE_TIMEOUT_MS: '50' }, store });
    try {
      store.slow = true;
      const answer = await post(slow, '{ stats { nodes } }');
      expect(answer.codes).toEqual([ErrorCode.STORE_TIMEOUT]);
      expect((await send(`${slow.origin}/readyz`)).status).toBe(503);
      store.slow = false;
      expect((await post(slow, '{ stats { nodes } }')).codes).toEqual([]);
    } finally {
      await slow.stop();
    }
  });
});

/**
 * The response-cache plugin in a real Apollo Server over a small schema whose fields say
 * their own cache hints: what is held and what is not (an uncacheable field anywhere in
 * the answer, a change landing while the answer is computed), and the LRU's bound.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { createContext, type ApiContext } from '../../src/api/context';
import { ResponseCache, canonicalJson } from '../../src/api/response-cache';
import { responseCachePlugin } from '../../src/api/response-cache-plugin';
import { AnalyticsPool } from '../../src/analytics/worker-pool';
import { Analytics } from '../../src/api/analytics';
import { loadConfig } from '../../src/config';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

const typeDefs = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    stable: Int @cacheControl(maxAge: 60)
    volatile: Int
    dynamic: Int @cacheControl(maxAge: 60)
    changing: Int @cacheControl(maxAge: 60)
  }
`;

let generation = 0;
let resolved = 0;
const resolvers = {
  Query: {
    stable: () => ++resolved,
    volatile: () => ++resolved,
    // A resolver marking its answer uncacheable at run time.
    dynamic: (
      _parent: unknown,
      _args: unknown,
      _context: unknown,
      info: { cacheControl: { setCacheHint(hint: { maxAge: number }): void } },
    ) => {
      info.cacheControl.setCacheHint({ maxAge: 0 });
      return ++resolved;
    },
    // A curated change lands while this answer is computed.
    changing: () => {
      generation += 1;
      return ++resolved;
    },
  },
};

const cache = new ResponseCache({ maxBytes: 1_000_000, generation: () => generation });
const apollo = new ApolloServer<ApiContext>({
  typeDefs,
  resolvers,
  plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: 0 }), responseCachePlugin(cache)],
});
const store = new MemoryGraphStore();
// The context every request gets; this schema runs no analytics, so no worker ever starts.
const pool = new AnalyticsPool({ size: 1 });
const analytics = new Analytics({ store, pool, limits: loadConfig({}).security.analytics, generation: () => 0 });

beforeAll(() => apollo.start());
afterAll(async () => {
  await apollo.stop();
  await pool.close();
});

async function run(query: string): Promise<void> {
  await apollo.executeOperation({ query }, { contextValue: createContext(store, analytics) });
}

it('holds an answer whose every field is hinted cacheable', async () => {
  const before = cache.entries;
  await run('{ stable }');
  expect(cache.entries).toBe(before + 1);
});

it.each([
  ['a field without a hint', '{ stable volatile }'],
  ['a resolver that marks itself uncacheable', '{ stable dynamic }'],
  ['a curated change landing while it ran', '{ changing }'],
])('never holds an answer with %s', async (_what, query) => {
  await run(query);
  const held = cache.entries;
  const count = resolved;
  await run(query);
  expect(resolved).toBeGreaterThan(count);
  expect(cache.entries).toBe(held);
});

it('drops every answer when the generation moves', async () => {
  await run('{ stable }');
  expect(cache.entries).toBeGreaterThan(0);
  generation += 1;
  expect(cache.entries).toBe(0);
});

it('canonical JSON sorts keys at every depth', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  // Deeper than any input of the schema: no key, so never cached (and no deep recursion).
  expect(canonicalJson(JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`))).toBeUndefined();
});

it('drops an answer at its max-age (a change on another replica shows within it)', () => {
  const held = new ResponseCache({ maxBytes: 10_000, generation: () => 0 });
  const request = { queryHash: 'h', operationName: undefined, variables: {}, caller: 'anonymous' };
  const response = {
    body: Buffer.from('{}\n'),
    etag: '"e"',
    cacheControl: 'max-age=60, public',
    policy: { maxAge: 60, scope: 'PUBLIC' as const },
  };
  const now = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
  try {
    held.store(request, 'doc', 0, response);
    clock.mockReturnValue(now + 59_000);
    expect(held.lookup(request)).toBe(response);
    clock.mockReturnValue(now + 60_001);
    expect(held.lookup(request)).toBeUndefined();
  } finally {
    clock.mockRestore();
  }
});

it('keys ETags only when every change passes this process (keyedTags): otherwise only the bytes can tell', () => {
  const request = { queryHash: 'h', operationName: undefined, variables: { id: 'city:rabat' }, caller: 'anonymous' };
  const shared = new ResponseCache({ maxBytes: 0, generation: () => 0 });
  expect(shared.keyedEntityTag('doc', request, 0)).toBeUndefined();
  const embedded = new ResponseCache({ maxBytes: 0, generation: () => 0, keyedTags: true });
  const tag = embedded.keyedEntityTag('doc', request, 0);
  expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(embedded.keyedEntityTag('doc', { ...request, variables: { id: 'city:rabat' } }, 0)).toBe(tag);
  expect(embedded.keyedEntityTag('doc', request, 1)).not.toBe(tag);
  expect(embedded.keyedEntityTag('doc', { ...request, caller: 'reader' }, 0)).not.toBe(tag);
  expect(embedded.keyedEntityTag('other', request, 0)).not.toBe(tag);
  // Too deep to have a key: no keyed tag (the plugin hashes the bytes instead).
  expect(
    embedded.keyedEntityTag('doc', { ...request, variables: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown }, 0),
  ).toBeUndefined();
});

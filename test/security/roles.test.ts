/**
 * Roles over real HTTP: mutations need an editor key (401 without or with an unknown key,
 * 403 with a reader key), queries are public unless PUBLIC_QUERIES=false, and a credential
 * that is not a valid key is refused even on a public query.
 */
import { StatsDocument, UpdateNodeDocument } from '../operations.generated';
import { call, codes, EDITOR_KEY, READER_KEY, startHardenedServer, type HardenedServer } from './hardened-server';

const update = { input: { id: 'city:karachi', aliases: ['KHI'], provenance: { url: 'https://example.org/karachi', quote: 'KHI' } } };

let open: HardenedServer;
let closed: HardenedServer;
beforeAll(async () => {
  open = await startHardenedServer();
  closed = await startHardenedServer({ PUBLIC_QUERIES: 'false' });
});
afterAll(async () => {
  await open.stop();
  await closed.stop();
});

describe('mutations', () => {
  it('answer 401 UNAUTHENTICATED, with WWW-Authenticate, without a key or with an unknown one', async () => {
    for (const key of [undefined, 'not-a-key-000000000000']) {
      const answer = await call(open, UpdateNodeDocument, update, key);
      expect(answer.status).toBe(401);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('answer 403 FORBIDDEN to a reader key', async () => {
    const answer = await call(open, UpdateNodeDocument, update, READER_KEY);
    expect(answer.status).toBe(403);
    expect(codes(answer)).toEqual(['FORBIDDEN']);
  });

  it('go through with an editor key', async () => {
    const answer = await call(open, UpdateNodeDocument, update, EDITOR_KEY);
    expect(answer.status).toBe(200);
    expect(answer.data?.updateNode.audit.editor).toBe('alice');
  });
});

describe('queries', () => {
  it('are public by default, but refuse a credential that is not a valid key', async () => {
    expect((await call(open, StatsDocument, {})).data?.stats.nodes).toBeGreaterThan(0);
    expect((await call(open, StatsDocument, {}, READER_KEY)).data?.stats.nodes).toBeGreaterThan(0);
    const wrong = await call(open, StatsDocument, {}, 'wrong-key-00000000000000');
    expect(wrong.status).toBe(401);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('need a key when PUBLIC_QUERIES=false', async () => {
    const anonymous = await call(closed, StatsDocument, {});
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect((await call(closed, StatsDocument, {}, READER_KEY)).data?.stats.nodes).toBeGreaterThan(0);
    expect((await call(closed, StatsDocument, {}, EDITOR_KEY)).data?.stats.nodes).toBeGreaterThan(0);
  });
});

describe('exports', () => {
  const exportUrl = (server: HardenedServer) => new URL('/export/graph.json', server.url).toString();
  const get = (server: HardenedServer, key?: string) =>
    fetch(exportUrl(server), key ? { headers: { authorization: `Bearer ${key}` } } : {});

  it('follow the query rule: public by default, but a credential that is not a valid key is refused', async () => {
    expect((await get(open)).status).toBe(200);
    const wrong = await get(open, 'wrong-key-00000000000000');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('need a key when PUBLIC_QUERIES=false', async () => {
    const anonymous = await get(closed);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get(closed, READER_KEY)).status).toBe(200);
  });
});

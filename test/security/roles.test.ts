/**
 * Roles over real HTTP: mutations need an editor key (401 without or with an unknown key,
 * 403 with a reader key), queries are public unless PUBLIC_QUERIES=false, and a credential
 * that is not a valid key is refused even on a public query.
 */
import { StatsDocument, UpdateNodeDocument } from '../operations.generated';
import { EDITOR_KEY, errorCodes, execute, READER_KEY, readProblem, startTestServer, type TestServer } from '../support/test-server';

const update = {
  input: { id: 'city:karachi', aliases: ['KHI'], provenance: { url: 'https://example.org/karachi', quote: 'Karachi, also written KHI' } },
};

let open: TestServer;
let closed: TestServer;
beforeAll(async () => {
  open = await startTestServer();
  closed = await startTestServer({ env: { PUBLIC_QUERIES: 'false' } });
});
afterAll(async () => {
  await open.stop();
  await closed.stop();
});

describe('mutations', () => {
  it('answer 401 UNAUTHENTICATED, with WWW-Authenticate, without a key or with an unknown one', async () => {
    for (const key of [undefined, 'not-a-key-000000000000']) {
      const answer = await execute(open, UpdateNodeDocument, update, key);
      expect(answer.status).toBe(401);
      expect(errorCodes(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('answer 403 FORBIDDEN to a reader key', async () => {
    const answer = await execute(open, UpdateNodeDocument, update, READER_KEY);
    expect(answer.status).toBe(403);
    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
  });

  it('go through with an editor key', async () => {
    const answer = await execute(open, UpdateNodeDocument, update, EDITOR_KEY);
    expect(answer.status).toBe(200);
    expect(answer.data?.updateNode.audit.editor).toBe('alice');
  });
});

describe('queries', () => {
  it('are public by default, but refuse a credential that is not a valid key', async () => {
    expect((await execute(open, StatsDocument, {})).data?.stats.nodes).toBeGreaterThan(0);
    expect((await execute(open, StatsDocument, {}, READER_KEY)).data?.stats.nodes).toBeGreaterThan(0);
    const wrong = await execute(open, StatsDocument, {}, 'wrong-key-00000000000000');
    expect(wrong.status).toBe(401);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('need a key when PUBLIC_QUERIES=false', async () => {
    const anonymous = await execute(closed, StatsDocument, {});
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect((await execute(closed, StatsDocument, {}, READER_KEY)).data?.stats.nodes).toBeGreaterThan(0);
    expect((await execute(closed, StatsDocument, {}, EDITOR_KEY)).data?.stats.nodes).toBeGreaterThan(0);
  });
});

describe('exports', () => {
  const exportUrl = (server: TestServer) => new URL('/export/graph.json', server.url).toString();
  const get = (server: TestServer, key?: string) => fetch(exportUrl(server), key ? { headers: { authorization: `Bearer ${key}` } } : {});

  it('follow the query rule: public by default, but a credential that is not a valid key is refused', async () => {
    expect((await get(open)).status).toBe(200);
    const wrong = await readProblem(await get(open, 'wrong-key-00000000000000'));
    expect(wrong.status).toBe(401);
    expect(wrong.contentType).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ type: 'about:blank', status: 401, code: 'UNAUTHENTICATED' });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('need a key when PUBLIC_QUERIES=false', async () => {
    const anonymous = await readProblem(await get(closed));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(anonymous.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await get(closed, READER_KEY)).status).toBe(200);
  });
});

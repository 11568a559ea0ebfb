/**
 * Hostile text (issue 17, item 3), over real HTTP: curated text holding control characters,
 * bidirectional overrides or isolates, or lone surrogates is refused with BAD_USER_INPUT
 * naming the field, and nothing is written; a request body that is not valid UTF-8 is
 * refused 400 as problem details instead of being decoded with U+FFFD in its place.
 */
import { CreateNodeDocument, StatsDocument } from '../operations.generated';
import { EDITOR_KEY, errorCodes, execute, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await server.stop();
});

const provenance = { doc: 'doc:000', quote: 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة' };

it.each([
  ['NUL', 'Kara\u0000chi', /control character \(U\+0000\)/],
  ['BEL', 'Kara\u0007chi', /control character \(U\+0007\)/],
  ['a right-to-left override', '\u202Eihcarak', /bidirectional control character \(U\+202E\)/],
  ['a left-to-right isolate', 'Kara\u2066chi', /bidirectional control character \(U\+2066\)/],
  ['a lone surrogate', 'Kara\uD800chi', /lone surrogate \(U\+D800\)/],
])('refuses a curated name holding %s, naming the field', async (_what, name, reason) => {
  const nodesBefore = (await execute(server, StatsDocument, {})).data?.stats.nodes;
  for (const field of ['name', 'nameAr'] as const) {
    const input = {
      id: 'city:hostile-text',
      type: 'CITY' as const,
      kind: 'MUNICIPALITY',
      name: 'Town',
      nameAr: 'بلدة',
      provenance,
      [field]: name,
    };
    const answer = await execute(server, CreateNodeDocument, { input }, EDITOR_KEY);
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.message).toMatch(new RegExp(`\\b${field}\\b`));
    expect(answer.errors?.[0]?.message).toMatch(reason);
  }
  expect((await execute(server, StatsDocument, {})).data?.stats.nodes).toBe(nodesBefore);
});

it.each([
  ['0xff', [0xff]],
  ['an overlong slash', [0xc0, 0xaf]],
  ['a surrogate half', [0xed, 0xa0, 0x80]],
  ['a truncated 4-byte sequence', [0xf0, 0x9f, 0x98]],
])('answers a body holding %s (not UTF-8) with 400 problem details', async (_what, bytes) => {
  const encoder = new TextEncoder();
  const body = new Uint8Array([
    ...encoder.encode('{"query": "query Q($s: String!) { search(text: $s) { score } }", "variables": {"s": "kara'),
    ...bytes,
    ...encoder.encode('chi"}}'),
  ]);
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST', detail: 'request body is not valid UTF-8' });
});

it('still takes UTF-8 bodies in any script', async () => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ query: 'query Q($s: String!) { search(text: $s) { score } }', variables: { s: 'كراتشي 😀' } }),
  });
  expect(response.status).toBe(200);
});

/**
 * Every error answer that is not GraphQL's is RFC 9457 problem details
 * (`application/problem+json`: type, title, status, detail, code), over real HTTP, on each
 * class of endpoint: the exports, readiness, /graphql before GraphQL runs (415, 413, 400,
 * 429), routes that do not exist, the explorer; while GraphQL's own errors keep GraphQL's
 * format. Also: the explorer's source maps are not served in production.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountExplorer } from '../../src/http/mount-explorer';
import { mountExports } from '../../src/http/mount-exports';
import type { GraphData } from '../../src/domain/graph-document';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { UpdateNodeDocument } from '../operations.generated';
import { errorCodes, execute, fetchFromRoutes, readProblem, startTestServer, type Problem, type TestServer } from '../support/test-server';

const PROBLEM_JSON = /^application\/problem\+json; charset=utf-8$/;

function expectProblem(problem: Problem, status: number, code: string): void {
  expect(problem.status).toBe(status);
  expect(problem.contentType).toMatch(PROBLEM_JSON);
  expect(problem.body).toEqual({ type: 'about:blank', title: expect.any(String), status, detail: expect.any(String), code });
  expect(problem.body.detail.length).toBeGreaterThan(0);
}

let development: TestServer;
let production: TestServer;
beforeAll(async () => {
  development = await startTestServer({ env: { BODY_LIMIT_BYTES: '2000' } });
  production = await startTestServer({ env: { NODE_ENV: 'production', PUBLIC_QUERIES: 'false', RATE_LIMIT_MAX: '2' } });
});
afterAll(async () => {
  await development.stop();
  await production.stop();
});

const postGraphql = (server: TestServer, body: string, contentType = 'application/json') =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('problem details', () => {
  it('on the exports: 400 for a bad selection, 404 for an unknown id, 401 without a key where one is needed', async () => {
    expectProblem(await readProblem(await fetch(`${development.origin}/export/graph.json?ids=Not%20An%20Id`)), 400, 'BAD_USER_INPUT');
    expectProblem(await readProblem(await fetch(`${development.origin}/export/graph.gexf?ids=city:atlantis`)), 404, 'NOT_FOUND');
    const closed = await readProblem(await fetch(`${production.origin}/export/graph.graphml`));
    expectProblem(closed, 401, 'UNAUTHENTICATED');
    expect(closed.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('on /readyz: 503 while the graph is empty', async () => {
    const empty = await startTestServer({ seed: false });
    try {
      expectProblem(await readProblem(await fetch(`${empty.origin}/readyz`)), 503, 'SERVICE_UNAVAILABLE');
    } finally {
      await empty.stop();
    }
  });

  it('on /graphql before GraphQL: 415 for a body that is not JSON, 413 over the body limit, 400 for malformed JSON', async () => {
    expectProblem(await readProblem(await postGraphql(development, 'query={stats{nodes}}', 'text/plain')), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const large = JSON.stringify({ query: `{ stats { nodes } } # ${'x'.repeat(3_000)}` });
    expectProblem(await readProblem(await postGraphql(development, large)), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await readProblem(await postGraphql(development, '{"query": "{ stats')), 400, 'BAD_REQUEST');
  });

  it('429 once a client is over the rate limit, on /graphql and on the exports alike (one budget)', async () => {
    // RATE_LIMIT_MAX=2 on `production`; the export above already spent one request.
    await fetch(`${production.origin}/export/graph.json`);
    const limited = await readProblem(await postGraphql(production, JSON.stringify({ query: '{ stats { nodes } }' })));
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectProblem(await readProblem(await fetch(`${production.origin}/export/graph.json`)), 429, 'RATE_LIMITED');
  });

  it('404 for a route that does not exist, whatever the method', async () => {
    expectProblem(await readProblem(await fetch(`${development.origin}/nothing/here`)), 404, 'NOT_FOUND');
    expectProblem(await readProblem(await fetch(`${development.origin}/healthz`, { method: 'POST' })), 404, 'NOT_FOUND');
    expectProblem(await readProblem(await fetch(`${development.origin}/explorer/no-such-file.js`)), 404, 'NOT_FOUND');
  });

  it('but GraphQL errors keep GraphQL format, even when they refuse the caller', async () => {
    const anonymous = await execute(development, UpdateNodeDocument, {
      input: { id: 'city:karachi', aliases: ['KHI'], provenance: { url: 'https://example.org/', quote: 'KHI' } },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('problem details from the routes alone', () => {
  it('500 INTERNAL_SERVER_ERROR with a generic detail for an unexpected failure, nothing of it leaked', async () => {
    class BrokenStore extends MemoryGraphStore {
      override async dumpGraph(): Promise<GraphData> {
        throw new Error('ECONNREFUSED 10.0.0.7:7687 password=hunter2');
      }
    }
    const problem = await readProblem(await fetchFromRoutes((app) => mountExports(app, new BrokenStore()), '/export/graph.json'));
    expectProblem(problem, 500, 'INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(problem.body)).not.toMatch(/hunter2|ECONNREFUSED/);
  });

  it('503 SERVICE_UNAVAILABLE when the explorer is not built', async () => {
    const emptyDist = mkdtempSync(path.join(tmpdir(), 'cities-kg-no-explorer-'));
    const problem = await readProblem(await fetchFromRoutes((app) => mountExplorer(app, { distDir: emptyDist }), '/explorer/'));
    expectProblem(problem, 503, 'SERVICE_UNAVAILABLE');
  });
});

describe('explorer source maps', () => {
  it('are served in development and not in production', async () => {
    const index = await fetch(`${development.origin}/explorer/`);
    expect(index.status).toBe(200);
    const bundle = await fetch(`${development.origin}/explorer/explorer.js`);
    const sourceMap = /sourceMappingURL=(\S+\.map)/.exec(await bundle.text())?.[1];
    expect(sourceMap).toBeDefined();
    expect((await fetch(`${development.origin}/explorer/${sourceMap}`)).status).toBe(200);
    expect((await fetch(`${production.origin}/explorer/explorer.js`)).status).toBe(200);
    expectProblem(await readProblem(await fetch(`${production.origin}/explorer/${sourceMap}`)), 404, 'NOT_FOUND');
  });
});

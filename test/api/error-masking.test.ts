/**
 * No stack trace and no internal detail ever reaches a client. A store that fails in an
 * unexpected way (a real memory store with one method broken) stands in for an outage.
 */
import type { GraphCounts } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { NodeByIdDocument, SearchFirstDocument, StatsDocument } from '../operations.generated';
import { errorCodes, execute, postJson, startTestServer, type TestServer } from '../support/test-server';

class BrokenCountsStore extends MemoryGraphStore {
  override async counts(): Promise<GraphCounts> {
    throw new Error('ECONNREFUSED 10.0.0.7:7687 password=hunter2 at /srv/app/secret.ts:12');
  }
}

const STACK_LINE = /\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)/;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ store: new BrokenCountsStore() });
});
afterAll(async () => {
  await server.stop();
});

it('masks an unexpected failure as INTERNAL_SERVER_ERROR with no detail', async () => {
  const response = await execute(server, StatsDocument, {});
  expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(response.errors?.[0]?.message).toBe('Internal server error');
  expect(response.text).not.toMatch(/hunter2|ECONNREFUSED|secret\.ts/);
});

it('never includes a stack trace, whatever the error', async () => {
  const responses = [
    await execute(server, StatsDocument, {}),
    await execute(server, NodeByIdDocument, { id: 'not an id' }),
    await execute(server, SearchFirstDocument, { text: 'karachi', first: -1 }),
    await postJson(server.url, { query: '{ node(id: ' }),
    await postJson(server.url, { query: '{ nope }' }),
    await postJson(server.url, '{"query":'),
  ];
  for (const response of responses) {
    expect(response.text).not.toMatch(STACK_LINE);
    for (const error of response.errors ?? []) {
      expect(error.extensions?.stacktrace).toBeUndefined();
      expect(typeof error.extensions?.code).toBe('string');
    }
  }
});

/**
 * A store that answers "unavailable" (what the Neo4j store says while an index populates or
 * the server cannot be reached), over the real HTTP server with a real memory store whose
 * availability is switched: /readyz answers 503 with the store's reason, and a GraphQL
 * query answers SERVICE_UNAVAILABLE, not an internal error. That the Neo4j store raises
 * StoreUnavailableError is unit-tested in neo4j-bulk-and-readiness and neo4j-error-mapping.
 */
import { StoreUnavailableError } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { errorCodes, postJson, readProblem, startTestServer, type TestServer } from '../support/test-server';

class SwitchableStore extends MemoryGraphStore {
  unavailable: string | undefined;

  override async ping(): Promise<void> {
    if (this.unavailable !== undefined) throw new StoreUnavailableError(this.unavailable);
  }

  override async counts(): ReturnType<MemoryGraphStore['counts']> {
    if (this.unavailable !== undefined) throw new StoreUnavailableError(this.unavailable);
    return super.counts();
  }
}

describe('a store that is unavailable, over HTTP', () => {
  const store = new SwitchableStore();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ store });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers /readyz with 503 naming why, and 200 once it is available', async () => {
    store.unavailable = 'Neo4j is not ready: index cities_kg_names_arabic is POPULATING (42.0%)';
    const problem = await readProblem(await fetch(`${server.origin}/readyz`));
    expect(problem.status).toBe(503);
    expect(problem.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(problem.body.detail).toContain('cities_kg_names_arabic is POPULATING');
    store.unavailable = undefined;
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
  });

  it('answers a GraphQL query with SERVICE_UNAVAILABLE while the store is unavailable', async () => {
    store.unavailable = 'Neo4j cannot be reached';
    const response = await postJson<unknown>(server.url, { query: '{ stats { nodes } }' });
    store.unavailable = undefined;
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
  });
});

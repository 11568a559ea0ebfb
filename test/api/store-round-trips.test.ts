/**
 * DataLoader per request: listing cities with their country, leaders and programmes costs
 * the same number of store calls for 5 cities as for 50.
 */
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { CitiesWithDetailsDocument } from '../operations.generated';
import { countCalls, type CountingStore } from '../support/counting-store';
import { execute, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let counting: CountingStore;

beforeAll(async () => {
  const memory = new MemoryGraphStore();
  await ingestSeed(memory);
  counting = countCalls(memory);
  server = await startTestServer({ store: counting.store, seed: false });
});
afterAll(async () => {
  await server.stop();
});

async function callsFor(first: number): Promise<{ cities: number; calls: Record<string, number> }> {
  counting.reset();
  const response = await execute(server, CitiesWithDetailsDocument, { first });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return { cities: response.data.cities.edges.length, calls: Object.fromEntries(counting.calls) };
}

it('does not grow with the number of cities listed', async () => {
  const few = await callsFor(5);
  const many = await callsFor(50);
  expect(few.cities).toBe(5);
  expect(many.cities).toBe(50);
  expect(many.calls).toEqual(few.calls);
  // One page, one relations call per (direction, type) field, and batched node loads.
  expect(many.calls.listNodes).toBe(1);
  expect(many.calls.getRelations).toBe(3);
});

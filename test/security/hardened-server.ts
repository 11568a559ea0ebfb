/**
 * Temporary: the old names of the one test server (`test/support/test-server.ts`), kept for
 * test/curation until it imports test/support directly; nothing else uses them.
 * `startHardenedServer(env)` is `startTestServer({ env })`.
 */
import type { GraphStore } from '../../src/store/GraphStore';
import { errorCodes, execute, startTestServer, type TestServer } from '../support/test-server';

export { API_KEYS, EDITOR_KEY, READER_KEY, temporaryDbPath } from '../support/test-server';
export type { GraphQLResponse as Answer } from '../support/test-server';

export type HardenedServer = TestServer;

export function startHardenedServer(
  env: Record<string, string> = {},
  options: { store?: GraphStore; dbPath?: string } = {},
): Promise<HardenedServer> {
  return startTestServer({ env, ...options });
}

/** POSTs a typed operation, with `key` as the bearer token when given. */
export const call = execute;

export const codes = errorCodes;

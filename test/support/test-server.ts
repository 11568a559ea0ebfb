/**
 * Starts the real HTTP server on an ephemeral loopback port over a memory store loaded
 * from the real seed (or a given store), and speaks GraphQL to it with typed operations.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { startServer, type RunningServer } from '../../src/server';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

export interface TestServer extends RunningServer {
  readonly store: GraphStore;
  readonly origin: string;
}

export async function startTestServer(options: { store?: GraphStore; seed?: boolean; production?: boolean } = {}): Promise<TestServer> {
  const store = options.store ?? new MemoryGraphStore();
  if (options.seed ?? true) await ingestSeed(store);
  const server = await startServer({
    store,
    logger: pino({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    production: options.production ?? false,
  });
  return { ...server, store, origin: `http://127.0.0.1:${server.port}` };
}

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly text: string;
}

/** POSTs a typed operation and returns the parsed body with the HTTP status. */
export async function execute<TData, TVariables extends Record<string, unknown>>(
  server: Pick<TestServer, 'url'>,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<GraphQLResponse<TData>> {
  return postJson<TData>(server.url, { query: print(document), variables });
}

/** POSTs any body (for malformed requests) and parses the JSON answer. */
export async function postJson<TData>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, text, ...parsed };
}

export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

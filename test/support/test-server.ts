/**
 * The one test server: the real HTTP server on an ephemeral loopback port, put together as
 * the service puts it together (`openGraph` then `startServer`): configuration parsed by
 * `loadConfig` from the given environment (with an editor and a reader key, and no rate limit
 * unless asked), a memory store (or a given one) loaded from the real seed, and a curation
 * journal in a temporary SQLite file replayed on top. Speaks GraphQL to it with typed
 * operations and any key.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import express from 'express';
import { print, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { openGraph } from '../../src/app/open-graph';
import { loadConfig } from '../../src/config';
import { handleErrors } from '../../src/http/handle-errors';
import { startServer, type RunningServer } from '../../src/http/start-server';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

export const EDITOR_KEY = 'editor-key-0123456789abcdef';
export const READER_KEY = 'reader-key-0123456789abcdef';
export const API_KEYS = `alice:editor:${EDITOR_KEY},bob:reader:${READER_KEY}`;

export interface TestServerOptions {
  /** Environment variables, as the service would read them (`NODE_ENV`, limits, keys…). */
  readonly env?: Record<string, string>;
  /** @default a fresh memory store */
  readonly store?: GraphStore;
  /** Load the seed and the journal into the store; false serves the store as it is, without a journal. @default true */
  readonly seed?: boolean;
  /** The curation journal's file. @default a new temporary file */
  readonly dbPath?: string;
}

export interface TestServer extends RunningServer {
  readonly store: GraphStore;
  readonly origin: string;
  readonly dbPath: string;
}

export function temporaryDbPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-curation-')), 'curation.sqlite');
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dbPath = options.dbPath ?? temporaryDbPath();
  const config = loadConfig({ API_KEYS, RATE_LIMIT_MAX: '0', CURATION_DB: dbPath, ...options.env });
  const logger = pino({ level: 'silent' });
  const store = options.store ?? new MemoryGraphStore();
  // The server writes curated changes: its journal opens for writing, as `start` opens it.
  const graph = options.seed === false ? undefined : await openGraph(config, logger, { store, journal: { mode: 'write' } });
  const server = await startServer({
    store,
    logger,
    port: 0,
    host: '127.0.0.1',
    production: config.env === 'production',
    security: config.security,
    responseCacheMaxBytes: config.responseCacheMaxBytes,
    ...(graph ? { curation: graph.curation } : {}),
  });
  return {
    url: server.url,
    port: server.port,
    analytics: server.analytics,
    store,
    dbPath,
    origin: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.stop();
      await (graph ? graph.close() : store.close());
    },
  };
}

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly text: string;
}

/** POSTs a typed operation, with `key` as the bearer token when given. */
export async function execute<TData, TVariables extends Record<string, unknown>>(
  server: Pick<RunningServer, 'url'>,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  key?: string,
): Promise<GraphQLResponse<TData>> {
  return postJson<TData>(server.url, { query: print(document), variables }, key ? { authorization: `Bearer ${key}` } : {});
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
  return { status: response.status, headers: response.headers, text, ...parsed };
}

export function errorCodes(response: { readonly errors?: readonly GraphQLFormattedError[] }): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

/** An RFC 9457 problem-details answer (every error that is not GraphQL's). */
export interface Problem {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string | null;
  readonly body: { readonly type: string; readonly title: string; readonly status: number; readonly detail: string; readonly code: string };
}

/** Reads an answer expected to be problem details (it throws when the body is not JSON). */
export async function readProblem(response: Response): Promise<Problem> {
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type'),
    body: JSON.parse(await response.text()) as Problem['body'],
  };
}

/**
 * GETs `url` from a bare Express app holding only the routes `mount` adds and the error
 * handler, on an ephemeral port: a route tried on its own, with a store of the test's making.
 */
export async function fetchFromRoutes(mount: (app: express.Express) => void, url: string): Promise<Response> {
  const app = express();
  mount(app);
  app.use(handleErrors(pino({ level: 'silent' })));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}${url}`);
    return new Response(await response.text(), { status: response.status, headers: response.headers });
  } finally {
    httpServer.close();
  }
}

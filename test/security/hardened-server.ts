/**
 * Starts the real HTTP server as `startApp` would, on an ephemeral loopback port: a memory
 * store loaded from the real seed, a curation journal (a temporary SQLite file) replayed on
 * top, and the security settings parsed by `loadConfig` from the given environment, with an
 * editor and a reader key. Speaks GraphQL to it with typed operations and any key.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService } from '../../src/curation/CurationService';
import { reseed } from '../../src/curation/reseed';
import { readSeed } from '../../src/ingest/read-seed';
import { startServer, type RunningServer } from '../../src/server';
import type { GraphStore } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

export const EDITOR_KEY = 'editor-key-0123456789abcdef';
export const READER_KEY = 'reader-key-0123456789abcdef';
export const API_KEYS = `alice:editor:${EDITOR_KEY},bob:reader:${READER_KEY}`;

export interface HardenedServer extends RunningServer {
  readonly store: GraphStore;
  readonly origin: string;
  readonly dbPath: string;
}

export function temporaryDbPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-curation-')), 'curation.sqlite');
}

export async function startHardenedServer(
  env: Record<string, string> = {},
  options: { store?: GraphStore; dbPath?: string } = {},
): Promise<HardenedServer> {
  const config = loadConfig({ API_KEYS, RATE_LIMIT_MAX: '0', ...env });
  const store = options.store ?? new MemoryGraphStore();
  const dbPath = options.dbPath ?? temporaryDbPath();
  const logger = pino({ level: 'silent' });
  const curation = new CurationService({
    store,
    journal: CurationJournal.open(dbPath),
    sourceTexts: (await readSeed()).sourceTexts,
    logger,
  });
  await reseed(store, { curation });
  const server = await startServer({
    store,
    logger,
    port: 0,
    host: '127.0.0.1',
    production: config.env === 'production',
    security: config.security,
    curation,
  });
  return { ...server, store, dbPath, origin: `http://127.0.0.1:${server.port}` };
}

export interface Answer<TData> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly text: string;
}

/** POSTs a typed operation, with `key` as the bearer token when given. */
export async function call<TData, TVariables extends Record<string, unknown>>(
  server: Pick<RunningServer, 'url'>,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  key?: string,
): Promise<Answer<TData>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, headers: response.headers, text, ...parsed };
}

export function codes(answer: { errors?: readonly GraphQLFormattedError[] }): unknown[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}

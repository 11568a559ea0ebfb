/**
 * A server for the HTTP benchmark, in its own process so that the load generator does not
 * share its event loop. Usage: node server-child.js app | floor <bodies.json>
 * - app: the real server (startServer) on 127.0.0.1 over the memory store with the seed.
 * - floor: a bare node:http server answering POST /<operation> with the bytes the real
 *   server answered for it: what HTTP and JSON bytes cost with no GraphQL and no store.
 * Prints one JSON line with the port (and, for app, the seed load times), then serves until
 * killed.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import pino from 'pino';
import { loadTypeDefs } from '../../src/api/schema';
import { answerWithApollo } from '../../src/http/answer-with-apollo';
import { loadSeed } from '../../src/ingest/load-seed';
import { startServer } from '../../src/http/start-server';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { reply } from '../lib/child';
import { timed } from '../lib/stats';
import { recordedResolvers, type RecordedData } from './stack-ceiling';

export interface ServerReady {
  readonly port: number;
  /** Reading and validating the seed files. */
  readonly seedReadMs?: number;
  /** mergeGraph of the validated seed into an empty store. */
  readonly seedMergeMs?: number;
  readonly seedRelations?: number;
}

async function app(responseCacheMaxBytes: number): Promise<void> {
  const store = new MemoryGraphStore();
  const read = await timed(() => loadSeed());
  const merge = await timed(() => store.mergeGraph(read.result));
  const server = await startServer({
    store,
    logger: pino({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    production: true,
    responseCacheMaxBytes,
  });
  const ready: ServerReady = {
    port: server.port,
    seedReadMs: read.wallMs,
    seedMergeMs: merge.wallMs,
    seedRelations: read.result.relations.length,
  };
  reply(ready);
}

function floor(bodiesFile: string): void {
  const bodies = new Map(
    Object.entries(JSON.parse(readFileSync(bodiesFile, 'utf8')) as Record<string, string>).map(([name, body]) => [
      `/${name}`,
      Buffer.from(body),
    ]),
  );
  const server = http.createServer((request, response) => {
    // Read the request body as the real server must, then answer the recorded bytes.
    request.resume();
    request.on('end', () => {
      const body = bodies.get(request.url ?? '');
      if (!body) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => reply({ port: (server.address() as AddressInfo).port } satisfies ServerReady));
}

async function stack(recordedFile: string): Promise<void> {
  const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Record<string, RecordedData>;
  const apollo = new ApolloServer({
    typeDefs: loadTypeDefs(),
    resolvers: { Query: recordedResolvers(recorded) },
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answerWithApollo(apollo, () => Promise.resolve({}), request, response, body).catch((error: unknown) => {
        console.error(error);
        response.writeHead(500).end();
      });
    });
  });
  server.listen(0, '127.0.0.1', () => reply({ port: (server.address() as AddressInfo).port } satisfies ServerReady));
}

// Exit on SIGTERM rather than die of it, so that a `--cpu-prof` run writes its profile.
process.once('SIGTERM', () => process.exit(0));

const [mode, argument] = process.argv.slice(2);
if (mode === 'floor' && argument) floor(argument);
else if (mode === 'stack' && argument)
  stack(argument).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
else
  app(Number(argument ?? 0)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

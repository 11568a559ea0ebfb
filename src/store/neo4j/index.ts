/**
 * Public. The Neo4j adapter of the `GraphStore` port (Neo4j 5.26 LTS or later, Aura, or a
 * cluster through a `neo4j://` / `neo4j+s://` routing URI). See README, "Run on Neo4j" and "Scale out".
 *
 * ## Use
 *
 * `createNeo4jStore({ config, logger })` is the only export the rest of the service needs
 * (`src/store/create-store.ts`). Seeding and reset go through the port like any store
 * (`src/cli/seed-command.ts`, `npm run seed -- --store neo4j [--reset --yes]`):
 *
 *     const store = await createNeo4jStore({ config: neo4jConfig, logger });
 *     try {
 *       if (reset) await store.clear();            // only nodes of the ontology's labels, in batches
 *       const summary = await store.mergeGraph(graph, { onProgress: ({ done, total }) => … });
 *     } finally {                                  // summary: zero created on a second run
 *       await store.close();
 *     }
 *
 * `createNeo4jStore` creates the constraints and full-text indexes (idempotently), so seeding an
 * empty database needs nothing else, and a seed interrupted half way is finished by running it
 * again. Seeding costs one read per `NEO4J_BATCH_SIZE` ids (the pre-flight check) plus one write
 * per batch of a label or of a (relation type, from label, to label).
 */
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../config';
import type { Logger } from '../../logger';
import type { GraphStore } from '../GraphStore';
import { checkBoltHandshake, parseNeo4jUri } from './bolt-handshake';
import { driverSessionSource } from './driver-session-source';
import { ensureSchema } from './ensure-schema';
import { Neo4jExecutor } from './Neo4jExecutor';
import { Neo4jGraphStore } from './Neo4jGraphStore';

export interface Neo4jStoreOptions {
  readonly config: Neo4jConfig;
  readonly logger: Logger;
  /** STORE_TIMEOUT_MS: how long a request waits on a store call (`withTimeout`). */
  readonly requestTimeoutMs?: number;
}

export interface Neo4jTimeouts {
  /** Server-side timeout of a request's transactions: never past the request's own wait. */
  readonly requestTransactionMs: number;
  /** Server-side timeout of seed, clear, dump and project, which may outlast a request (and then fill the cache). */
  readonly bulkTransactionMs: number;
  /** The driver's `maxTransactionRetryTime`: retries of transient failures stop when the request has given up. */
  readonly maxRetryMs: number;
}

/**
 * The timeouts in step with STORE_TIMEOUT_MS. Without them a request abandoned at 5 s kept
 * running under the 10 s transaction timeout and was retried for up to the driver's default
 * 30 s (memory-pool errors included), piling work on a server that was already slow.
 * NEO4J_TX_TIMEOUT_MS now bounds the long operations; requests run under the smaller of the two.
 */
export function neo4jTimeouts(transactionTimeoutMs: number, requestTimeoutMs: number | undefined): Neo4jTimeouts {
  const request = requestTimeoutMs ?? transactionTimeoutMs;
  return {
    requestTransactionMs: Math.min(transactionTimeoutMs, request),
    bulkTransactionMs: Math.max(transactionTimeoutMs, request),
    maxRetryMs: request,
  };
}

/**
 * Connects to Neo4j (one driver for the process), checks it answers, ensures the schema and
 * returns the store; `store.close()` closes the driver. Fails with a message naming the URI
 * and database when NEO4J_URI is not a Neo4j URI, or Neo4j cannot be reached, does not answer
 * within NEO4J_CONNECT_TIMEOUT_MS, or refuses the credentials.
 */
export async function createNeo4jStore({ config, logger, requestTimeoutMs }: Neo4jStoreOptions): Promise<GraphStore> {
  const timeouts = neo4jTimeouts(config.transactionTimeoutMs, requestTimeoutMs);
  const log = logger.child({ component: 'neo4j' });
  const unusable = (reason: string, cause?: unknown): Error =>
    new Error(
      `cannot use Neo4j at ${config.uri} (database "${config.database}"): ${reason}; check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, and that the server is up`,
      { cause },
    );
  const target = parseNeo4jUri(config.uri);
  try {
    await checkBoltHandshake(target, config.connectTimeoutMs);
  } catch (error) {
    throw unusable(error instanceof Error ? error.message : String(error), error);
  }
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    userAgent: 'cities-kg',
    connectionTimeout: config.connectTimeoutMs,
    connectionAcquisitionTimeout: config.connectTimeoutMs,
    maxTransactionRetryTime: timeouts.maxRetryMs,
    // The driver's own warnings (pool, routing) go to the same log; its debug stays off.
    logging: { level: 'warn', logger: (level, message) => log[level]({ source: 'neo4j-driver' }, message) },
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    throw unusable(error instanceof Error ? error.message : String(error), error);
  }
  const executor = new Neo4jExecutor(driverSessionSource(driver), {
    database: config.database,
    transactionTimeoutMs: timeouts.requestTransactionMs,
    bulkTimeoutMs: timeouts.bulkTransactionMs,
    logger: log,
  });
  try {
    await ensureSchema(executor, timeouts.requestTransactionMs / 1000, log);
  } catch (error) {
    await driver.close();
    throw error;
  }
  log.info({ uri: config.uri, database: config.database }, 'neo4j store ready');
  return new Neo4jGraphStore(executor, { batchSize: config.batchSize, close: () => driver.close() });
}

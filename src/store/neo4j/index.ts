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
import { driverSessionSource } from './driver-session-source';
import { ensureSchema } from './ensure-schema';
import { Neo4jExecutor } from './Neo4jExecutor';
import { Neo4jGraphStore } from './Neo4jGraphStore';

export interface Neo4jStoreOptions {
  readonly config: Neo4jConfig;
  readonly logger: Logger;
}

/**
 * Connects to Neo4j (one driver for the process), checks it answers, ensures the schema and
 * returns the store; `store.close()` closes the driver. Fails with a message naming the URI
 * and database when Neo4j cannot be reached or refuses the credentials.
 */
export async function createNeo4jStore({ config, logger }: Neo4jStoreOptions): Promise<GraphStore> {
  const log = logger.child({ component: 'neo4j' });
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    userAgent: 'cities-kg',
    // The driver's own warnings (pool, routing) go to the same log; its debug stays off.
    logging: { level: 'warn', logger: (level, message) => log[level]({ source: 'neo4j-driver' }, message) },
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot use Neo4j at ${config.uri} (database "${config.database}"): ${reason}; check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, and that the server is up`,
      { cause: error },
    );
  }
  const executor = new Neo4jExecutor(driverSessionSource(driver), {
    database: config.database,
    transactionTimeoutMs: config.transactionTimeoutMs,
    logger: log,
  });
  try {
    await ensureSchema(executor, config.transactionTimeoutMs / 1000, log);
  } catch (error) {
    await driver.close();
    throw error;
  }
  log.info({ uri: config.uri, database: config.database }, 'neo4j store ready');
  return new Neo4jGraphStore(executor, { batchSize: config.batchSize, close: () => driver.close() });
}

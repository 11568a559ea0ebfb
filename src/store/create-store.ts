/**
 * Public. Picks the store adapter from configuration (`GRAPH_STORE`, or a CLI override).
 */
import { ConfigError, type AppConfig } from '../config';
import type { Logger } from '../logger';
import type { GraphStore } from './GraphStore';
import { MemoryGraphStore } from './memory/MemoryGraphStore';
import type * as Neo4jStore from './neo4j';

export async function createStore(config: AppConfig, logger: Logger, kind: AppConfig['store'] = config.store): Promise<GraphStore> {
  switch (kind) {
    case 'memory':
      return new MemoryGraphStore();
    case 'neo4j': {
      if (!config.neo4j) throw new ConfigError('the neo4j store needs NEO4J_URI (e.g. neo4j://localhost:7687)');
      // Loaded only when asked for: the driver takes ~150 ms to load, time a memory-store start
      // (the default) would otherwise spend before it reads the seed. A require, not import():
      // this is CommonJS, and Node's import() resolves as ESM (no directory index).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createNeo4jStore } = require('./neo4j') as typeof Neo4jStore;
      // Requests give up at STORE_TIMEOUT_MS: Neo4j's request transactions and retries stop there too.
      return createNeo4jStore({ config: config.neo4j, logger, requestTimeoutMs: config.security.storeTimeoutMs });
    }
  }
}

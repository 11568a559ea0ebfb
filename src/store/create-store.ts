/**
 * Public. Picks the store adapter from configuration (`GRAPH_STORE`).
 */
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import type { GraphStore } from './GraphStore';
import { MemoryGraphStore } from './memory/MemoryGraphStore';

export async function createStore(config: AppConfig, _logger: Logger): Promise<GraphStore> {
  switch (config.store) {
    case 'memory':
      return new MemoryGraphStore();
    case 'neo4j':
      throw new Error('GRAPH_STORE=neo4j: the Neo4j adapter is being wired in');
  }
}

/**
 * The GraphStore contract (and the traversal contract on the seed) against a real Neo4j (5.26 LTS or later), whenever NEO4J_URI is
 * set (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the service). Each test clears the
 * ontology's labels in that database, so point it at a disposable one, e.g.
 * `docker compose up -d neo4j` then
 * `NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npx jest test/contract/neo4j-store.int.test.ts`.
 * Without NEO4J_URI it says so in one line and reports its suite as skipped, never passed.
 */
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createNeo4jStore } from '../../src/store/neo4j';
import { defineGraphStoreContract } from './graph-store-contract';
import { defineTraversalContract } from './traversal-contract';

const SKIPPED = 'Neo4j store contract tests SKIPPED: NEO4J_URI is not set (see README, "Run on Neo4j", to run them)';

const neo4jConfig = loadConfig({ ...process.env, GRAPH_STORE: 'memory' }).neo4j;

if (neo4jConfig === undefined) {
  process.stderr.write(`${SKIPPED}\n`);
  describe.skip(SKIPPED, () => {
    it('runs the GraphStore contract against Neo4j', () => undefined);
  });
} else {
  const config = neo4jConfig;
  const name = `neo4j (${config.uri}, database ${config.database})`;
  const createStore = () => createNeo4jStore({ config, logger: createLogger({ logLevel: 'warn' }) });
  defineGraphStoreContract(name, createStore);
  defineTraversalContract(name, createStore);
}

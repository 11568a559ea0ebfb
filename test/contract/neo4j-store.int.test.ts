/**
 * The GraphStore contract (and the traversal contract on the seed) against a real Neo4j (5.26 LTS or later), whenever NEO4J_URI is
 * set (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the service). Each test clears the
 * ontology's labels in that database, so point it at a disposable one, e.g.
 * `docker compose up -d neo4j` then
 * `NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npx jest test/contract/neo4j-store.int.test.ts`.
 * Without NEO4J_URI it says so in one line and reports its suite as skipped, never passed.
 */
import neo4j from 'neo4j-driver';
import { loadConfig, type Neo4jConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/GraphStore';
import { createLogger } from '../../src/logger';
import { createNeo4jStore } from '../../src/store/neo4j';
import { FIXTURE_GRAPH } from './fixture-graph';
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
  defineSharedDatabaseTests(name, config, createStore);
}

/**
 * Neo4j only: a database shared with other data. Foreign nodes (no ontology label) and a
 * foreign relation type sit next to the graph; no read may walk into them and clear() must
 * leave them. (The memory store holds nothing foreign, so this is not in the shared contract.)
 */
function defineSharedDatabaseTests(name: string, config: Neo4jConfig, createStore: () => Promise<GraphStore>): void {
  describe(`Neo4j store in a shared database: ${name}`, () => {
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    let store: GraphStore;
    const run = async (cypher: string): Promise<number> => {
      const result = await driver.executeQuery(cypher, {}, { database: config.database });
      const value: unknown = result.records[0]?.get(0);
      return neo4j.isInt(value) ? value.toNumber() : 0;
    };

    beforeAll(async () => {
      store = await createStore();
      await store.clear();
      await store.mergeGraph(FIXTURE_GRAPH);
      await run(`
        MATCH (k:City {id: 'city:karachi'}), (m:City {id: 'city:mardan'})
        CREATE (k)-[:PART_OF]->(f:CitiesKgForeignTest {id: 'foreign:1'})<-[:PART_OF]-(m)
        CREATE (k)-[:CITIES_KG_FOREIGN_LINK]->(m)
        RETURN count(*)`);
    });
    afterAll(async () => {
      await run('MATCH (f:CitiesKgForeignTest) DETACH DELETE f RETURN count(*)');
      await store.close();
      await driver.close();
    });

    it('never returns foreign relations or nodes, and never takes a path through them', async () => {
      const relations = await store.getRelations({ nodeIds: ['city:karachi'], direction: 'BOTH' });
      const inFixture = new Set(FIXTURE_GRAPH.relations.map((relation) => relation.id));
      expect(relations.every((relation) => inFixture.has(relation.id))).toBe(true);
      await expect(store.countRelations({ nodeIds: ['city:karachi'], direction: 'BOTH' })).resolves.toBe(relations.length);
      // The foreign link would make it one hop, the foreign node two: the answer goes through Pakistan.
      const path = await store.shortestPath({ fromId: 'city:karachi', toId: 'city:mardan', maxHops: 4 });
      expect(path?.nodeIds).toEqual(['city:karachi', 'country:pk', 'city:mardan']);
      const subgraph = await store.subgraph({ ids: ['city:karachi'], depth: 2, direction: 'BOTH', limit: 100 });
      const known = new Set(FIXTURE_GRAPH.nodes.map((node) => node.id));
      expect(subgraph.nodes.every((entry) => known.has(entry.id))).toBe(true);
      expect(subgraph.relations.every((relation) => inFixture.has(relation.id))).toBe(true);
      const dump = await store.dumpGraph();
      expect(dump.relations.map((relation) => relation.id).sort()).toEqual([...inFixture].sort());
    });

    it('clear() removes the graph and leaves the foreign node', async () => {
      await store.clear();
      await expect(store.counts()).resolves.toMatchObject({ nodes: 0, relations: 0 });
      await expect(run('MATCH (f:CitiesKgForeignTest) RETURN count(f)')).resolves.toBe(1);
    });
  });
}

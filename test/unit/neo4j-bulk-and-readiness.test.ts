/**
 * The Neo4j adapter's long operations and readiness, with a recording transaction standing
 * in for the driver (TypeScript logic only: paging loops, caching, timeout classes, the
 * parameters sent). Whether Neo4j runs the Cypher is for the lint test and the contract
 * suite against a real Neo4j.
 */
import neo4j from 'neo4j-driver';
import type { NodeRecord } from '../../src/domain/graph-document';
import { NODE_LABELS, RELATION_TYPES } from '../../src/domain/ontology';
import { StoreUnavailableError } from '../../src/store/GraphStore';
import { INDEX_STATES, dumpPage, getRelations, mergeNodes, project } from '../../src/store/neo4j/cypher';
import { neo4jTimeouts } from '../../src/store/neo4j';
import { Neo4jGraphStore } from '../../src/store/neo4j/Neo4jGraphStore';
import { nodeToProperties } from '../../src/store/neo4j/node-properties';
import { requiredIndexNames } from '../../src/store/neo4j/schema-state';
import { RecordingSessions, recordingExecutor, type Answer } from './neo4j-recording-sessions';

const city = (id: string): NodeRecord => ({ id, label: 'City', kind: 'city', name: id, nameAr: 'مدينة', sources: [] });

const storeAnswering = (answer: Answer, batchSize = 2) => {
  const sessions = new RecordingSessions(answer);
  const executor = recordingExecutor(sessions, { transactionTimeoutMs: 5000, bulkTimeoutMs: 60000 });
  return { sessions, store: new Neo4jGraphStore(executor, { batchSize, close: async () => {} }) };
};

describe('timeouts in step with STORE_TIMEOUT_MS', () => {
  it('keeps request transactions and driver retries within the request wait, bulk work under NEO4J_TX_TIMEOUT_MS', () => {
    expect(neo4jTimeouts(10_000, 5_000)).toEqual({ requestTransactionMs: 5_000, bulkTransactionMs: 10_000, maxRetryMs: 5_000 });
    expect(neo4jTimeouts(2_000, 5_000)).toEqual({ requestTransactionMs: 2_000, bulkTransactionMs: 5_000, maxRetryMs: 5_000 });
    expect(neo4jTimeouts(10_000, undefined)).toEqual({ requestTransactionMs: 10_000, bulkTransactionMs: 10_000, maxRetryMs: 10_000 });
  });

  it('runs dump, project, merge and clear under the bulk timeout and request reads under the request timeout', async () => {
    const { sessions, store } = storeAnswering(
      (text) =>
        text.includes('DELETE')
          ? [{ deleted: neo4j.int(0) }]
          : text.startsWith('UNWIND $rows')
            ? [{ written: neo4j.int(1), created: neo4j.int(1), updated: neo4j.int(0) }]
            : [],
      500,
    );
    await store.dumpGraph();
    await store.project('ALL');
    await store.clear();
    await store.mergeGraph({ nodes: [city('city:a')], relations: [] });
    expect(new Set(sessions.runs.map((run) => run.config.timeout))).toEqual(new Set([60000]));
    await store.getRelations({ nodeIds: ['city:a'], direction: 'OUT' });
    expect(sessions.runs.at(-1)?.config.timeout).toBe(5000);
  });
});

describe('dumpGraph pages (TypeScript loop logic only, fake pages)', () => {
  it('pages every label by id until a page comes back short, and keeps each relation once', async () => {
    const cities = ['city:a', 'city:b', 'city:c'].map(city);
    const { sessions, store } = storeAnswering((text, parameters) => {
      if (text !== dumpPage('City').text) return [];
      const after = String(parameters['after']);
      return cities
        .filter((node) => node.id > after)
        .slice(0, 2)
        .map((node) => ({
          props: nodeToProperties(node),
          rels:
            node.id === 'city:b'
              ? [
                  {
                    relType: 'PART_OF',
                    fromId: 'city:b',
                    toId: 'city:a',
                    props: { id: 'city:b-PART_OF->city:a', sourceDocs: [], sourceQuotes: [] },
                  },
                ]
              : [{ relType: null, fromId: node.id, toId: null, props: null }],
        }));
    });
    const graph = await store.dumpGraph();
    expect(graph.nodes.map((node) => node.id)).toEqual(['city:a', 'city:b', 'city:c']);
    expect(graph.relations.map((relation) => relation.id)).toEqual(['city:b-PART_OF->city:a']);
    const cityPages = sessions.runsOf(dumpPage('City').text).map((run) => run.parameters['after']);
    expect(cityPages).toEqual(['', 'city:b']);
    // Every other label: one short (empty) page.
    expect(sessions.runs).toHaveLength(2 + NODE_LABELS.length - 1);
  });
});

describe('project cache (recording transaction)', () => {
  // ontology.ts projectionEventKinds: the API's analytics cache keys the projection the same way.
  it('builds one EXCHANGE projection for the same event kinds however they are asked', async () => {
    const { sessions, store } = storeAnswering(() => []);
    await store.project('EXCHANGE', { eventKinds: ['exchange', 'workshop', 'exchange'] });
    await store.project('EXCHANGE', { eventKinds: ['workshop', 'exchange'] });
    await store.project('EXCHANGE');
    await store.project('EXCHANGE', { eventKinds: ['exchange'] });
    expect(sessions.runsOf(project('EXCHANGE').text).map((run) => run.parameters['eventKinds'])).toEqual([
      ['workshop', 'exchange'],
      ['exchange'],
    ]);
  });

  it('builds a projection once until this store writes, then again', async () => {
    const { sessions, store } = storeAnswering((text) =>
      text.includes('DELETE')
        ? [{ deleted: neo4j.int(0) }]
        : text.startsWith('UNWIND $rows')
          ? [{ written: neo4j.int(1), created: neo4j.int(1), updated: neo4j.int(0) }]
          : [],
    );
    await store.project('ALL');
    await store.project('ALL');
    await store.project('PARTNERSHIP');
    expect(sessions.runsOf(project('ALL').text)).toHaveLength(1);
    await store.mergeGraph({ nodes: [city('city:a')], relations: [] });
    expect(sessions.runsOf(mergeNodes('City').text)).toHaveLength(1);
    await store.project('ALL');
    expect(sessions.runsOf(project('ALL').text)).toHaveLength(2);
    await store.clear();
    await store.project('ALL');
    expect(sessions.runsOf(project('ALL').text)).toHaveLength(3);
  });

  it('does not keep a failed build', async () => {
    let fail = true;
    const { sessions, store } = storeAnswering((text) => {
      if (text === project('ALL').text && fail) {
        fail = false;
        throw new Error('boom');
      }
      return [];
    });
    await expect(store.project('ALL')).rejects.toThrow('boom');
    await expect(store.project('ALL')).resolves.toEqual({ nodes: [], edges: [] });
    expect(sessions.runsOf(project('ALL').text)).toHaveLength(2);
  });
});

describe('readiness and the types a traversal follows (recording transaction)', () => {
  const online = (name: string) => ({
    name,
    type: 'RANGE',
    state: 'ONLINE',
    populationPercent: 100,
    labelsOrTypes: [],
    properties: [],
    owningConstraint: null,
  });

  it('ping answers when every needed index is ONLINE and fails as unavailable while one populates', async () => {
    const ready = storeAnswering((text) => (text === INDEX_STATES.text ? requiredIndexNames().map(online) : []));
    await expect(ready.store.ping()).resolves.toBeUndefined();
    const building = storeAnswering((text) =>
      text === INDEX_STATES.text
        ? requiredIndexNames().map((name) =>
            name === 'cities_kg_names_standard' ? { ...online(name), state: 'POPULATING', populationPercent: 7 } : online(name),
          )
        : [],
    );
    await expect(building.store.ping()).rejects.toThrow(StoreUnavailableError);
    await expect(building.store.ping()).rejects.toThrow(/cities_kg_names_standard is POPULATING \(7\.0%\)/u);
  });

  it('passes the ontology types when none are asked, never an empty list meaning "any relationship"', async () => {
    const { sessions, store } = storeAnswering((text) => (text.includes('AS total') ? [{ total: neo4j.int(0) }] : []));
    await store.getRelations({ nodeIds: ['city:a'], direction: 'BOTH' });
    await store.countRelations({ nodeIds: ['city:a'], direction: 'BOTH', types: [] });
    await store.getRelations({ nodeIds: ['city:a'], direction: 'OUT', types: ['PART_OF'] });
    expect(sessions.runs.map((run) => run.parameters['types'])).toEqual([RELATION_TYPES, RELATION_TYPES, ['PART_OF']]);
    expect(sessions.runs[2]?.text).toBe(getRelations('OUT').text);
  });
});

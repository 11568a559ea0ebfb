/**
 * Batching of `mergeGraph` and `clear` on the Neo4j adapter, checked with a recording
 * transaction (no Neo4j): how many round trips, with which rows, in which order, and what
 * is refused before anything is written. Whether Neo4j runs the statements is for the
 * contract suite (test/contract/neo4j-store.int.test.ts).
 */
import neo4j from 'neo4j-driver';
import type { GraphData, NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../../src/store/GraphStore';
import {
  CLEAR_IN_RELATIONS_BATCH,
  CLEAR_NODES_BATCH,
  CLEAR_OUT_RELATIONS_BATCH,
  FIND_NODE_LABELS,
  mergeNodes,
  mergeRelations,
} from '../../src/store/neo4j/cypher';
import { Neo4jGraphStore } from '../../src/store/neo4j/Neo4jGraphStore';
import { planMerge } from '../../src/store/neo4j/plan-merge';
import { RecordingSessions, recordingExecutor, type Answer } from './neo4j-recording-sessions';

const cite = [{ doc: 'doc:000', quote: 'a quote' }];

const city = (index: number): NodeRecord => ({
  id: `city:c${String(index).padStart(5, '0')}`,
  label: 'City',
  kind: 'city',
  name: `City ${index}`,
  nameAr: 'مدينة',
  population: 1000 + index,
  sources: cite,
});

const relation = (type: RelationRecord['type'], from: string, to: string): RelationRecord => ({
  type,
  from,
  to,
  id: relationId({ type, from, to }),
  confidence: 'STATED',
  sources: cite,
});

function rowsOf(parameters: Readonly<Record<string, unknown>>): readonly { readonly id: string }[] {
  const rows = parameters['rows'];
  if (!Array.isArray(rows)) throw new Error('statement was run without $rows');
  return rows as { id: string }[];
}

/** Answers like an empty database: nothing stored, every merged row created. */
const emptyDatabase =
  (stored: ReadonlyMap<string, string> = new Map()): Answer =>
  (text, parameters) => {
    if (text === FIND_NODE_LABELS.text) {
      const ids = parameters['ids'] as string[];
      return ids.filter((id) => stored.has(id)).map((id) => ({ id, label: stored.get(id) }));
    }
    if (text.startsWith('UNWIND $rows')) {
      const rows = rowsOf(parameters);
      // Counts come back as Neo4j Integers, as from a real server.
      return [
        {
          written: text.includes('collect(row.id)') ? rows.map((row) => row.id) : neo4j.int(rows.length),
          created: neo4j.int(rows.length),
          updated: neo4j.int(0),
        },
      ];
    }
    return [];
  };

function storeOn(sessions: RecordingSessions, batchSize = 500): Neo4jGraphStore {
  return new Neo4jGraphStore(recordingExecutor(sessions), { batchSize, close: async () => {} });
}

describe('mergeGraph batching (recording transaction)', () => {
  it('writes 1,234 nodes of one label in 3 round trips of 500, 500 and 234 rows, after a 3-batch pre-flight', async () => {
    const sessions = new RecordingSessions(emptyDatabase());
    const graph: GraphData = { nodes: Array.from({ length: 1234 }, (_, index) => city(index)), relations: [] };
    const progress: { done: number; total: number }[] = [];

    const summary = await storeOn(sessions).mergeGraph(graph, { onProgress: (step) => progress.push({ ...step }) });

    const preflight = sessions.runsOf(FIND_NODE_LABELS.text);
    expect(preflight.map((run) => (run.parameters['ids'] as string[]).length)).toEqual([500, 500, 234]);
    expect(preflight.every((run) => run.mode === 'read')).toBe(true);
    const writes = sessions.runsOf(mergeNodes('City').text);
    expect(writes.map((run) => rowsOf(run.parameters).length)).toEqual([500, 500, 234]);
    expect(writes.every((run) => run.mode === 'write' && run.database === 'kgtest')).toBe(true);
    expect(sessions.runs).toHaveLength(6);
    expect(progress).toEqual([
      { done: 500, total: 1234 },
      { done: 1000, total: 1234 },
      { done: 1234, total: 1234 },
    ]);
    expect(summary).toEqual({ nodesCreated: 1234, nodesUpdated: 0, relationsCreated: 0, relationsUpdated: 0 });
  });

  it('grows round trips with batches, not entities: 300 nodes under a batch size of 1,000 take one read and one write', async () => {
    const sessions = new RecordingSessions(emptyDatabase());
    const graph: GraphData = { nodes: Array.from({ length: 300 }, (_, index) => city(index)), relations: [] };
    await storeOn(sessions, 1000).mergeGraph(graph);
    expect(sessions.runs.map((run) => run.mode)).toEqual(['read', 'write']);
  });

  it('sends one statement per label and per (type, from label, to label), nodes first', async () => {
    const sessions = new RecordingSessions(emptyDatabase());
    const graph: GraphData = {
      nodes: [
        city(1),
        city(2),
        { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: cite },
        { id: 'person:p', label: 'Person', name: 'P', nameAr: 'ب', sources: cite },
        { id: 'org:o', label: 'Organization', kind: 'ngo', name: 'O', nameAr: 'و', sources: cite },
      ],
      relations: [
        relation('IN_COUNTRY', 'city:c00001', 'country:pk'),
        relation('IN_COUNTRY', 'city:c00002', 'country:pk'),
        relation('WORKS_FOR', 'person:p', 'city:c00001'),
        relation('WORKS_FOR', 'person:p', 'org:o'),
      ],
    };

    const summary = await storeOn(sessions).mergeGraph(graph);

    const writes = sessions.runs.filter((run) => run.mode === 'write').map((run) => run.text);
    expect(writes).toEqual([
      mergeNodes('City').text,
      mergeNodes('Country').text,
      mergeNodes('Person').text,
      mergeNodes('Organization').text,
      mergeRelations('IN_COUNTRY', 'City', 'Country').text,
      mergeRelations('WORKS_FOR', 'Person', 'Organization').text,
      mergeRelations('WORKS_FOR', 'Person', 'City').text,
    ]);
    const [inCountry] = sessions.runsOf(mergeRelations('IN_COUNTRY', 'City', 'Country').text);
    expect(rowsOf(inCountry?.parameters ?? {})).toEqual([
      {
        id: 'city:c00001-IN_COUNTRY->country:pk',
        from: 'city:c00001',
        to: 'country:pk',
        props: { id: 'city:c00001-IN_COUNTRY->country:pk', confidence: 'STATED', sourceDocs: ['doc:000'], sourceQuotes: ['a quote'] },
      },
      expect.objectContaining({ id: 'city:c00002-IN_COUNTRY->country:pk' }),
    ]);
    expect(summary).toEqual({ nodesCreated: 5, nodesUpdated: 0, relationsCreated: 4, relationsUpdated: 0 });
  });

  it('takes the label of a relation end that only the store holds from the pre-flight', async () => {
    const sessions = new RecordingSessions(emptyDatabase(new Map([['country:pk', 'Country']])));
    await storeOn(sessions).mergeGraph({ nodes: [city(1)], relations: [relation('IN_COUNTRY', 'city:c00001', 'country:pk')] });
    expect(sessions.runsOf(mergeRelations('IN_COUNTRY', 'City', 'Country').text)).toHaveLength(1);
  });

  it('refuses to relabel a stored node before writing anything', async () => {
    const sessions = new RecordingSessions(emptyDatabase(new Map([['city:c00001', 'Person']])));
    await expect(storeOn(sessions).mergeGraph({ nodes: [city(1)], relations: [] })).rejects.toBeInstanceOf(ConflictError);
    expect(sessions.runs.filter((run) => run.mode === 'write')).toEqual([]);
  });

  it('refuses a relation whose end is nowhere, or that the ontology forbids, before writing anything', async () => {
    const sessions = new RecordingSessions(emptyDatabase());
    const orphan = { nodes: [city(1)], relations: [relation('IN_COUNTRY', 'city:c00001', 'country:zz')] };
    await expect(storeOn(sessions).mergeGraph(orphan)).rejects.toBeInstanceOf(InvalidArgumentError);
    const wrongEnds = { nodes: [city(1), city(2)], relations: [relation('LEADS', 'city:c00001', 'city:c00002')] };
    await expect(storeOn(sessions).mergeGraph(wrongEnds)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(sessions.runs.filter((run) => run.mode === 'write')).toEqual([]);
  });

  it('vetoes a relation batch when an end vanished after the pre-flight', async () => {
    const base = emptyDatabase();
    const sessions = new RecordingSessions((text, parameters) =>
      text.includes('collect(row.id)') ? [{ written: [], created: neo4j.int(0), updated: neo4j.int(0) }] : base(text, parameters),
    );
    const graph = {
      nodes: [city(1), { id: 'country:pk', label: 'Country', name: 'P', nameAr: 'ب', code: 'PK', sources: cite } as const],
      relations: [relation('IN_COUNTRY', 'city:c00001', 'country:pk')],
    };
    await expect(storeOn(sessions).mergeGraph(graph)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('plans nothing for an empty graph', () => {
    expect(planMerge({ nodes: [], relations: [] }, new Map(), 500)).toEqual([]);
  });
});

describe('clear batching (recording transaction; TypeScript loop logic only)', () => {
  it('deletes relations out of, then into, our nodes, then the nodes, each in batches until one comes back short', async () => {
    const answers = new Map([
      [CLEAR_OUT_RELATIONS_BATCH.text, [500, 20]],
      [CLEAR_IN_RELATIONS_BATCH.text, [0]],
      [CLEAR_NODES_BATCH.text, [500, 500, 200]],
    ]);
    const sessions = new RecordingSessions((text) => [{ deleted: neo4j.int(answers.get(text)?.shift() ?? 0) }]);
    await expect(storeOn(sessions).clear()).resolves.toBe(1200);
    expect(sessions.runs.map((run) => run.text)).toEqual([
      CLEAR_OUT_RELATIONS_BATCH.text,
      CLEAR_OUT_RELATIONS_BATCH.text,
      CLEAR_IN_RELATIONS_BATCH.text,
      CLEAR_NODES_BATCH.text,
      CLEAR_NODES_BATCH.text,
      CLEAR_NODES_BATCH.text,
    ]);
    expect(sessions.runs.every((run) => run.mode === 'write' && neo4j.isInt(run.parameters['batchSize']))).toBe(true);
  });
});

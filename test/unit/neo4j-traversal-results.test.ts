/**
 * How the Neo4j adapter turns traversal rows into port results (ordering, scoring,
 * projections), and which statement each traversal picks, with a recording transaction.
 * Whether Neo4j computes the rows right is for the traversal contract against a real Neo4j.
 */
import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import type { NodeRecord } from '../../src/domain/graph-document';
import { CONFIDENCE_LEVELS, RELATION_TYPES } from '../../src/domain/ontology';
import {
  GET_NODES,
  SUBGRAPH_NODES,
  SUBGRAPH_START,
  findElementId,
  PEER_STEPS,
  project,
  SIMILAR_CITIES,
  shortestPath,
  subgraphStep,
} from '../../src/store/neo4j/cypher';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { Neo4jGraphStore } from '../../src/store/neo4j/Neo4jGraphStore';
import { expandByLevels } from '../../src/store/neo4j/subgraph-levels';
import { fromNeo4jRow } from '../../src/store/neo4j/neo4j-values';
import { nodeToProperties } from '../../src/store/neo4j/node-properties';
import {
  exchangeProjectionFromRows,
  pathFromRow,
  projectionFromRows,
  subgraphFromRows,
  suggestionsFromItems,
} from '../../src/store/neo4j/traversal-results';
import { graphArbitrary } from '../backup/graph-arbitrary';
import { RecordingSessions, recordingExecutor, type Answer } from './neo4j-recording-sessions';

const city = (id: string): NodeRecord => ({ id, label: 'City', kind: 'city', name: id, nameAr: 'مدينة', sources: [] });
const relationMap = (relType: string, fromId: string, toId: string) => ({
  relType,
  fromId,
  toId,
  props: { id: `${fromId}-${relType}->${toId}`, sourceDocs: [], sourceQuotes: [] },
});

const storeAnswering = (answer: Answer) => {
  const sessions = new RecordingSessions(answer);
  return { sessions, store: new Neo4jGraphStore(recordingExecutor(sessions), { batchSize: 500, close: async () => {} }) };
};

describe('traversal rows to port results', () => {
  it('searches peers breadth first over PEER_STEPS rows, one statement per hop, keeping only links to a closer peer', async () => {
    const step = (fromId: string, toId: string, eventId: string | null, personIds: string[] = []) => ({ fromId, toId, eventId, personIds });
    const stepsFrom: Record<string, ReturnType<typeof step>[]> = {
      'city:a': [step('city:a', 'city:c', 'event:x', ['person:mayor-of-a']), step('city:a', 'city:b', null)],
      'city:b': [step('city:b', 'city:a', null), step('city:b', 'country:d', 'event:z'), step('city:b', 'city:c', 'event:late')],
      'city:c': [step('city:c', 'city:a', 'event:x'), step('city:c', 'country:d', 'event:y')],
    };
    const { sessions, store } = storeAnswering((_text, parameters) => {
      const frontier = parameters['frontier'];
      return Array.isArray(frontier) ? frontier.flatMap((id: string) => stepsFrom[id] ?? []) : [];
    });
    await expect(store.peerNetwork({ cityId: 'city:a', maxHops: 3, eventKinds: ['exchange', 'exchange'] })).resolves.toEqual([
      { id: 'city:b', hops: 1, via: [], through: [], learnedFrom: true },
      { id: 'city:c', hops: 1, via: ['event:x'], through: ['person:mayor-of-a'], learnedFrom: false },
      { id: 'country:d', hops: 2, via: ['event:y', 'event:z'], through: [], learnedFrom: false },
    ]);
    expect(sessions.runs.map((run) => run.parameters['frontier'])).toEqual([['city:a'], ['city:b', 'city:c'], ['country:d']]);
    expect(sessions.runs.every((run) => run.text === PEER_STEPS.text)).toBe(true);
    expect(sessions.runs[0]?.parameters['eventKinds']).toEqual(['exchange']);
    expect(sessions.runs[0]?.parameters['attendingRoles']).not.toContain('showcased');
  });

  it('reads a path, and null when there is none', () => {
    const row = fromNeo4jRow({ nodeIds: ['city:a', 'country:pk'], rels: [relationMap('IN_COUNTRY', 'city:a', 'country:pk')] });
    expect(pathFromRow(row)).toEqual({
      nodeIds: ['city:a', 'country:pk'],
      relations: [
        { type: 'IN_COUNTRY', from: 'city:a', to: 'country:pk', id: 'city:a-IN_COUNTRY->country:pk', confidence: 'STATED', sources: [] },
      ],
    });
    expect(pathFromRow(undefined)).toBeNull();
  });

  it('orders a subgraph by (depth, id) and its relations by id, dropping the empty relation of a node with none', () => {
    const row = (id: string, rels: readonly object[]) => ({ label: 'City', id, name: `${id} name`, nameAr: 'مدينة', rels });
    const drawn = (relType: string, fromId: string, toId: string, confidence = 'STATED') => ({ relType, fromId, toId, confidence });
    const rows = [
      row('city:z', [drawn('PART_OF', 'city:z', 'city:m', 'INFERRED')]),
      row('city:b', [drawn('PART_OF', 'city:b', 'city:m')]),
      row('city:m', [{ relType: null, fromId: 'city:m', toId: null, confidence: null }]),
    ].map(fromNeo4jRow);
    const depths = new Map([
      ['city:m', 0],
      ['city:b', 1],
      ['city:z', 1],
    ]);
    const result = subgraphFromRows(rows, depths, true);
    expect(result.nodes).toEqual([
      { id: 'city:m', label: 'City', name: 'city:m name', nameAr: 'مدينة', depth: 0 },
      { id: 'city:b', label: 'City', name: 'city:b name', nameAr: 'مدينة', depth: 1 },
      { id: 'city:z', label: 'City', name: 'city:z name', nameAr: 'مدينة', depth: 1 },
    ]);
    expect(result.relations).toEqual([
      { id: 'city:b-PART_OF->city:m', type: 'PART_OF', from: 'city:b', to: 'city:m', confidence: 'STATED' },
      { id: 'city:z-PART_OF->city:m', type: 'PART_OF', from: 'city:z', to: 'city:m', confidence: 'INFERRED' },
    ]);
    expect(result.truncated).toBe(true);
    const unknown = [row('city:m', [drawn('PART_OF', 'city:m', 'city:m', 'SURE')])].map(fromNeo4jRow);
    expect(() => subgraphFromRows(unknown, depths, false)).toThrow(/unknown confidence "SURE"/);
  });

  // One SIMILAR_CITIES row: the asking city's items, each with every city holding it.
  const profileRow = (items: readonly { reason: string; value: string; holders: readonly string[] }[], linkedIds: readonly string[] = []) =>
    fromNeo4jRow({ cityCount: neo4j.int(10), linkedIds, items });

  it('pairs the asking city items with their holders and scores like the memory store: base weight × ln(1 + cities / holders)', () => {
    const row = profileRow([
      { reason: 'EVENT', value: 'event:e', holders: ['city:me', 'city:b', 'city:x', 'city:y'] },
      { reason: 'PARTNER', value: 'org:wb', holders: ['city:me', 'city:b'] },
      { reason: 'PROGRAMME_KIND', value: 'project', holders: ['city:a', 'city:me', 'city:z'] },
      {
        reason: 'MEMBERSHIP',
        value: 'org:scn',
        holders: ['city:c', 'city:me', 'city:1', 'city:2', 'city:3', 'city:4', 'city:5', 'city:6', 'city:7'],
      },
    ]);
    const round = (value: number): number => Math.round(value * 1000) / 1000;
    const partner = round(3 * Math.log(1 + 10 / 2));
    const event = round(2 * Math.log(1 + 10 / 4));
    const suggestions = suggestionsFromItems(row, 'city:me', 100)?.suggestions ?? [];
    expect(suggestions[0]).toEqual({
      cityId: 'city:b',
      score: round(partner + event),
      shared: [
        { reason: 'PARTNER', value: 'org:wb', holders: 2, weight: partner },
        { reason: 'EVENT', value: 'event:e', holders: 4, weight: event },
      ],
    });
    // Holders count the asking city too; it is never its own suggestion.
    expect(suggestions.map((suggestion) => suggestion.cityId)).not.toContain('city:me');
    expect(suggestions.find((suggestion) => suggestion.cityId === 'city:a')).toEqual({
      cityId: 'city:a',
      score: round(0.5 * Math.log(1 + 10 / 3)),
      shared: [{ reason: 'PROGRAMME_KIND', value: 'project', holders: 3, weight: round(0.5 * Math.log(1 + 10 / 3)) }],
    });
    expect(suggestions.find((suggestion) => suggestion.cityId === 'city:c')?.shared).toEqual([
      { reason: 'MEMBERSHIP', value: 'org:scn', holders: 9, weight: round(Math.log(1 + 10 / 9)) },
    ]);
    // Best first, then id; cut at first.
    expect(suggestionsFromItems(row, 'city:me', 3)?.suggestions.map((suggestion) => suggestion.cityId)).toEqual([
      'city:b',
      'city:x',
      'city:y',
    ]);
  });

  it('leaves out the linked cities the row names (parts, wholes, co-runners) and the peers the adapter excludes, without changing holder counts', () => {
    const row = profileRow(
      [
        { reason: 'COUNTRY', value: 'country:pk', holders: ['city:me', 'city:part', 'city:peer', 'city:other'] },
        { reason: 'ENDORSEMENT', value: 'decl:nyc', holders: ['city:me', 'city:corunner'] },
      ],
      ['city:part', 'city:corunner'],
    );
    expect(suggestionsFromItems(row, 'city:me', 100, new Set(['city:peer']))).toEqual({
      suggestions: [
        {
          cityId: 'city:other',
          score: Math.round(2 * Math.log(1 + 10 / 4) * 1000) / 1000,
          shared: [expect.objectContaining({ reason: 'COUNTRY', holders: 4 })],
        },
      ],
      // Part, peer, other and co-runner share an item; three of them are linked.
      itemCount: 2,
      candidateCount: 4,
      excludedCount: 3,
      emptyReason: null,
    });
  });

  // The three ways a list is empty, told apart from the row: no item, no other holder, every holder linked.
  it('says why there is no suggestion', () => {
    const none = { suggestions: [], candidateCount: 0, excludedCount: 0 };
    expect(suggestionsFromItems(profileRow([]), 'city:me', 10)).toEqual({ ...none, itemCount: 0, emptyReason: 'NO_SIGNALS' });
    const alone = profileRow([{ reason: 'COUNTRY', value: 'country:xk', holders: ['city:me'] }]);
    expect(suggestionsFromItems(alone, 'city:me', 10)).toEqual({ ...none, itemCount: 1, emptyReason: 'NOTHING_SHARED' });
    const linked = profileRow(
      [
        { reason: 'EVENT', value: 'event:x', holders: ['city:me', 'city:peer'] },
        { reason: 'COUNTRY', value: 'country:xk', holders: ['city:me', 'city:part'] },
      ],
      ['city:part'],
    );
    expect(suggestionsFromItems(linked, 'city:me', 10, new Set(['city:peer']))).toEqual({
      suggestions: [],
      itemCount: 2,
      candidateCount: 2,
      excludedCount: 2,
      emptyReason: 'ALL_CANDIDATES_EXCLUDED',
    });
  });

  it('answers null when there is no row (no such city), and refuses an unknown reason', () => {
    expect(suggestionsFromItems(undefined, 'city:me', 10)).toBeNull();
    expect(() =>
      suggestionsFromItems(profileRow([{ reason: 'GOSSIP', value: 'x', holders: ['city:me', 'city:b'] }]), 'city:me', 10),
    ).toThrow(/unknown shared reason/u);
  });

  it('pairs EXCHANGE attendance rows into a projection: one weight per shared event and per learning relation', () => {
    const rows = [
      { kind: 'attendance', source: 'city:a', sourceLabel: 'City', target: 'event:x', targetLabel: 'Event', personIds: [] },
      { kind: 'attendance', source: 'city:b', sourceLabel: 'City', target: 'event:x', targetLabel: 'Event', personIds: ['person:p'] },
      { kind: 'attendance', source: 'city:b', sourceLabel: 'City', target: 'event:y', targetLabel: 'Event', personIds: [] },
      {
        kind: 'attendance',
        source: 'city:a',
        sourceLabel: 'City',
        target: 'event:y',
        targetLabel: 'Event',
        personIds: ['person:q', 'person:r'],
      },
      { kind: 'attendance', source: 'city:e', sourceLabel: 'City', target: 'event:z', targetLabel: 'Event', personIds: [] },
      { kind: 'learning', source: 'country:c', sourceLabel: 'Country', target: 'city:a', targetLabel: 'City', personIds: [] },
    ].map(fromNeo4jRow);
    expect(exchangeProjectionFromRows(rows)).toEqual({
      nodes: [
        { id: 'city:a', label: 'City' },
        { id: 'city:b', label: 'City' },
        { id: 'city:e', label: 'City' },
        { id: 'country:c', label: 'Country' },
      ],
      edges: [
        { source: 'city:a', target: 'city:b', weight: 2 },
        { source: 'city:a', target: 'country:c', weight: 1 },
      ],
    });
  });

  it('builds a projection from node and edge rows, nodes and edges in id order', () => {
    const rows = [
      { kind: 'edge', source: 'city:b', sourceLabel: 'City', target: 'country:jo', targetLabel: 'Country', weight: neo4j.int(2) },
      { kind: 'node', source: 'city:a', sourceLabel: 'City', target: null, targetLabel: null, weight: neo4j.int(0) },
    ].map(fromNeo4jRow);
    expect(projectionFromRows(rows)).toEqual({
      nodes: [
        { id: 'city:a', label: 'City' },
        { id: 'city:b', label: 'City' },
        { id: 'country:jo', label: 'Country' },
      ],
      edges: [{ source: 'city:b', target: 'country:jo', weight: 2 }],
    });
  });
});

describe('which statement each traversal runs (recording transaction)', () => {
  it('builds the traversal for the asked bound, so Neo4j never searches further than asked', async () => {
    const { sessions, store } = storeAnswering((text, parameters) =>
      text.startsWith('MATCH (n:City {id: $id})') ? [{ elementId: `e-${String(parameters['id'])}` }] : [],
    );
    await store.shortestPath({ fromId: 'city:a', toId: 'city:b', maxHops: 4, types: ['PART_OF', 'PART_OF'] });
    await store.project('EXCHANGE');
    expect(sessions.runs.map((run) => run.text)).toEqual([
      findElementId('City').text,
      findElementId('City').text,
      shortestPath(4).text,
      project('EXCHANGE').text,
    ]);
    expect(sessions.runs[2]?.parameters).toEqual({ fromElementId: 'e-city:a', toElementId: 'e-city:b', types: ['PART_OF'] });
    expect(sessions.runs[3]?.parameters['eventKinds']).toEqual(['exchange']);
  });

  it('looks each end of a path up under the label its id names, and follows only ontology types when none are asked', async () => {
    const { sessions, store } = storeAnswering((text, parameters) =>
      text === shortestPath(3).text ? [] : [{ elementId: `e-${String(parameters['id'])}` }],
    );
    await store.shortestPath({ fromId: 'org:world-bank', toId: 'country:pk', maxHops: 3 });
    expect(sessions.runs.map((run) => run.text)).toEqual([
      findElementId('Organization').text,
      findElementId('Country').text,
      shortestPath(3).text,
    ]);
    expect(sessions.runs[2]?.parameters['types']).toEqual(RELATION_TYPES);
  });

  it('answers null without a path search when an end is missing or its id names no label', async () => {
    const { sessions, store } = storeAnswering(() => []);
    await expect(store.shortestPath({ fromId: 'city:a', toId: 'city:b', maxHops: 3 })).resolves.toBeNull();
    await expect(store.shortestPath({ fromId: 'nowhere', toId: 'city:b', maxHops: 3 })).resolves.toBeNull();
    expect(sessions.runs.map((run) => run.text)).toEqual([
      findElementId('City').text,
      findElementId('City').text,
      findElementId('City').text,
    ]);
  });

  it('refuses a path whose ends are other nodes than asked (an element id reused after a delete)', async () => {
    const { store } = storeAnswering((text) => {
      if (text.startsWith('MATCH (n:City')) return [{ elementId: 'e' }];
      return [{ nodeIds: ['city:x', 'city:b'], rels: [relationMap('PART_OF', 'city:x', 'city:b')] }];
    });
    await expect(store.shortestPath({ fromId: 'city:a', toId: 'city:b', maxHops: 3 })).resolves.toBeNull();
  });

  it('runs a subgraph level by level in one read transaction: start, one step per depth, then the kept nodes', async () => {
    const { sessions, store } = storeAnswering((text, parameters) => {
      if (text === SUBGRAPH_START.text) return [{ elementId: 'e-a', id: 'city:a' }];
      if (text === subgraphStep('IN').text) {
        const frontier = parameters['frontier'] as string[];
        return frontier.includes('e-a') ? [{ elementId: 'e-b', id: 'city:b' }] : [];
      }
      return [];
    });
    await store.subgraph({ ids: ['city:a', 'city:a'], depth: 3, direction: 'IN', limit: 50 });
    expect(sessions.opened).toBe(1);
    expect(sessions.runs.map((run) => run.text)).toEqual([
      SUBGRAPH_START.text,
      subgraphStep('IN').text,
      subgraphStep('IN').text,
      SUBGRAPH_NODES.text,
    ]);
    expect(sessions.runs[0]?.parameters['ids']).toEqual(['city:a']);
    expect(sessions.runs[1]?.parameters).toEqual({
      frontier: ['e-a'],
      visited: ['e-a'],
      room: neo4j.int(50),
      types: RELATION_TYPES,
      confidences: CONFIDENCE_LEVELS,
    });
    expect(sessions.runs[2]?.parameters).toEqual({
      frontier: ['e-b'],
      visited: ['e-a', 'e-b'],
      room: neo4j.int(49),
      types: RELATION_TYPES,
      confidences: CONFIDENCE_LEVELS,
    });
    expect(sessions.runs[3]?.parameters['kept']).toEqual(['e-a', 'e-b']);
  });

  it('asks for the similar cities of one city in one statement, from its own items, leaving out its peers', async () => {
    const { sessions, store } = storeAnswering((text) => {
      if (text === PEER_STEPS.text) return [{ fromId: 'city:me', toId: 'city:peer', eventId: 'event:x', personIds: [] }];
      if (text === SIMILAR_CITIES.text) {
        return [
          {
            cityCount: neo4j.int(5),
            linkedIds: [],
            items: [{ reason: 'PARTNER', value: 'org:wb', holders: ['city:me', 'city:peer', 'city:b'] }],
          },
        ];
      }
      return [];
    });
    const result = await store.similarCities({ cityId: 'city:me', first: 10 });
    const suggestions = result?.suggestions ?? [];
    expect(suggestions.map((suggestion) => suggestion.cityId)).toEqual(['city:b']);
    expect(result).toMatchObject({ candidateCount: 2, excludedCount: 1, emptyReason: null });
    expect(suggestions[0]?.shared).toEqual([expect.objectContaining({ reason: 'PARTNER', value: 'org:wb', holders: 3 })]);
    expect(sessions.runs.map((run) => run.text)).toEqual([PEER_STEPS.text, SIMILAR_CITIES.text]);
    expect(sessions.runs[1]?.parameters).toEqual({ cityId: 'city:me', attendingRoles: expect.any(Array) });
  });

  it('answers trivial traversals without asking for a path search', async () => {
    const { sessions, store } = storeAnswering((text) =>
      text === GET_NODES.text ? [{ label: 'City', props: nodeToProperties(city('city:a')) }] : [],
    );
    await expect(store.shortestPath({ fromId: 'city:a', toId: 'city:a', maxHops: 6 })).resolves.toEqual({
      nodeIds: ['city:a'],
      relations: [],
    });
    await expect(store.shortestPath({ fromId: 'city:a', toId: 'city:b', maxHops: 0 })).resolves.toBeNull();
    await expect(store.commonPartners({ ids: [] })).resolves.toEqual([]);
    await expect(store.subgraph({ ids: [], depth: 2, direction: 'BOTH', limit: 10 })).resolves.toEqual({
      nodes: [],
      relations: [],
      truncated: false,
    });
    expect(sessions.runs.map((run) => run.text)).toEqual([GET_NODES.text]);
  });
});

describe('the Neo4j subgraph loop follows the memory store rule (TypeScript loop logic only, fake steps)', () => {
  // The steps below compute one hop over the generated graph in TypeScript: this checks the
  // loop's levels, rooms and truncation, not that the Cypher of a step is right (the lint
  // test and the contract suite against Neo4j do that).
  it('keeps the same nodes at the same depths, and truncates alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphArbitrary.chain(({ graph }) =>
          fc.tuple(
            fc.constant(graph),
            fc.subarray(
              graph.nodes.map((node) => node.id),
              { minLength: Math.min(1, graph.nodes.length), maxLength: Math.min(3, graph.nodes.length) },
            ),
            fc.integer({ min: 0, max: 3 }),
            fc.integer({ min: 1, max: 10 }),
          ),
        ),
        async ([graph, ids, depth, limit]) => {
          const memory = new MemoryGraphStore();
          await memory.mergeGraph(graph);
          const expected = await memory.subgraph({ ids, depth, direction: 'BOTH', limit });
          const known = new Set(graph.nodes.map((node) => node.id));
          const reached = (list: Iterable<string>) => [...new Set(list)].sort().map((id) => ({ elementId: `e-${id}`, id }));
          const kept = await expandByLevels(
            { depth, limit },
            {
              start: async () => reached(ids.filter((id) => known.has(id))),
              step: async (frontier, visited, room) => {
                const from = new Set(frontier.map((element) => element.slice(2)));
                const seen = new Set(visited.map((element) => element.slice(2)));
                const next = graph.relations.flatMap((relation) => [
                  ...(from.has(relation.from) ? [relation.to] : []),
                  ...(from.has(relation.to) ? [relation.from] : []),
                ]);
                return reached(next.filter((id) => !seen.has(id))).slice(0, room);
              },
            },
          );
          expect({ nodes: kept.nodes.map((node) => [node.id, node.depth]), truncated: kept.truncated }).toEqual({
            nodes: expected.nodes.map((entry) => [entry.id, entry.depth]),
            truncated: expected.truncated,
          });
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

/**
 * Internal. Turns the rows of the traversal and analytics statements into the port's
 * results, with the same ordering, rounding and scoring as the memory store
 * (src/store/memory/traversal/), so both adapters give one answer. Pure: no IO.
 */
import { relationId, type RelationRecord } from '../../domain/graph-document';
import { CONFIDENCE_LEVELS, type NodeLabel } from '../../domain/ontology';
import type {
  CitySuggestionsResult,
  PartnerOverlapResult,
  PathResult,
  ProjectedGraph,
  SharedReason,
  SubgraphNode,
  SubgraphRelation,
  SubgraphResult,
} from '../GraphStore';
import { exchangeProjection, type PeerAttendance, type PeerLearning, type PeerStep } from '../peer-links';
import { REASONS, suggestionsFor, type SharedHolding } from '../similarity';
import { checkedLabel, checkedType } from './cypher';
import { isPlainMap, isStringList, type PlainMap, type PlainRow, type PlainValue } from './neo4j-values';
import { relationFromProperties } from './relation-properties';

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function stringOf(value: PlainValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`Neo4j row has no string for ${what}`);
  return value;
}

export function numberOf(value: PlainValue | undefined, what: string): number {
  if (typeof value !== 'number') throw new TypeError(`Neo4j row has no number for ${what}`);
  return value;
}

export function listOf(value: PlainValue | undefined, what: string): readonly PlainValue[] {
  if (!Array.isArray(value)) throw new TypeError(`Neo4j row has no list for ${what}`);
  return value;
}

function mapOf(value: PlainValue | undefined, what: string): PlainMap {
  if (!isPlainMap(value)) throw new TypeError(`Neo4j row has no map for ${what}`);
  return value;
}

function stringsOf(value: PlainValue | undefined, what: string): string[] {
  if (!isStringList(value)) throw new TypeError(`Neo4j row has no list of strings for ${what}`);
  return [...value];
}

/** A `{relType, fromId, toId, props}` map, as the statements return relations. */
export function relationFromMap(value: PlainValue | undefined): RelationRecord {
  const map = mapOf(value, 'relation');
  return relationFromProperties(
    checkedType(stringOf(map['relType'], 'relType')),
    stringOf(map['fromId'], 'fromId'),
    stringOf(map['toId'], 'toId'),
    map['props'],
  );
}

/** The rows of PEER_STEPS as the shared breadth-first search reads them. */
export function peerStepsFromRows(rows: readonly PlainRow[]): PeerStep[] {
  return rows.map((row) => {
    const eventId = row['eventId'];
    return {
      fromId: stringOf(row['fromId'], 'fromId'),
      toId: stringOf(row['toId'], 'toId'),
      eventId: eventId === null || eventId === undefined ? null : stringOf(eventId, 'eventId'),
      personIds: stringsOf(row['personIds'], 'personIds'),
    };
  });
}

export function pathFromRow(row: PlainRow | undefined): PathResult | null {
  if (row === undefined) return null;
  return {
    nodeIds: stringsOf(row['nodeIds'], 'nodeIds'),
    relations: listOf(row['rels'], 'rels').map(relationFromMap),
  };
}

export function overlapsFromRows(rows: readonly PlainRow[]): PartnerOverlapResult[] {
  // Already ordered and cut by the statement (score, Jaccard, shared count, ids); shared in partner id order.
  return rows.map((row) => {
    const weights = listOf(row['shared'], 'shared').map((value) => {
      const item = mapOf(value, 'shared partner');
      const weight = numberOf(item['weight'], 'weight');
      return {
        partnerId: stringOf(item['id'], 'id'),
        weight: Math.round(weight * 1e6) / 1e6,
        holders: numberOf(item['holders'], 'holders'),
      };
    });
    return {
      a: stringOf(row['programmeA'], 'programmeA'),
      b: stringOf(row['programmeB'], 'programmeB'),
      partnerIds: weights.map((item) => item.partnerId),
      jaccard: numberOf(row['jaccard'], 'jaccard'),
      score: numberOf(row['score'], 'score'),
      weights,
    };
  });
}

/** Rows of `SUBGRAPH_START` / `subgraphStep`: element id and id of each node reached. */
export function reachedFromRows(rows: readonly PlainRow[]): { readonly elementId: string; readonly id: string }[] {
  return rows.map((row) => ({ elementId: stringOf(row['elementId'], 'elementId'), id: stringOf(row['id'], 'id') }));
}

/** Rows of `SUBGRAPH_NODES` (one per kept node, with the relations it starts), with each node's depth. */
export function subgraphFromRows(rows: readonly PlainRow[], depthOf: ReadonlyMap<string, number>, truncated: boolean): SubgraphResult {
  const nodes = rows
    .map((row): SubgraphNode => {
      const id = stringOf(row['id'], 'id');
      const depth = depthOf.get(id);
      if (depth === undefined) throw new TypeError(`Neo4j returned subgraph node ${id} that was not kept`);
      const label = checkedLabel(stringOf(row['label'], 'label'));
      return { id, label, name: stringOf(row['name'], 'name'), nameAr: stringOf(row['nameAr'], 'nameAr'), depth };
    })
    .sort((a, b) => a.depth - b.depth || compareIds(a.id, b.id));
  const relations = rows
    .flatMap((row) => listOf(row['rels'], 'rels'))
    // OPTIONAL MATCH with no relation collects a map of nulls.
    .filter((value) => isPlainMap(value) && value['relType'] !== null)
    .map(subgraphRelationFromMap)
    .sort((a, b) => compareIds(a.id, b.id));
  return { nodes, relations, truncated };
}

/** A `{relType, fromId, toId, confidence}` map of `SUBGRAPH_NODES`. */
function subgraphRelationFromMap(value: PlainValue): SubgraphRelation {
  const map = mapOf(value, 'relation');
  const type = checkedType(stringOf(map['relType'], 'relType'));
  const from = stringOf(map['fromId'], 'fromId');
  const to = stringOf(map['toId'], 'toId');
  const stored = map['confidence'];
  const confidence = CONFIDENCE_LEVELS.find((level) => level === stored);
  if (confidence === undefined)
    throw new TypeError(`stored ${type} relation ${from} -> ${to} has an unknown confidence ${JSON.stringify(stored)}`);
  return { id: relationId({ type, from, to }), type, from, to, confidence };
}

function reasonOf(value: PlainValue | undefined): SharedReason {
  const found = REASONS.find((reason) => reason === value);
  if (found === undefined) throw new TypeError(`Neo4j row has an unknown shared reason ${JSON.stringify(value)}`);
  return found;
}

/**
 * Pairs and scores the SIMILAR_CITIES row as the memory store does (store/similarity.ts):
 * every holder of one of the asking city's items is a candidate sharing that item, weighed
 * by how many hold it; the asking city is dropped, its `linkedIds` and `excluded` (peers)
 * are counted as excluded. No row: the city does not exist (null).
 */
export function suggestionsFromItems(
  row: PlainRow | undefined,
  cityId: string,
  first: number,
  excluded: ReadonlySet<string> = new Set(),
): CitySuggestionsResult | null {
  if (row === undefined) return null;
  const cityCount = numberOf(row['cityCount'], 'cityCount');
  const linked = new Set([...stringsOf(row['linkedIds'], 'linkedIds'), ...excluded]);
  const items = listOf(row['items'], 'items');
  const sharedBy = new Map<string, SharedHolding[]>();
  for (const value of items) {
    const item = mapOf(value, 'profile item');
    const holders = stringsOf(item['holders'], 'holders');
    const holding: SharedHolding = { reason: reasonOf(item['reason']), value: stringOf(item['value'], 'value'), holders: holders.length };
    for (const holder of holders) {
      const shared = sharedBy.get(holder);
      if (shared) shared.push(holding);
      else sharedBy.set(holder, [holding]);
    }
  }
  const sharing = [...sharedBy].map(([candidate, shared]) => ({ cityId: candidate, shared }));
  return suggestionsFor(cityId, cityCount, items.length, sharing, linked, first);
}

/** The EXCHANGE projection rows (attendances and learning relations), paired as the memory store does. */
export function exchangeProjectionFromRows(rows: readonly PlainRow[]): ProjectedGraph {
  const attendances: PeerAttendance[] = [];
  const learnings: PeerLearning[] = [];
  for (const row of rows) {
    const source = stringOf(row['source'], 'source');
    const sourceLabel = checkedLabel(stringOf(row['sourceLabel'], 'sourceLabel'));
    const target = stringOf(row['target'], 'target');
    if (row['kind'] === 'learning') {
      learnings.push({
        fromId: source,
        fromLabel: sourceLabel,
        toId: target,
        toLabel: checkedLabel(stringOf(row['targetLabel'], 'targetLabel')),
      });
      continue;
    }
    const people = stringsOf(row['personIds'], 'personIds');
    // A direct attendance has a null person, which collect() drops: then the list is empty.
    if (people.length === 0) attendances.push({ peerId: source, peerLabel: sourceLabel, eventId: target, personId: null });
    for (const personId of people) attendances.push({ peerId: source, peerLabel: sourceLabel, eventId: target, personId });
  }
  return exchangeProjection(attendances, learnings);
}

export function projectionFromRows(rows: readonly PlainRow[]): ProjectedGraph {
  const nodes = new Map<string, NodeLabel>();
  const edges: { source: string; target: string; weight: number }[] = [];
  for (const row of rows) {
    const source = stringOf(row['source'], 'source');
    nodes.set(source, checkedLabel(stringOf(row['sourceLabel'], 'sourceLabel')));
    if (row['kind'] !== 'edge') continue;
    const target = stringOf(row['target'], 'target');
    nodes.set(target, checkedLabel(stringOf(row['targetLabel'], 'targetLabel')));
    edges.push({ source, target, weight: numberOf(row['weight'], 'weight') });
  }
  return {
    nodes: [...nodes].map(([id, label]) => ({ id, label })).sort((a, b) => compareIds(a.id, b.id)),
    edges: edges.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target)),
  };
}

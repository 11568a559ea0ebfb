/**
 * Internal. The relations among a subgraph's kept nodes, of the asked types and strong
 * enough, in order of their ids.
 *
 * Each relation lies in its start's OUT run, so the kept nodes' runs are read; what a run
 * entry holds (the other end, the type code, the row) is kept with the row, so ordering the
 * relations and building their answers reads no relation column but the confidence and
 * whether the id is stored. At a million relations those columns are scattered 4 MB
 * arrays: a read of one is a cache miss, and a subgraph found ~500 relations a call.
 */
import { CONFIDENCE_LEVELS, RELATION_TYPES } from '../../../domain/ontology';
import type { SubgraphRelation } from '../../GraphStore';
import { ALL_TYPES_MASK, ANY_CONFIDENCE, TYPE_COUNT, TYPE_ID_KEY } from '../codes';
import { firstAtLeast, float64At, growFloat64, growInt32, growUint8, int32At, itemAt, uint8At } from '../columns';
import type { OutAdjacency } from '../graph-index';
import { compareIds, type KnowledgeGraph } from '../knowledge-graph';
import type { NodeBits } from '../marks';

/**
 * A kept node whose OUT run is longer than this many times the kept nodes has its relations
 * among them found by searching its rank-ordered run for their ranks (a galloping search,
 * about log(run ÷ kept) steps a kept node), not by reading every entry: at a million
 * relations a subgraph that keeps a country read its 25,000 entries, some 13,000 a call on
 * average and a third of the call.
 */
const SEARCH_RUNS_LONGER_THAN = 4;

/** What the filters of one call are. */
export interface RelationFilter {
  /** Type codes followed, as a bit mask (ALL_TYPES_MASK: every type). */
  readonly mask: number;
  /** The weakest confidence code followed (ANY_CONFIDENCE: every one). */
  readonly weakest: number;
}

/** Relations found, with their ends, type code and sort key, in typed columns that grow by doubling. */
class FoundRelations {
  rows: Int32Array<ArrayBuffer>;
  froms: Int32Array<ArrayBuffer>;
  tos: Int32Array<ArrayBuffer>;
  types: Uint8Array<ArrayBuffer>;
  /** Each relation's idOrderKey. */
  keys: Float64Array<ArrayBuffer>;
  count = 0;

  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
    this.froms = new Int32Array(capacity);
    this.tos = new Int32Array(capacity);
    this.types = new Uint8Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  push(row: number, from: number, to: number, type: number, key: number): void {
    const at = this.count;
    if (at === this.rows.length) {
      this.rows = growInt32(this.rows, at + 1);
      this.froms = growInt32(this.froms, at + 1);
      this.tos = growInt32(this.tos, at + 1);
      this.types = growUint8(this.types, at + 1);
      this.keys = growFloat64(this.keys, at + 1);
    }
    this.rows[at] = row;
    this.froms[at] = from;
    this.tos[at] = to;
    this.types[at] = type;
    this.keys[at] = key;
    this.count = at + 1;
  }
}

/** The relations among the nodes of `order` that pass `filter`, in id order. */
export function relationsAmong(graph: KnowledgeGraph, order: Int32Array, filter: RelationFilter): SubgraphRelation[] {
  const found = graph.nodeBits().during((kept) => {
    for (const node of order) kept.add(node);
    return findAmong(graph, order, kept, filter);
  });
  return answersInIdOrder(graph, found);
}

/** The relations among the nodes of `order` (the set `kept`) that pass `filter`, as found. */
function findAmong(graph: KnowledgeGraph, order: Int32Array, kept: NodeBits, filter: RelationFilter): FoundRelations {
  const { out, rank, nodeCount } = graph.index();
  const { offsets, neighbours, relations: rows, types } = out;
  const { mask, weakest } = filter;
  const confidences = graph.relations.confidences;
  const found = new FoundRelations(order.length * 2);
  let keptRanks: Int32Array | undefined;
  for (const node of order) {
    const start = int32At(offsets, node);
    const end = int32At(offsets, node + 1);
    const fromRank = int32At(rank, node);
    if (end - start > SEARCH_RUNS_LONGER_THAN * order.length) {
      keptRanks ??= ranksInOrder(rank, order);
      relationsToRanks(graph, out, node, start, end, keptRanks, filter, found);
      continue;
    }
    for (let k = start; k < end; k += 1) {
      const to = int32At(neighbours, k);
      const type = uint8At(types, k);
      if (
        kept.has(to) &&
        (mask === ALL_TYPES_MASK || (mask >>> type) & 1) &&
        (weakest === ANY_CONFIDENCE || uint8At(confidences, int32At(rows, k)) <= weakest)
      ) {
        found.push(int32At(rows, k), node, to, type, idOrderKey(fromRank, type, int32At(rank, to), nodeCount));
      }
    }
  }
  return found;
}

/**
 * (from rank, the type's place in id order, to rank) as one integer: derived ids
 * (`from-TYPE->to`) order as these keys, but for the prefix case idsInOrder checks.
 */
function idOrderKey(fromRank: number, typeCode: number, toRank: number, nodeCount: number): number {
  return (fromRank * TYPE_COUNT + int32At(TYPE_ID_KEY, typeCode)) * nodeCount + toRank;
}

/** The id ranks of `nodes`, ascending. */
function ranksInOrder(rank: Int32Array, nodes: Int32Array): Int32Array {
  const ranks = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i += 1) ranks[i] = int32At(rank, int32At(nodes, i));
  return ranks.sort();
}

/**
 * Adds the relations of `from`'s OUT run `start … end` whose other end has one of `targets`
 * (ascending ranks) and that pass the filter, in the run's rank order (entries of one other
 * end keep their type and write order, as in the unranked run).
 */
function relationsToRanks(
  graph: KnowledgeGraph,
  out: OutAdjacency,
  from: number,
  start: number,
  end: number,
  targets: Int32Array,
  { mask, weakest }: RelationFilter,
  found: FoundRelations,
): void {
  const { ranked, rankedTypes, rankedConfidences, rankedRelations } = out;
  const { order, rank, nodeCount } = graph.index();
  const fromRank = int32At(rank, from);
  let at = start;
  for (let i = 0; i < targets.length && at < end; i += 1) {
    const target = int32At(targets, i);
    at = firstAtLeast(ranked, at, end, target);
    for (; at < end && int32At(ranked, at) === target; at += 1) {
      const type = uint8At(rankedTypes, at);
      if ((mask === ALL_TYPES_MASK || (mask >>> type) & 1) && (weakest === ANY_CONFIDENCE || uint8At(rankedConfidences, at) <= weakest)) {
        found.push(int32At(rankedRelations, at), from, int32At(order, target), type, idOrderKey(fromRank, type, target, nodeCount));
      }
    }
  }
}

/**
 * The found relations in order of their id strings, mostly without comparing strings:
 * derived ids (`from-TYPE->to`) order as their keys except where one node id is the
 * other's prefix followed by a hyphen, so they are sorted by key and then checked between
 * neighbours (RelationTable.idsInOrder, no id built); a sort by strings runs only if that
 * check fails (such ids, or ids not derived).
 */
function answersInIdOrder(graph: KnowledgeGraph, found: FoundRelations): SubgraphRelation[] {
  const { keys, count } = found;
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i += 1) positions[i] = i;
  // Ties keep their found order, as a stable sort would. The comparator answers small
  // integers: the difference of two keys is a double V8 would allocate per comparison.
  positions.sort((a, b) => {
    const x = float64At(keys, a);
    const y = float64At(keys, b);
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const { nodes, relations } = graph;
  const sortedRows = new Int32Array(count);
  const sortedFroms = new Int32Array(count);
  const answers = new Array<SubgraphRelation>(count);
  for (let i = 0; i < count; i += 1) {
    const at = int32At(positions, i);
    const row = int32At(found.rows, at);
    const from = int32At(found.froms, at);
    const to = int32At(found.tos, at);
    const type = uint8At(found.types, at);
    sortedRows[i] = row;
    sortedFroms[i] = from;
    answers[i] = {
      id: relations.idOfParts(row, from, type, to),
      type: itemAt(RELATION_TYPES, type),
      from: nodes.idOf(from),
      to: nodes.idOf(to),
      confidence: itemAt(CONFIDENCE_LEVELS, relations.confidenceOf(row)),
    };
  }
  return relations.idsInOrder(sortedRows, sortedFroms) ? answers : answers.sort((a, b) => compareIds(a.id, b.id));
}

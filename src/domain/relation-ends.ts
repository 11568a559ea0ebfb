/**
 * Internal. What validateGraph found out about a graph it accepted, kept for a store to
 * reuse: where each relation's ends are in `graph.nodes`. A store that writes a million
 * relations would otherwise look two million ends up by id again, which the validator has
 * just done. Kept beside the graph (a weak map keyed by the graph object), not in it, so
 * GraphData stays plain data and a graph made any other way simply has none.
 *
 * The positions hold for the graph as validateGraph returned it (GraphData is read-only);
 * every relation of such a graph has the id `relationId` derives.
 */
import type { GraphData } from './graph-document';

export interface RelationEnds {
  /** Per relation of `graph.relations`, the position of its `from` node in `graph.nodes`. */
  readonly from: Int32Array;
  /** The same for its `to` node. */
  readonly to: Int32Array;
}

const known = new WeakMap<GraphData, RelationEnds>();

export function rememberRelationEnds(graph: GraphData, ends: RelationEnds): void {
  known.set(graph, ends);
}

/** The ends validateGraph found for `graph`, if it made this graph. */
export function relationEndsOf(graph: GraphData): RelationEnds | undefined {
  const ends = known.get(graph);
  return ends && ends.from.length === graph.relations.length && ends.to.length === graph.relations.length ? ends : undefined;
}

/**
 * Internal. Relay-style connections for lists the API slices itself (relations of a node):
 * cursors are the same opaque id cursors the stores issue, ordered like the list.
 */
import { decodeCursor, encodeCursor } from '../store/cursor';
import type { CityNode } from '../domain/graph-document';
import { InvalidArgumentError, type NodePage } from '../store/GraphStore';

/** Mutable arrays: the shape codegen's resolver types expect. */
export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page of `items` (already in order) after the item whose key the cursor names. */
export function sliceConnection<T>(items: readonly T[], keyOf: (item: T) => string, first: number, after?: string | null): Connection<T> {
  let start = 0;
  if (after) {
    const afterKey = decodeCursor(after);
    const index = items.findIndex((item) => keyOf(item) === afterKey);
    if (index < 0) throw new InvalidArgumentError(`after: cursor ${JSON.stringify(after)} does not point into this list`);
    start = index + 1;
  }
  const page = items.slice(start, start + first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount: items.length,
    edges,
    pageInfo: { hasNextPage: start + first < items.length, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** A store page of cities as a connection; the store's cursors are already id cursors. */
export function cityConnection(page: NodePage): Connection<CityNode> {
  const cities = page.nodes.filter((node): node is CityNode => node.label === 'City');
  return {
    totalCount: page.totalCount,
    edges: cities.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}

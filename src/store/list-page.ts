/**
 * Internal. Ordering and cursors of the filtered list queries, shared by both stores: an
 * ID-ordered cursor is the plain id cursor (cursor.ts); any other order's cursor holds the
 * last row's sort key and id, so the next page starts after that pair.
 */
import type { NodeRecord } from '../domain/graph-document';
import { decodeCursor, encodeCursor } from './cursor';
import { InvalidArgumentError, type NodePage } from './GraphStore';
import type { ListOrder } from './list-filters';

export type SortKey = string | number;

export interface Position {
  readonly key: SortKey;
  readonly id: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether counts order highest first (reach orders) or keys ascend (ID, NAME). */
export const isDescending = (order: ListOrder): boolean => order === 'PROGRAMMES' || order === 'CITIES' || order === 'COUNTRIES';

export function comparePositions(order: ListOrder, a: Position, b: Position): number {
  if (order !== 'ID') {
    const byKey = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareText(String(a.key), String(b.key));
    if (byKey !== 0) return isDescending(order) ? -byKey : byKey;
  }
  return compareText(a.id, b.id);
}

export function encodeListCursor(order: ListOrder, position: Position): string {
  return order === 'ID' ? encodeCursor(position.id) : encodeCursor(JSON.stringify([position.key, position.id]));
}

export function decodeListCursor(order: ListOrder, cursor: string): Position {
  const decoded = decodeCursor(cursor);
  if (order === 'ID') return { key: decoded, id: decoded };
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
    const [key, id] = parsed as [unknown, string];
    if ((isDescending(order) && typeof key === 'number') || (order === 'NAME' && typeof key === 'string')) return { key, id };
  }
  throw new InvalidArgumentError(
    `cursor ${JSON.stringify(cursor)} was not issued for orderBy ${order}; pass a pageInfo.endCursor of this query`,
  );
}

/** One page of rows already filtered: sorted, cut after the cursor, with the total. */
export function pageOf<Row extends Position>(
  order: ListOrder,
  rows: readonly Row[],
  first: number,
  after: string | null | undefined,
  recordOf: (row: Row) => NodeRecord,
): NodePage {
  const sorted = [...rows].sort((a, b) => comparePositions(order, a, b));
  const start = after ? decodeListCursor(order, after) : undefined;
  const rest = start ? sorted.filter((row) => comparePositions(order, row, start) > 0) : sorted;
  const page = rest.slice(0, first);
  const cursors = page.map((row) => encodeListCursor(order, row));
  return {
    // Only the page's records are read: a store may hold the rest as rows, not objects.
    nodes: page.map(recordOf),
    totalCount: rows.length,
    endCursor: cursors[cursors.length - 1] ?? null,
    hasNextPage: rest.length > first,
    cursors,
  };
}

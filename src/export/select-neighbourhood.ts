/**
 * Public. The neighbourhood of some nodes for an export: every node within `depth` relations
 * of a given one (either direction), and every relation between two such nodes. Written over
 * the store port alone (`getNodes`, `getRelations`), one batched call per hop, so it works
 * on both adapters and does not depend on the API's traversal code.
 */
import type { GraphData, RelationRecord } from '../domain/graph-document';
import { isNodeId } from '../domain/ontology';
import { InvalidArgumentError, MAX_PAGE_SIZE, NotFoundError, type GraphStore } from '../store/GraphStore';

/** Same bound as the `subgraph` query's depth. */
export const MAX_EXPORT_DEPTH = 6;
/** Same bound as every id list of the API. */
export const MAX_EXPORT_IDS = MAX_PAGE_SIZE;

function checkSelection(ids: readonly string[], depth: number): void {
  if (ids.length === 0) throw new InvalidArgumentError('ids is empty; give at least one node id, e.g. ids=city:karachi');
  if (ids.length > MAX_EXPORT_IDS) throw new InvalidArgumentError(`ids holds ${ids.length} ids; the bound is ${MAX_EXPORT_IDS}`);
  const malformed = ids.find((id) => !isNodeId(id));
  if (malformed !== undefined) {
    throw new InvalidArgumentError(
      `ids: ${JSON.stringify(malformed.slice(0, 100))} is not a node id; ids look like "city:karachi" or "person:murtaza-wahab"`,
    );
  }
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_EXPORT_DEPTH) {
    throw new InvalidArgumentError(`depth must be between 0 and ${MAX_EXPORT_DEPTH}, got ${depth}`);
  }
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Throws `InvalidArgumentError` for a malformed id or a bound exceeded, `NotFoundError` for
 * an id no node has. Nodes and relations come back ordered by id, like `dumpGraph()`.
 */
export async function selectNeighbourhood(store: GraphStore, ids: readonly string[], depth: number): Promise<GraphData> {
  checkSelection(ids, depth);
  const roots = [...new Set(ids)];
  const rootNodes = await store.getNodes(roots);
  const missing = roots.filter((_id, index) => rootNodes[index] === null);
  if (missing.length > 0) throw new NotFoundError(`no node has the id ${missing.map((id) => JSON.stringify(id)).join(', ')}`);

  const reached = new Set(roots);
  const relations = new Map<string, RelationRecord>();
  let frontier = roots;
  for (let hop = 1; hop <= depth && frontier.length > 0; hop += 1) {
    const next: string[] = [];
    for (const relation of await store.getRelations({ nodeIds: frontier, direction: 'BOTH' })) {
      relations.set(relation.id, relation);
      for (const end of [relation.from, relation.to]) {
        if (!reached.has(end)) {
          reached.add(end);
          next.push(end);
        }
      }
    }
    frontier = next;
  }
  // Relations between two nodes of the outermost ring (or between the roots at depth 0)
  // were never fetched: one more call keeps the selection an induced subgraph.
  if (frontier.length > 0) {
    for (const relation of await store.getRelations({ nodeIds: frontier, direction: 'BOTH' })) {
      if (reached.has(relation.from) && reached.has(relation.to)) relations.set(relation.id, relation);
    }
  }

  const nodes = (await store.getNodes([...reached])).filter((node) => node !== null);
  return { nodes: nodes.sort(byId), relations: [...relations.values()].sort(byId) };
}

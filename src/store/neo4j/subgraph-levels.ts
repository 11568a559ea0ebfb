/**
 * Internal. The level-by-level loop of the Neo4j subgraph, apart from IO so that its
 * truncation rule can be unit-tested: the same rule as the memory store's
 * (src/store/memory/traversal/subgraph.ts). Levels in (depth, id) order; each next level
 * asks only for as many nodes as there is room for, plus one to tell that the cut happened.
 */
import type { SubgraphQuery } from '../GraphStore';

export interface ReachedNode {
  readonly elementId: string;
  readonly id: string;
}

export interface LevelSteps {
  /** The start nodes that exist, by id. */
  start(): Promise<readonly ReachedNode[]>;
  /** One hop from `frontier`, leaving out `visited`, the `room` smallest ids (element ids in and out). */
  step(frontier: readonly string[], visited: readonly string[], room: number): Promise<readonly ReachedNode[]>;
}

export interface KeptNodes {
  readonly nodes: readonly (ReachedNode & { readonly depth: number })[];
  readonly truncated: boolean;
}

export async function expandByLevels(query: Pick<SubgraphQuery, 'depth' | 'limit'>, steps: LevelSteps): Promise<KeptNodes> {
  const kept: (ReachedNode & { depth: number })[] = [];
  let level = await steps.start();
  let truncated = false;
  for (let depth = 0; level.length > 0; depth += 1) {
    const room = query.limit - kept.length;
    if (level.length > room) {
      level = level.slice(0, room);
      truncated = true;
    }
    for (const node of level) kept.push({ ...node, depth });
    if (truncated || depth === query.depth) break;
    level = await steps.step(
      level.map((node) => node.elementId),
      kept.map((node) => node.elementId),
      query.limit - kept.length + 1,
    );
    if (kept.length === query.limit && level.length > 0) {
      truncated = true;
      break;
    }
  }
  return { nodes: kept, truncated };
}

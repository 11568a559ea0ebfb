/**
 * Internal. One shortest undirected path by two-ended breadth-first search with a hop cap
 * (graphology-shortest-path follows edge direction and has no cap). Deterministic: each
 * node's relations are visited in id order and ties go to the smaller meeting node id.
 */
import type { RelationRecord } from '../../../domain/graph-document';
import type { PathResult, ShortestPathQuery } from '../../GraphStore';
import { compareIds, otherEnd, relationsAt, typeSet, type KnowledgeGraph } from '../knowledge-graph';

interface Step {
  readonly previous: string | null;
  readonly relation: RelationRecord | null;
  readonly depth: number;
}

/** One end's search: how each reached node was reached, and the current level. */
interface SearchSide {
  readonly steps: Map<string, Step>;
  frontier: string[];
  depth: number;
}

function startAt(id: string): SearchSide {
  return { steps: new Map([[id, { previous: null, relation: null, depth: 0 }]]), frontier: [id], depth: 0 };
}

/** The nodes and relations from `end` back to the side's start. */
function walkBack(side: SearchSide, end: string): { nodes: string[]; relations: RelationRecord[] } {
  const nodes = [end];
  const relations: RelationRecord[] = [];
  let step = side.steps.get(end);
  while (step && step.previous !== null && step.relation !== null) {
    relations.push(step.relation);
    nodes.push(step.previous);
    step = side.steps.get(step.previous);
  }
  return { nodes, relations };
}

export function shortestPath(graph: KnowledgeGraph, query: ShortestPathQuery): PathResult | null {
  const { fromId, toId } = query;
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return null;
  if (fromId === toId) return { nodeIds: [fromId], relations: [] };
  const types = typeSet(query.types);
  const forward = startAt(fromId);
  const backward = startAt(toId);

  while (forward.frontier.length > 0 && backward.frontier.length > 0 && forward.depth + backward.depth < query.maxHops) {
    // Expand the smaller frontier: the two searches meet having touched fewer nodes.
    const [side, opposite] = forward.frontier.length <= backward.frontier.length ? [forward, backward] : [backward, forward];
    const next: string[] = [];
    const meetings: { node: string; length: number }[] = [];
    for (const node of side.frontier) {
      const relations = relationsAt(graph, node, 'BOTH', types).sort((a, b) => compareIds(a.id, b.id));
      for (const relation of relations) {
        const neighbour = otherEnd(relation, node);
        if (side.steps.has(neighbour)) continue;
        side.steps.set(neighbour, { previous: node, relation, depth: side.depth + 1 });
        next.push(neighbour);
        const met = opposite.steps.get(neighbour);
        if (met) meetings.push({ node: neighbour, length: side.depth + 1 + met.depth });
      }
    }
    side.depth += 1;
    side.frontier = next.sort(compareIds);
    const meeting = meetings.sort((a, b) => a.length - b.length || compareIds(a.node, b.node))[0];
    if (meeting) {
      const head = walkBack(forward, meeting.node);
      const tail = walkBack(backward, meeting.node);
      return {
        nodeIds: [...head.nodes.reverse(), ...tail.nodes.slice(1)],
        relations: [...head.relations.reverse(), ...tail.relations],
      };
    }
  }
  return null;
}

/**
 * Public. The computations a worker thread runs (`worker.ts`), as plain data that crosses
 * threads by structured clone, and the one function that runs each. The heavy work of a
 * request — ForceAtlas2, betweenness, PageRank, Louvain — goes through here so that it never
 * runs on the event loop.
 */
import type { NodeLabel } from '../domain/ontology';
import type { ProjectedGraph } from '../store/GraphStore';
import { centrality, type CentralityMetric, type CentralityScore } from './centrality';
import { communities, type CommunityResult } from './communities';
import { layoutPositions, type LayoutKind } from './layout';

export type AnalyticsTask =
  | {
      readonly kind: 'layout';
      readonly nodeIds: readonly string[];
      readonly edges: readonly { readonly source: string; readonly target: string }[];
      readonly layout: LayoutKind;
    }
  | {
      readonly kind: 'centrality';
      readonly projection: ProjectedGraph;
      readonly metric: CentralityMetric;
      readonly label: NodeLabel;
      /** How many of the best to keep. */
      readonly first: number;
    }
  | { readonly kind: 'communities'; readonly projection: ProjectedGraph };

/** What each task answers. */
export interface AnalyticsResults {
  readonly layout: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly centrality: readonly CentralityScore[];
  readonly communities: readonly CommunityResult[];
}

export type AnalyticsResult = AnalyticsResults[AnalyticsTask['kind']];

export function runTask(task: AnalyticsTask): AnalyticsResult {
  switch (task.kind) {
    case 'layout':
      return layoutPositions(task.nodeIds, task.edges, task.layout);
    case 'centrality':
      return centrality(task.projection, task.metric, task.label, task.first);
    case 'communities':
      return communities(task.projection);
  }
}

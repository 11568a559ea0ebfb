/**
 * Public. The cost model of analytics: how much work each call does, counted in the steps of
 * its algorithm over the graph it runs on, and what that work takes at the measured rate of
 * each algorithm (nanoseconds per step, measured on the reference machine, 2 cores, Node 20;
 * `npm run bench:analytics` prints the store walks' rates at 10k to 1M relations). The API adds up an operation's calls before running any and
 * refuses the operation when the total passes MAX_ANALYTICS_COST (README, Limits).
 *
 * Steps: ForceAtlas2 compares every pair of nodes and pulls every edge, once per iteration;
 * Brandes' betweenness walks the whole graph from every node (V·(V+E)); PageRank sweeps the
 * graph once per iteration; Louvain, degree, a circle and the store's walks are linear, but
 * sharedPartners over every programme also compares every pair of programmes.
 */
import { FORCEATLAS2_ITERATIONS, type LayoutKind } from './layout';
import type { CentralityMetric } from './centrality';

/** How big a graph (or a projection) is. */
export interface GraphSize {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * Building a whole-graph projection in the store, on the event loop, before the algorithm
 * runs in a worker: ALL links the ends of every relation, PARTNERSHIP reads every relation
 * row for its partner relations (`relations`: the graph's). EXCHANGE is built to be sized,
 * so its cost is already paid when it is estimated.
 */
export interface ProjectionBuild {
  readonly projection: 'ALL' | 'PARTNERSHIP';
  readonly relations: number;
}

export type AnalyticsCall =
  /** A subgraph walk of at most `size` (nodes capped by `limit`), laid out with `layout`. */
  | { readonly kind: 'subgraph'; readonly size: GraphSize; readonly layout: LayoutKind }
  | { readonly kind: 'centrality'; readonly metric: CentralityMetric; readonly size: GraphSize; readonly build?: ProjectionBuild }
  | { readonly kind: 'communities'; readonly size: GraphSize; readonly build?: ProjectionBuild }
  /**
   * Partner overlaps of every programme pair: a walk over the graph for the partners, then
   * every pair of the `programmes` compared (quadratic: 4,000 programmes are 8M pairs).
   */
  | { readonly kind: 'sharedPartners'; readonly size: GraphSize; readonly programmes: number }
  /** Peer suggestions for one city (a store walk over the graph). */
  | { readonly kind: 'similarCities'; readonly size: GraphSize };

/** Measured nanoseconds per step of each algorithm (see `bench/analytics/`). */
export const NS_PER_STEP = {
  forceAtlas2: 30,
  circular: 600,
  betweenness: 300,
  pagerank: 200,
  degree: 1_000,
  louvain: 40_000,
  subgraphWalk: 8_000,
  sharedPartners: 300,
  programmePair: 2_000,
  projectAll: 10_000,
  projectPartnership: 2_000,
  similarCities: 6_000,
} as const;

export type Algorithm = keyof typeof NS_PER_STEP;

/** PageRank's iteration cap (graphology-metrics' default). */
const PAGERANK_ITERATIONS = 100;

/** The algorithms a call runs and the steps of each. */
export function stepsOf(call: AnalyticsCall): readonly { readonly algorithm: Algorithm; readonly steps: number }[] {
  const { nodes, edges } = call.size;
  const linear = nodes + edges;
  switch (call.kind) {
    case 'subgraph': {
      const walk = { algorithm: 'subgraphWalk' as const, steps: linear };
      if (call.layout === 'FORCEATLAS2') {
        return [walk, { algorithm: 'forceAtlas2', steps: FORCEATLAS2_ITERATIONS * ((nodes * (nodes - 1)) / 2 + edges) }];
      }
      return call.layout === 'CIRCULAR' ? [walk, { algorithm: 'circular', steps: nodes }] : [walk];
    }
    case 'centrality':
      return [...buildSteps(call.build), ...centralitySteps(call.metric, nodes, linear)];
    case 'communities':
      return [...buildSteps(call.build), { algorithm: 'louvain', steps: linear }];
    case 'sharedPartners':
      return [
        { algorithm: 'sharedPartners', steps: linear },
        { algorithm: 'programmePair', steps: (call.programmes * (call.programmes - 1)) / 2 },
      ];
    case 'similarCities':
      return [{ algorithm: 'similarCities', steps: linear }];
  }
  return [];
}

function buildSteps(build: ProjectionBuild | undefined): { algorithm: Algorithm; steps: number }[] {
  if (build === undefined) return [];
  return [{ algorithm: build.projection === 'ALL' ? 'projectAll' : 'projectPartnership', steps: build.relations }];
}

function centralitySteps(metric: CentralityMetric, nodes: number, linear: number): { algorithm: Algorithm; steps: number }[] {
  switch (metric) {
    case 'BETWEENNESS':
      return [{ algorithm: 'betweenness', steps: nodes * linear }];
    case 'PAGERANK':
      return [{ algorithm: 'pagerank', steps: PAGERANK_ITERATIONS * linear }];
    case 'DEGREE':
      return [{ algorithm: 'degree', steps: linear }];
  }
}

/** The estimated milliseconds of work of one call. */
export function estimatedMs(call: AnalyticsCall): number {
  return stepsOf(call).reduce((total, { algorithm, steps }) => total + (steps * NS_PER_STEP[algorithm]) / 1e6, 0);
}

/**
 * Public. The analytics of the API: what a resolver asks for (a layout, centrality,
 * communities, partner overlaps, peer suggestions) answered off the event loop in the
 * worker pool, each computation under ANALYTICS_TIMEOUT_MS and all of one request's under
 * ANALYTICS_REQUEST_BUDGET_MS, and answers that depend only on the graph computed once per
 * graph generation (`GenerationCache`: a curated change empties it). The pool's errors are
 * turned into the API's codes here, the one place that knows them.
 */
import type { CentralityMetric, CentralityScore } from '../analytics/centrality';
import type { CommunityResult } from '../analytics/communities';
import type { GraphSize } from '../analytics/cost';
import { GenerationCache, type CacheStats } from '../analytics/generation-cache';
import type { LayoutKind } from '../analytics/layout';
import type { AnalyticsResults, AnalyticsTask } from '../analytics/tasks';
import { AnalyticsBusyError, AnalyticsTimeoutError, type AnalyticsPool } from '../analytics/worker-pool';
import type { AnalyticsLimits } from '../config';
import { PARTNER_RELATION_TYPES, projectionEventKinds, type EventKind, type NodeLabel } from '../domain/ontology';
import { ErrorCode, ServiceError } from '../errors';
import type {
  CitySuggestionsResult,
  GraphCounts,
  GraphStore,
  PartnerOverlapResult,
  ProjectedGraph,
  Projection,
  SharedPartnersQuery,
} from '../store/GraphStore';

/** Answers held per generation: projections, rankings, communities, overlaps, suggestions. @default */
export const ANALYTICS_CACHE_ENTRIES = 256;

export interface AnalyticsOptions {
  /** The store as requests see it (bounded by STORE_TIMEOUT_MS). */
  readonly store: GraphStore;
  readonly pool: AnalyticsPool;
  readonly limits: AnalyticsLimits;
  /** The graph's generation (the curation service's; constant on a read-only server). */
  readonly generation: () => number;
}

/** One per server: the pool and the cache every request shares. */
export class Analytics {
  readonly cache: GenerationCache;

  constructor(readonly options: AnalyticsOptions) {
    this.cache = new GenerationCache(ANALYTICS_CACHE_ENTRIES, options.generation);
  }

  /** The analytics of one request, with its own time budget from now. */
  forRequest(): RequestAnalytics {
    return new RequestAnalytics(this, Date.now() + this.options.limits.requestBudgetMs);
  }

  stats(): CacheStats & ReturnType<AnalyticsPool['stats']> {
    return { ...this.cache.stats(), ...this.options.pool.stats() };
  }
}

export class RequestAnalytics {
  constructor(
    private readonly shared: Analytics,
    /** Epoch ms by which every computation of this request must be done. */
    readonly deadline: number,
  ) {}

  private get store(): GraphStore {
    return this.shared.options.store;
  }

  private cached<V>(key: string, compute: () => Promise<V>): Promise<V> {
    return this.shared.cache.get(key, compute);
  }

  /** The graph's counts, by label and type. */
  counts(): Promise<GraphCounts> {
    return this.cached('counts', () => this.store.counts());
  }

  /** Nodes and relations of the whole graph. */
  async graphSize(): Promise<GraphSize> {
    const counts = await this.counts();
    return { nodes: counts.nodes, edges: counts.relations };
  }

  /**
   * How big a projection is, for the cost limit, without building it when the counts bound it
   * well: a whole-graph (ALL) or PARTNERSHIP projection has at most the graph's nodes and
   * one edge per (partner) relation, so at a million relations it is refused from the counts
   * instead of after seconds of building. EXCHANGE edges follow from events, not counts: that
   * projection is built (from the peer facts the peer network reads too) and measured.
   */
  async projectionSizeBound(kind: Projection, eventKinds?: readonly EventKind[]): Promise<GraphSize> {
    if (kind === 'EXCHANGE') return this.projectionSize(kind, eventKinds);
    const counts = await this.counts();
    if (kind === 'ALL') return { nodes: counts.nodes, edges: counts.relations };
    const edges = PARTNER_RELATION_TYPES.reduce((sum, type) => sum + counts.byType[type], 0);
    return { nodes: Math.min(counts.nodes, 2 * edges), edges };
  }

  /** A projection; EXCHANGE links peers through events of `eventKinds` (default: the ontology's peer kinds). */
  projection(kind: Projection, eventKinds?: readonly EventKind[]): Promise<ProjectedGraph> {
    const kinds = projectionEventKinds(kind, eventKinds);
    return this.cached(`projection:${kind}:${kinds.join(',')}`, () => this.store.project(kind, { eventKinds: kinds }));
  }

  async projectionSize(kind: Projection, eventKinds?: readonly EventKind[]): Promise<GraphSize> {
    const projection = await this.projection(kind, eventKinds);
    return { nodes: projection.nodes.length, edges: projection.edges.length };
  }

  /** The `first` most central nodes of `label`; the whole ranking is computed once per generation. */
  async centrality(
    kind: Projection,
    metric: CentralityMetric,
    label: NodeLabel,
    first: number,
    eventKinds?: readonly EventKind[],
  ): Promise<readonly CentralityScore[]> {
    const kinds = projectionEventKinds(kind, eventKinds);
    const ranking = await this.cached(`centrality:${kind}:${kinds.join(',')}:${metric}:${label}`, async () =>
      this.run({ kind: 'centrality', projection: await this.projection(kind, kinds), metric, label, first: Number.MAX_SAFE_INTEGER }),
    );
    return ranking.slice(0, first);
  }

  communities(kind: Projection, eventKinds?: readonly EventKind[]): Promise<readonly CommunityResult[]> {
    const kinds = projectionEventKinds(kind, eventKinds);
    return this.cached(`communities:${kind}:${kinds.join(',')}`, async () =>
      this.run({ kind: 'communities', projection: await this.projection(kind, kinds) }),
    );
  }

  /** Positions of a subgraph's nodes (none for NONE); computed for each request, its nodes being its own. */
  async layout(
    nodeIds: readonly string[],
    edges: readonly { readonly source: string; readonly target: string }[],
    layout: LayoutKind,
  ): Promise<AnalyticsResults['layout']> {
    if (layout === 'NONE' || nodeIds.length === 0) return new Map();
    return this.run({ kind: 'layout', nodeIds, edges, layout });
  }

  /** Overlaps over every programme are kept per generation; among given programmes they are asked each time. */
  sharedPartners(query: SharedPartnersQuery): Promise<readonly PartnerOverlapResult[]> {
    if (query.programmeIds !== undefined) return this.store.sharedPartners(query);
    return this.cached(`sharedPartners:${query.minShared}:${query.first}`, () => this.store.sharedPartners(query));
  }

  similarCities(query: { readonly cityId: string; readonly first: number }): Promise<CitySuggestionsResult | null> {
    return this.cached(`similarCities:${query.cityId}:${query.first}`, () => this.store.similarCities(query));
  }

  /** One task in the pool, within this request's budget; the pool's refusals as the API's codes. */
  private async run<T extends AnalyticsTask>(task: T): Promise<AnalyticsResults[T['kind']]> {
    const { limits, pool } = this.shared.options;
    try {
      return await pool.run(task, { timeoutMs: limits.timeoutMs, deadline: this.deadline });
    } catch (error) {
      if (error instanceof AnalyticsTimeoutError) {
        throw new ServiceError(
          ErrorCode.ANALYTICS_TIMEOUT,
          `${error.message} (ANALYTICS_TIMEOUT_MS ${limits.timeoutMs}, ANALYTICS_REQUEST_BUDGET_MS ${limits.requestBudgetMs}); ask for less, or retry`,
        );
      }
      if (error instanceof AnalyticsBusyError) throw new ServiceError(ErrorCode.SERVICE_UNAVAILABLE, `${error.message}; retry shortly`);
      throw error;
    }
  }
}

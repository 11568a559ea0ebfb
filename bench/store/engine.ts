/**
 * What a store benchmark engine does: load the graph, then answer the four questions. Each
 * answer comes back as a fingerprint (answers.ts) the parent compares across engines.
 */
import type { GraphData } from '../../src/domain/graph-document';
import type { Answer } from './answers';

export interface LoadReport {
  /** Anything done before the timed load that the other engine does not do (Kuzu: CSV files). */
  readonly prepareMs?: number;
}

export interface Engine {
  readonly name: 'memory' | 'kuzu';
  /** Work before the timed load (untimed, but reported). */
  prepare(graph: GraphData): Promise<LoadReport>;
  load(graph: GraphData): Promise<void>;
  /** Peers within `maxHops` through exchange events: rows `id:hops`. */
  peerNetwork(cityId: string, maxHops: number): Promise<Answer>;
  /** Length of a shortest undirected path over every type within 6 hops, or -1. */
  shortestPath(fromId: string, toId: string): Promise<Answer>;
  /** Programme pairs sharing partners: rows `a|b|shared`. */
  sharedPartners(programmeIds: readonly string[]): Promise<Answer>;
  /** Node ids of the depth-2 neighbourhood, first 500 by (depth, id). */
  subgraph(id: string): Promise<Answer>;
  close(): Promise<void>;
}

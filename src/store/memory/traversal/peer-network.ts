/**
 * Internal. Peer network: breadth first over the peer links of the ontology (events of the
 * asked kinds attended directly or through a person, LEARNED_FROM), by the search shared
 * with the Neo4j store (store/peer-links.ts) over the facts gathered once per read index.
 */
import type { PeerNetworkQuery, PeerResult } from '../../GraphStore';
import { searchPeers, stepsOf } from '../../peer-links';
import type { KnowledgeGraph } from '../knowledge-graph';
import { attendancesAround, learningsAround, peerFacts } from './peer-facts';

export async function peerNetwork(graph: KnowledgeGraph, query: PeerNetworkQuery): Promise<PeerResult[]> {
  if (!graph.has(query.cityId)) return [];
  const facts = peerFacts(graph);
  return searchPeers(query, async (frontier) =>
    stepsOf(frontier, attendancesAround(facts, frontier, query.eventKinds), learningsAround(facts, frontier)),
  );
}

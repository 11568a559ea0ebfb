/**
 * Internal. The peer-link rules of the ontology (ontology.ts, "one definition of a peer
 * link") turned into answers, shared by both stores so they cannot disagree: each store
 * only reads the facts (attendances, learning relations) and these functions do the rest.
 */
import type { NodeLabel } from '../domain/ontology';
import type { PeerNetworkQuery, PeerResult, ProjectedGraph } from './GraphStore';

/** One link out of a peer: an event both attended, or a LEARNED_FROM relation (`eventId` null). */
export interface PeerStep {
  readonly fromId: string;
  readonly toId: string;
  readonly eventId: string | null;
  /** People through whom either end attended the event (roll-up); empty for direct attendance. */
  readonly personIds: readonly string[];
}

/** A peer at an event: directly (`personId` null) or through a person who leads or works for it. */
export interface PeerAttendance {
  readonly peerId: string;
  readonly peerLabel: NodeLabel;
  readonly eventId: string;
  readonly personId: string | null;
}

/** A LEARNED_FROM relation between two peers. */
export interface PeerLearning {
  readonly fromId: string;
  readonly fromLabel: NodeLabel;
  readonly toId: string;
  readonly toLabel: NodeLabel;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Reached {
  readonly hops: number;
  readonly via: Set<string>;
  readonly through: Set<string>;
  learnedFrom: boolean;
}

/**
 * Breadth first from `query.cityId`, one call of `stepsFrom` per hop (the frontier's links).
 * A peer at hop k has a link to a peer at hop k-1; its `via`, `through` and `learnedFrom`
 * gather every such link (never links to peers as far as itself or farther).
 */
export async function searchPeers(
  query: PeerNetworkQuery,
  stepsFrom: (frontier: readonly string[]) => Promise<readonly PeerStep[]>,
): Promise<PeerResult[]> {
  const reached = new Map<string, Reached>([[query.cityId, { hops: 0, via: new Set(), through: new Set(), learnedFrom: false }]]);
  let frontier = [query.cityId];
  for (let hop = 1; hop <= query.maxHops && frontier.length > 0; hop += 1) {
    const next: string[] = [];
    for (const step of await stepsFrom(frontier)) {
      if (reached.get(step.fromId)?.hops !== hop - 1) continue;
      let peer = reached.get(step.toId);
      if (peer === undefined) {
        peer = { hops: hop, via: new Set(), through: new Set(), learnedFrom: false };
        reached.set(step.toId, peer);
        next.push(step.toId);
      }
      if (peer.hops !== hop) continue;
      if (step.eventId === null) peer.learnedFrom = true;
      else peer.via.add(step.eventId);
      for (const person of step.personIds) peer.through.add(person);
    }
    frontier = next.sort(compare);
  }
  reached.delete(query.cityId);
  return [...reached]
    .map(([id, peer]) => ({
      id,
      hops: peer.hops,
      via: [...peer.via].sort(compare),
      through: [...peer.through].sort(compare),
      learnedFrom: peer.learnedFrom,
    }))
    .sort((a, b) => a.hops - b.hops || compare(a.id, b.id));
}

/**
 * The links out of `frontier` given the attendances of the events they attended (all their
 * co-attendees' attendances included) and their learning relations.
 */
export function stepsOf(
  frontier: readonly string[],
  attendances: readonly PeerAttendance[],
  learnings: readonly PeerLearning[],
): PeerStep[] {
  const starts = new Set(frontier);
  const byEvent = new Map<string, Map<string, Set<string>>>();
  for (const attendance of attendances) {
    const peers = byEvent.get(attendance.eventId) ?? new Map<string, Set<string>>();
    byEvent.set(attendance.eventId, peers);
    const people = peers.get(attendance.peerId) ?? new Set<string>();
    peers.set(attendance.peerId, people);
    if (attendance.personId !== null) people.add(attendance.personId);
  }
  const steps: PeerStep[] = [];
  for (const [eventId, peers] of byEvent) {
    for (const [fromId, fromPeople] of peers) {
      if (!starts.has(fromId)) continue;
      for (const [toId, toPeople] of peers) {
        if (toId !== fromId) steps.push({ fromId, toId, eventId, personIds: [...new Set([...fromPeople, ...toPeople])] });
      }
    }
  }
  for (const learning of learnings) {
    if (learning.fromId === learning.toId) continue;
    if (starts.has(learning.fromId)) steps.push({ fromId: learning.fromId, toId: learning.toId, eventId: null, personIds: [] });
    if (starts.has(learning.toId)) steps.push({ fromId: learning.toId, toId: learning.fromId, eventId: null, personIds: [] });
  }
  return steps;
}

/**
 * The EXCHANGE projection: every peer that attended an event of the kinds or learned from
 * (or taught) another peer; each pair weighted by the events both attended plus the
 * LEARNED_FROM relations between them.
 */
export function exchangeProjection(attendances: readonly PeerAttendance[], learnings: readonly PeerLearning[]): ProjectedGraph {
  const labels = new Map<string, NodeLabel>();
  const byEvent = new Map<string, Set<string>>();
  for (const attendance of attendances) {
    labels.set(attendance.peerId, attendance.peerLabel);
    const peers = byEvent.get(attendance.eventId) ?? new Set<string>();
    peers.add(attendance.peerId);
    byEvent.set(attendance.eventId, peers);
  }
  const weights = new Map<string, { source: string; target: string; weight: number }>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    const [source, target] = compare(a, b) < 0 ? [a, b] : [b, a];
    const key = `${source}\u0000${target}`;
    const edge = weights.get(key) ?? { source, target, weight: 0 };
    edge.weight += 1;
    weights.set(key, edge);
  };
  for (const peers of byEvent.values()) {
    const list = [...peers];
    list.forEach((a, i) => {
      for (const b of list.slice(i + 1)) link(a, b);
    });
  }
  for (const learning of learnings) {
    labels.set(learning.fromId, learning.fromLabel);
    labels.set(learning.toId, learning.toLabel);
    link(learning.fromId, learning.toId);
  }
  return {
    nodes: [...labels].map(([id, label]) => ({ id, label })).sort((a, b) => compare(a.id, b.id)),
    edges: [...weights.values()].sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target)),
  };
}

/**
 * Internal. The facts the peer-link rules read (ontology.ts, "one definition of a peer
 * link"), gathered once per read index: every peer attendance of every event (direct, or
 * rolled up through a person who LEADS or WORKS_FOR a city) and every LEARNED_FROM
 * relation between peers. Shared by peerNetwork, the EXCHANGE projection and similarCities.
 */
import {
  isAttendingRole,
  PEER_LABELS,
  PEER_LEARNING_RELATION_TYPE,
  ROLL_UP_RELATION_TYPES,
  type EventKind,
} from '../../../domain/ontology';
import type { PeerAttendance, PeerLearning } from '../../peer-links';
import { LABEL_CODE, TYPE_CODE, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import type { GraphIndex } from '../graph-index';
import { forEachRelation, type KnowledgeGraph } from '../knowledge-graph';

export interface PeerFacts {
  /** Attendances by event id. */
  readonly byEvent: ReadonlyMap<string, readonly PeerAttendance[]>;
  /** Attendances by peer id. */
  readonly byPeer: ReadonlyMap<string, readonly PeerAttendance[]>;
  /** The kind of each attended event. */
  readonly kindOf: ReadonlyMap<string, string>;
  /** Learning relations by either end's id. */
  readonly learningsOf: ReadonlyMap<string, readonly PeerLearning[]>;
  readonly learnings: readonly PeerLearning[];
}

const PEER_CODES = new Set(PEER_LABELS.map((label) => LABEL_CODE[label]));
const ROLL_UP_MASK = typeMask(typeCodes(ROLL_UP_RELATION_TYPES));
const PARTICIPATED = TYPE_CODE.PARTICIPATED_IN;
const LEARNED = TYPE_CODE[PEER_LEARNING_RELATION_TYPE];
const PERSON = LABEL_CODE.Person;
const CITY = LABEL_CODE.City;
const EVENT = LABEL_CODE.Event;

const cache = new WeakMap<GraphIndex, PeerFacts>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function peerFacts(graph: KnowledgeGraph): PeerFacts {
  const index = graph.index();
  const cached = cache.get(index);
  if (cached) return cached;
  const nodes = graph.nodes;
  const labels = nodes.labels;
  const table = graph.relations;
  const byEvent = new Map<string, PeerAttendance[]>();
  const byPeer = new Map<string, PeerAttendance[]>();
  const kindOf = new Map<string, string>();
  const learningsOf = new Map<string, PeerLearning[]>();
  const learnings: PeerLearning[] = [];
  const attend = (peer: number, event: number, person: number | null): void => {
    const attendance: PeerAttendance = {
      peerId: nodes.idOf(peer),
      peerLabel: nodes.labelOf(peer),
      eventId: nodes.idOf(event),
      personId: person === null ? null : nodes.idOf(person),
    };
    push(byEvent, attendance.eventId, attendance);
    push(byPeer, attendance.peerId, attendance);
  };
  for (let row = 0; row < table.rows; row += 1) {
    const type = uint8At(table.types, row);
    const from = table.fromOf(row);
    const to = table.toOf(row);
    if (type === LEARNED) {
      if (!PEER_CODES.has(uint8At(labels, from)) || !PEER_CODES.has(uint8At(labels, to)) || from === to) continue;
      const learning = { fromId: nodes.idOf(from), fromLabel: nodes.labelOf(from), toId: nodes.idOf(to), toLabel: nodes.labelOf(to) };
      learnings.push(learning);
      push(learningsOf, learning.fromId, learning);
      push(learningsOf, learning.toId, learning);
      continue;
    }
    if (type !== PARTICIPATED || uint8At(labels, to) !== EVENT) continue;
    const participant = uint8At(labels, from);
    if (!PEER_CODES.has(participant) && participant !== PERSON) continue;
    // The role and the event's kind are read from their columns: decoding a million
    // relation records (each with its derived id) and their events was most of the build.
    if (!isAttendingRole(table.stringOf(row, 'role'))) continue;
    const kind = int32At(nodes.kinds, to);
    if (kind >= 0) kindOf.set(nodes.idOf(to), graph.strings.at(kind));
    if (participant !== PERSON) attend(from, to, null);
    else {
      forEachRelation(index, from, 'OUT', ROLL_UP_MASK, (place) => {
        if (uint8At(labels, place) === CITY) attend(place, to, from);
      });
    }
  }
  const facts: PeerFacts = { byEvent, byPeer, kindOf, learningsOf, learnings };
  cache.set(index, facts);
  return facts;
}

/** The attendances of events of the given kinds, all of them (the EXCHANGE projection). */
export function attendancesOfKinds(facts: PeerFacts, eventKinds: readonly EventKind[]): PeerAttendance[] {
  const kinds = new Set<string>(eventKinds);
  const found: PeerAttendance[] = [];
  for (const [eventId, attendances] of facts.byEvent) if (kinds.has(facts.kindOf.get(eventId) ?? '')) found.push(...attendances);
  return found;
}

/** Every attendance of the events of the given kinds that any of `peers` attended. */
export function attendancesAround(facts: PeerFacts, peers: readonly string[], eventKinds: readonly EventKind[]): PeerAttendance[] {
  const kinds = new Set<string>(eventKinds);
  const events = new Set<string>();
  for (const peer of peers) {
    for (const attendance of facts.byPeer.get(peer) ?? []) {
      if (kinds.has(facts.kindOf.get(attendance.eventId) ?? '')) events.add(attendance.eventId);
    }
  }
  return [...events].flatMap((event) => facts.byEvent.get(event) ?? []);
}

/** The learning relations touching any of `peers`, each once. */
export function learningsAround(facts: PeerFacts, peers: readonly string[]): PeerLearning[] {
  return [...new Set(peers.flatMap((peer) => facts.learningsOf.get(peer) ?? []))];
}

/**
 * Internal. Suggested peers: every city's profile (what it holds, by reason: partners and
 * memberships by the partner routes, events attended with roll-up, commitments illustrated,
 * declarations endorsed for it, its country, its programme kinds) is read once per read
 * index; a suggestion is scored from the items the asking city shares with a candidate, by
 * rarity (store/similarity.ts). Left out: the city itself, its parts and wholes (PART_OF),
 * cities it is peer-linked with (default kinds) and cities running one of its programmes —
 * counted as excluded when they share an item, so an empty answer can say why.
 */
import { DEFAULT_PEER_EVENT_KINDS } from '../../../domain/ontology';
import type { CitySuggestionsResult, SharedReason } from '../../GraphStore';
import { stepsOf } from '../../peer-links';
import { REASONS, suggestionsFor, type SharedHolding, type SuggestionCandidate } from '../../similarity';
import type { GraphIndex } from '../graph-index';
import { otherEnd, relationsAt, type KnowledgeGraph } from '../knowledge-graph';
import { routesFrom } from './partners';
import { attendancesAround, learningsAround, peerFacts } from './peer-facts';

type Profile = Readonly<Record<SharedReason, ReadonlySet<string>>>;

interface Profiles {
  readonly byCity: ReadonlyMap<string, Profile>;
  /** How many cities hold each `reason|value`. */
  readonly holders: ReadonlyMap<string, number>;
}

const cache = new WeakMap<GraphIndex, Profiles>();
const RUNS = new Set(['RUNS', 'TAKES_PART_IN'] as const);

function profileOf(graph: KnowledgeGraph, cityId: string, endorsed: ReadonlyMap<string, Set<string>>): Profile {
  const partners = new Set<string>();
  const memberships = new Set<string>();
  for (const { partnerId, route } of routesFrom(graph, cityId)) {
    const partner = graph.record(partnerId);
    const network = partner.label === 'Organization' && partner.kind === 'network';
    (network || route.type === 'MEMBER_OF' ? memberships : partners).add(partnerId);
  }
  for (const membership of memberships) partners.delete(membership);
  const commitments = new Set(relationsAt(graph, cityId, 'OUT', new Set(['ADVANCES'])).map((relation) => relation.to));
  const kinds = new Set<string>();
  for (const runs of relationsAt(graph, cityId, 'OUT', RUNS)) {
    const programme = graph.record(runs.to);
    if (programme.label !== 'Programme') continue;
    kinds.add(programme.kind);
    for (const advances of relationsAt(graph, runs.to, 'OUT', new Set(['ADVANCES']))) commitments.add(advances.to);
  }
  const events = new Set((peerFacts(graph).byPeer.get(cityId) ?? []).map((attendance) => attendance.eventId));
  const countries = new Set(relationsAt(graph, cityId, 'OUT', new Set(['IN_COUNTRY'])).map((relation) => relation.to));
  return {
    PARTNER: partners,
    MEMBERSHIP: memberships,
    EVENT: events,
    COMMITMENT: commitments,
    ENDORSEMENT: endorsed.get(cityId) ?? new Set(),
    COUNTRY: countries,
    PROGRAMME_KIND: kinds,
  };
}

function profiles(graph: KnowledgeGraph): Profiles {
  const index = graph.index();
  const cached = cache.get(index);
  if (cached) return cached;
  // Declarations endorsed for each city (ENDORSED carries the city as forCity).
  const endorsed = new Map<string, Set<string>>();
  for (const declaration of index.byLabel.Declaration) {
    const declarationId = graph.nodes.idOf(declaration);
    for (const relation of relationsAt(graph, declarationId, 'IN', new Set(['ENDORSED']))) {
      if (relation.type !== 'ENDORSED' || relation.forCity === undefined) continue;
      const set = endorsed.get(relation.forCity) ?? new Set<string>();
      set.add(declarationId);
      endorsed.set(relation.forCity, set);
    }
  }
  const byCity = new Map<string, Profile>();
  const holders = new Map<string, number>();
  for (const city of index.byLabel.City) {
    const id = graph.nodes.idOf(city);
    const profile = profileOf(graph, id, endorsed);
    byCity.set(id, profile);
    for (const reason of REASONS)
      for (const item of profile[reason]) holders.set(`${reason}|${item}`, (holders.get(`${reason}|${item}`) ?? 0) + 1);
  }
  const built = { byCity, holders };
  cache.set(index, built);
  return built;
}

/** Cities not to suggest to `cityId`: itself, its parts and wholes, peers, co-runners. */
function alreadyLinked(graph: KnowledgeGraph, cityId: string): Set<string> {
  const facts = peerFacts(graph);
  const linked = new Set(
    stepsOf([cityId], attendancesAround(facts, [cityId], DEFAULT_PEER_EVENT_KINDS), learningsAround(facts, [cityId])).map(
      (step) => step.toId,
    ),
  );
  linked.add(cityId);
  for (const relation of relationsAt(graph, cityId, 'BOTH', new Set(['PART_OF']))) linked.add(otherEnd(relation, cityId));
  for (const runs of relationsAt(graph, cityId, 'OUT', new Set(['RUNS']))) {
    for (const other of relationsAt(graph, runs.to, 'IN', new Set(['RUNS']))) linked.add(other.from);
  }
  return linked;
}

export function similarCities(graph: KnowledgeGraph, cityId: string, first: number): CitySuggestionsResult | null {
  const city = graph.indexOf(cityId);
  if (city === undefined || graph.nodes.labelOf(city) !== 'City') return null;
  const { byCity, holders } = profiles(graph);
  const own = byCity.get(cityId);
  if (!own) return null;
  // Every city sharing an item is a candidate, linked ones too: they are counted as excluded.
  const sharing: SuggestionCandidate[] = [];
  for (const [candidate, profile] of byCity) {
    const shared: SharedHolding[] = [];
    for (const reason of REASONS) {
      for (const item of own[reason]) {
        if (profile[reason].has(item)) shared.push({ reason, value: item, holders: holders.get(`${reason}|${item}`) ?? 1 });
      }
    }
    if (shared.length > 0) sharing.push({ cityId: candidate, shared });
  }
  const itemCount = REASONS.reduce((sum, reason) => sum + own[reason].size, 0);
  return suggestionsFor(cityId, byCity.size, itemCount, sharing, alreadyLinked(graph, cityId), first);
}

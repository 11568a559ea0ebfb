/**
 * Internal. Suggested peers: cities the given city has not shared an exchange event with
 * (nor its own districts or province), ranked by what they share. Each shared item weighs by its reason (partner 3, commitment 2,
 * event 2, programme kind 1) divided by log2(1 + how many cities hold it), so a partner
 * every city has (the network itself) says less than one two cities share.
 */
import type { CitySuggestionResult, SharedReason } from '../../GraphStore';
import { compareIds, otherEnd, relationsAt, type KnowledgeGraph } from '../knowledge-graph';
import { partnersOf } from './partners';
import { DEFAULT_PEER_EVENT_KINDS } from '../../../domain/ontology';
import { stepsOf } from '../../peer-links';
import { attendancesAround, learningsAround, peerFacts } from './peer-facts';

const WEIGHT: Readonly<Record<SharedReason, number>> = { PARTNER: 3, COMMITMENT: 2, EVENT: 2, PROGRAMME_KIND: 1 };
const REASONS = Object.keys(WEIGHT) as SharedReason[];

type Profile = Readonly<Record<SharedReason, ReadonlySet<string>>>;

function profileOf(graph: KnowledgeGraph, cityId: string): Profile {
  const partners = partnersOf(graph, cityId);
  const commitments = new Set<string>();
  const kinds = new Set<string>();
  // Programmes the city runs or takes part in (ontology v2: a beneficiary city is in the programme too).
  for (const runs of relationsAt(graph, cityId, 'OUT', new Set(['RUNS', 'TAKES_PART_IN']))) {
    const programme = graph.record(runs.to);
    if (programme.label === 'Programme') kinds.add(programme.kind);
    for (const partner of partnersOf(graph, runs.to)) partners.add(partner);
    for (const advances of relationsAt(graph, runs.to, 'OUT', new Set(['ADVANCES']))) commitments.add(advances.to);
  }
  const events = new Set(relationsAt(graph, cityId, 'OUT', new Set(['PARTICIPATED_IN'])).map((relation) => relation.to));
  return { PARTNER: partners, COMMITMENT: commitments, EVENT: events, PROGRAMME_KIND: kinds };
}

export function similarCities(graph: KnowledgeGraph, cityId: string, first: number): CitySuggestionResult[] {
  if (!graph.has(cityId)) return [];
  // Peers already linked (ontology.ts peer link, default kinds) are not suggested.
  const facts = peerFacts(graph);
  const linked = stepsOf([cityId], attendancesAround(facts, [cityId], DEFAULT_PEER_EVENT_KINDS), learningsAround(facts, [cityId]));
  const exchanged = new Set(linked.map((step) => step.toId));
  // A city's own districts and the province it belongs to are not peers to suggest.
  for (const relation of relationsAt(graph, cityId, 'BOTH', new Set(['PART_OF']))) exchanged.add(otherEnd(relation, cityId));
  const cities = Array.from(graph.index().byLabel.City, (city) => graph.nodes.idOf(city));
  const profiles = new Map(cities.map((id) => [id, profileOf(graph, id)]));
  const holders = new Map<string, number>();
  for (const profile of profiles.values()) {
    for (const reason of REASONS)
      for (const item of profile[reason]) holders.set(`${reason}|${item}`, (holders.get(`${reason}|${item}`) ?? 0) + 1);
  }
  const own = profiles.get(cityId) ?? profileOf(graph, cityId);
  const suggestions: CitySuggestionResult[] = [];
  for (const candidate of cities) {
    if (candidate === cityId || exchanged.has(candidate)) continue;
    const profile = profiles.get(candidate);
    if (!profile) continue;
    const shared: { reason: SharedReason; value: string }[] = [];
    let score = 0;
    for (const reason of REASONS) {
      for (const item of [...own[reason]].sort(compareIds)) {
        if (!profile[reason].has(item)) continue;
        shared.push({ reason, value: item });
        score += WEIGHT[reason] / Math.log2(1 + (holders.get(`${reason}|${item}`) ?? 1));
      }
    }
    if (shared.length > 0) suggestions.push({ cityId: candidate, score: Math.round(score * 1000) / 1000, shared });
  }
  return suggestions.sort((a, b) => b.score - a.score || compareIds(a.cityId, b.cityId)).slice(0, first);
}

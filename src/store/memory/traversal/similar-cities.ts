/**
 * Internal. Suggested peers: every city's profile (what it holds, by reason: partners and
 * memberships by the partner routes, events attended with roll-up, commitments illustrated,
 * declarations endorsed for it, its country, its programme kinds) and each item's holders
 * are read once per read index, from the typed adjacency; the candidates of a city are the
 * holders of its items (so a question reads what the city holds, not every city); a suggestion is scored from the items the asking city shares with a candidate, by
 * rarity (store/similarity.ts). Left out: the city itself, its parts and wholes (PART_OF),
 * cities it is peer-linked with (default kinds) and cities running one of its programmes —
 * counted as excluded when they share an item, so an empty answer can say why.
 */
import { CITY_PROGRAMME_TYPES, DEFAULT_PEER_EVENT_KINDS } from '../../../domain/ontology';
import type { CitySuggestionsResult, SharedReason } from '../../GraphStore';
import { stepsOf } from '../../peer-links';
import { REASONS, suggestionsFor, type SharedHolding, type SuggestionCandidate } from '../../similarity';
import { LABEL_CODE, TYPE_CODE, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import type { GraphIndex } from '../graph-index';
import { forEachRelation, otherEnd, relationsAt, type KnowledgeGraph } from '../knowledge-graph';
import { forEachPartnerRoute } from './partners';
import { attendancesAround, learningsAround, peerFacts } from './peer-facts';

/**
 * An item a city holds, as one number: the node (or, for PROGRAMME_KIND, the string code of
 * the kind) times 8, plus the reason's position in REASONS (seven reasons).
 */
type ItemKey = number;
const REASON_SLOTS = 8;
const itemKey = (reason: number, value: number): ItemKey => value * REASON_SLOTS + reason;
const REASON_AT = new Map(REASONS.map((reason, position) => [reason, position]));
const reasonSlot = (reason: SharedReason): number => REASON_AT.get(reason) ?? 0;

interface Profiles {
  /** The items of each city (node index), each once. */
  readonly itemsOf: ReadonlyMap<number, readonly ItemKey[]>;
  /** The cities (node indices) holding each item: its holders, and the candidates it brings. */
  readonly holdersOf: ReadonlyMap<ItemKey, readonly number[]>;
  readonly cityCount: number;
}

const cache = new WeakMap<GraphIndex, Profiles>();

const CITY_PROGRAMME_MASK = typeMask(typeCodes(CITY_PROGRAMME_TYPES));
const ADVANCES_MASK = typeMask([TYPE_CODE.ADVANCES]);
const IN_COUNTRY_MASK = typeMask([TYPE_CODE.IN_COUNTRY]);
const ENDORSED_MASK = typeMask([TYPE_CODE.ENDORSED]);
const MEMBER_OF = TYPE_CODE.MEMBER_OF;
const PROGRAMME = LABEL_CODE.Programme;

/**
 * Every city's items, read from the typed adjacency (no relation record is decoded; an
 * attendance's role and an endorsement's city are read from their rows): the partner routes
 * (`forEachPartnerRoute`), peer attendances and relations.
 */
function profiles(graph: KnowledgeGraph): Profiles {
  const index = graph.index();
  const cached = cache.get(index);
  if (cached) return cached;
  const nodes = graph.nodes;
  const labels = nodes.labels;
  const table = graph.relations;
  const networkKind = graph.strings.codeOf('network');
  // Declarations endorsed for each city (ENDORSED carries the city as forCity).
  const endorsed = new Map<number, number[]>();
  for (const declaration of index.byLabel.Declaration) {
    forEachRelation(index, declaration, 'IN', ENDORSED_MASK, (_endorser, row) => {
      const forCity = table.stringOf(row, 'forCity');
      const city = forCity === undefined ? undefined : graph.indexOf(forCity);
      if (city === undefined) return;
      const list = endorsed.get(city);
      if (list) list.push(declaration);
      else endorsed.set(city, [declaration]);
    });
  }
  const facts = peerFacts(graph);
  const itemsOf = new Map<number, ItemKey[]>();
  const holdersOf = new Map<ItemKey, number[]>();
  for (const city of index.byLabel.City) {
    const partners = new Set<number>();
    const memberships = new Set<number>();
    forEachPartnerRoute(graph, city, (partner, row) => {
      const membership = int32At(nodes.kinds, partner) === networkKind || uint8At(table.types, row) === MEMBER_OF;
      (membership ? memberships : partners).add(partner);
    });
    const commitments = new Set<number>();
    const kinds = new Set<number>();
    forEachRelation(index, city, 'OUT', ADVANCES_MASK, (commitment) => commitments.add(commitment));
    forEachRelation(index, city, 'OUT', CITY_PROGRAMME_MASK, (programme) => {
      if (uint8At(labels, programme) !== PROGRAMME) return;
      kinds.add(int32At(nodes.kinds, programme));
      forEachRelation(index, programme, 'OUT', ADVANCES_MASK, (commitment) => commitments.add(commitment));
    });
    for (const membership of memberships) partners.delete(membership);
    const events = new Set<number>();
    for (const attendance of facts.byPeer.get(nodes.idOf(city)) ?? []) {
      const event = graph.indexOf(attendance.eventId);
      if (event !== undefined) events.add(event);
    }
    const countries = new Set<number>();
    forEachRelation(index, city, 'OUT', IN_COUNTRY_MASK, (country) => countries.add(country));
    const items: ItemKey[] = [];
    const hold = (reason: SharedReason, values: Iterable<number>): void => {
      for (const value of values) items.push(itemKey(reasonSlot(reason), value));
    };
    hold('PARTNER', partners);
    hold('MEMBERSHIP', memberships);
    hold('EVENT', events);
    hold('COMMITMENT', commitments);
    hold('ENDORSEMENT', new Set(endorsed.get(city)));
    hold('COUNTRY', countries);
    kinds.delete(-1);
    hold('PROGRAMME_KIND', kinds);
    itemsOf.set(city, items);
    for (const item of items) {
      const holders = holdersOf.get(item);
      if (holders) holders.push(city);
      else holdersOf.set(item, [city]);
    }
  }
  const built = { itemsOf, holdersOf, cityCount: index.byLabel.City.length };
  cache.set(index, built);
  return built;
}

/** What an item key stands for: its reason and value (an id, or a programme kind). */
function itemOf(graph: KnowledgeGraph, item: ItemKey): { reason: SharedReason; value: string } {
  const reason = REASONS[item % REASON_SLOTS] ?? 'PARTNER';
  const value = Math.floor(item / REASON_SLOTS);
  return { reason, value: reason === 'PROGRAMME_KIND' ? graph.strings.at(value) : graph.nodes.idOf(value) };
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
  const { itemsOf, holdersOf, cityCount } = profiles(graph);
  const own = itemsOf.get(city);
  if (!own) return null;
  // Every city sharing an item is a candidate, linked ones too: they are counted as excluded.
  // Candidates come from the items' holders, so the work follows what the city holds, not the graph.
  const sharedBy = new Map<number, SharedHolding[]>();
  for (const item of own) {
    const holders = holdersOf.get(item) ?? [];
    const { reason, value } = itemOf(graph, item);
    const holding: SharedHolding = { reason, value, holders: holders.length };
    for (const holder of holders) {
      const shared = sharedBy.get(holder);
      if (shared) shared.push(holding);
      else sharedBy.set(holder, [holding]);
    }
  }
  const sharing: SuggestionCandidate[] = [...sharedBy].map(([candidate, shared]) => ({ cityId: graph.nodes.idOf(candidate), shared }));
  return suggestionsFor(cityId, cityCount, own.length, sharing, alreadyLinked(graph, cityId), first);
}

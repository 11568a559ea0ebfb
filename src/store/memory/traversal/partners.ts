/**
 * Internal. Partner organisations of programmes and cities, and the overlaps between them.
 * Works on node indices; ids are only read back for the answer.
 */
import {
  CITY_PROGRAMME_TYPES,
  DIRECT_PARTNER_TYPES,
  EVENT_PARTNER_TYPES,
  isAttendingRole,
  PARTNER_RELATION_TYPES,
  PROGRAMME_PARTNER_TYPES,
  type RelationType,
} from '../../../domain/ontology';
import type { CommonPartnerResult, CommonPartnersQuery, PartnerOverlapResult, PartnerRoute, SharedPartnersQuery } from '../../GraphStore';
import { commonPartnersOf } from '../../partner-routes';
import { LABEL_CODE, TYPE_CODE, typeCodes, typeMask } from '../codes';
import { itemAt, uint8At } from '../columns';
import type { GraphIndex } from '../graph-index';
import { compareIds, forEachRelation, inIdOrder, type KnowledgeGraph } from '../knowledge-graph';

/** Relation types that make an organisation a partner of what it touches. */
export const PARTNER_TYPES: ReadonlySet<RelationType> = new Set(PARTNER_RELATION_TYPES);
const PARTNER_MASK = typeMask(typeCodes(PARTNER_TYPES));
const ORGANIZATION = LABEL_CODE.Organization;
const PROGRAMME = LABEL_CODE.Programme;

/** Organisation indices directly linked to a node by a partner relation, in either direction. */
function partnerIndices(graph: KnowledgeGraph, node: number): Set<number> {
  const partners = new Set<number>();
  const labels = graph.nodes.labels;
  forEachRelation(graph.index(), node, 'BOTH', PARTNER_MASK, (neighbour) => {
    if (uint8At(labels, neighbour) === ORGANIZATION) partners.add(neighbour);
  });
  return partners;
}

/** Organisations directly linked to a node by a partner relation, in either direction. */
export function partnersOf(graph: KnowledgeGraph, id: string): Set<string> {
  const node = graph.indexOf(id);
  if (node === undefined) return new Set();
  return new Set([...partnerIndices(graph, node)].map((partner) => graph.nodes.idOf(partner)));
}

const DIRECT_MASK = typeMask(typeCodes(DIRECT_PARTNER_TYPES));
const CITY_PROGRAMME_MASK = typeMask(typeCodes(CITY_PROGRAMME_TYPES));
const PROGRAMME_PARTNER_MASK = typeMask(typeCodes(PROGRAMME_PARTNER_TYPES));
const EVENT_PARTNER_MASK = typeMask(typeCodes(EVENT_PARTNER_TYPES));
const PARTICIPATED_MASK = typeMask([TYPE_CODE.PARTICIPATED_IN]);
const CITY = LABEL_CODE.City;

/**
 * Calls `visit(partner, row, via)` for every partner route from a city or programme
 * (ontology.ts partner routes): its direct partner relations (`via` null), then, for a city,
 * the partners of the programmes it runs or takes part in and of the events it attended
 * with an attending role (`via` the programme or event). `row` is the partner's relation.
 * Reads the typed adjacency; only an attendance's role is read from its row.
 */
export function forEachPartnerRoute(
  graph: KnowledgeGraph,
  node: number,
  visit: (partner: number, row: number, via: number | null) => void,
): void {
  const index = graph.index();
  const nodes = graph.nodes;
  const labels = nodes.labels;
  const partnersAt = (at: number, mask: number, via: number | null): void => {
    forEachRelation(index, at, 'BOTH', mask, (partner, row) => {
      if (uint8At(labels, partner) === ORGANIZATION && nodes.idOf(partner).startsWith('org:')) visit(partner, row, via);
    });
  };
  partnersAt(node, DIRECT_MASK, null);
  if (uint8At(labels, node) !== CITY) return;
  forEachRelation(index, node, 'OUT', CITY_PROGRAMME_MASK, (programme) => {
    if (uint8At(labels, programme) === PROGRAMME) partnersAt(programme, PROGRAMME_PARTNER_MASK, programme);
  });
  forEachRelation(index, node, 'OUT', PARTICIPATED_MASK, (event, row) => {
    if (isAttendingRole(graph.relations.stringOf(row, 'role'))) partnersAt(event, EVENT_PARTNER_MASK, event);
  });
}

/** Every (partner, route) from one asked city or programme (ontology.ts partner routes). */
export function routesFrom(graph: KnowledgeGraph, id: string): { partnerId: string; route: PartnerRoute }[] {
  const node = graph.indexOf(id);
  if (node === undefined) return [];
  const { nodes, relations } = graph;
  const found: { partnerId: string; route: PartnerRoute }[] = [];
  forEachPartnerRoute(graph, node, (partner, row, via) => {
    const route = {
      fromId: id,
      viaId: via === null ? null : nodes.idOf(via),
      type: relations.typeOf(row),
      role: relations.stringOf(row, 'role') ?? null,
    };
    found.push({ partnerId: nodes.idOf(partner), route });
  });
  return found;
}

export function commonPartners(graph: KnowledgeGraph, query: CommonPartnersQuery): CommonPartnerResult[] {
  const ids = [...new Set(query.ids)].filter((id) => graph.has(id));
  if (ids.length < new Set(query.ids).size || ids.length === 0) return [];
  return commonPartnersOf(
    query,
    ids.flatMap((id) => routesFrom(graph, id)),
  );
}

interface PartnerRarity {
  /** How many programmes each partner partners. */
  readonly holders: ReadonlyMap<number, number>;
  /** Programmes with any partner. */
  readonly programmeTotal: number;
}

/** Per read index: a graph-wide walk, so asking for a few programmes does not repeat it (40k programmes at 1M). */
const rarityByIndex = new WeakMap<GraphIndex, PartnerRarity>();

/** Rarity: how many programmes each partner partners, among the programmes with any partner. */
function partnerRarity(graph: KnowledgeGraph): PartnerRarity {
  const index = graph.index();
  const known = rarityByIndex.get(index);
  if (known) return known;
  const holders = new Map<number, number>();
  let programmeTotal = 0;
  for (const programme of index.byLabel.Programme) {
    const partners = partnerIndices(graph, programme);
    if (partners.size > 0) programmeTotal += 1;
    for (const partner of partners) holders.set(partner, (holders.get(partner) ?? 0) + 1);
  }
  const rarity = { holders, programmeTotal };
  rarityByIndex.set(index, rarity);
  return rarity;
}

export function sharedPartners(graph: KnowledgeGraph, query: SharedPartnersQuery): PartnerOverlapResult[] {
  const index = graph.index();
  const labels = graph.nodes.labels;
  let programmes: Int32Array;
  if (query.programmeIds) {
    // Each programme once: a programme paired with itself shares nothing worth reporting.
    const asked = new Set<number>();
    for (const id of query.programmeIds) {
      const node = graph.indexOf(id);
      if (node !== undefined && uint8At(labels, node) === PROGRAMME) asked.add(node);
    }
    programmes = inIdOrder(index, [...asked]);
  } else programmes = index.byLabel.Programme;
  const { holders, programmeTotal } = partnerRarity(graph);
  const withPartners = Array.from(programmes, (programme) => ({ programme, partners: partnerIndices(graph, programme) }));
  const ids = graph.nodes;
  const overlaps: PartnerOverlapResult[] = [];
  withPartners.forEach((a, i) => {
    if (a.partners.size === 0) return;
    for (let j = i + 1; j < withPartners.length; j += 1) {
      const b = itemAt(withPartners, j);
      const [small, large] = a.partners.size <= b.partners.size ? [a.partners, b.partners] : [b.partners, a.partners];
      const shared: number[] = [];
      for (const partner of small) if (large.has(partner)) shared.push(partner);
      if (shared.length < query.minShared || shared.length === 0) continue;
      const union = a.partners.size + b.partners.size - shared.length;
      const weights = Array.from(inIdOrder(index, shared), (partner) => {
        const count = holders.get(partner) ?? 1;
        return { partnerId: ids.idOf(partner), weight: Math.log(1 + programmeTotal / count), holders: count };
      });
      overlaps.push({
        a: ids.idOf(a.programme),
        b: ids.idOf(b.programme),
        partnerIds: weights.map((item) => item.partnerId),
        jaccard: shared.length / union,
        score: Math.round(weights.reduce((sum, item) => sum + item.weight, 0) * 1e6) / 1e6,
        weights: weights.map((item) => ({ ...item, weight: Math.round(item.weight * 1e6) / 1e6 })),
      });
    }
  });
  return overlaps
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.jaccard - x.jaccard ||
        y.partnerIds.length - x.partnerIds.length ||
        compareIds(x.a, y.a) ||
        compareIds(x.b, y.b),
    )
    .slice(0, query.first);
}

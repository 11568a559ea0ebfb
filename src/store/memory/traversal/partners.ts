/**
 * Internal. Partner organisations of programmes and cities, and the overlaps between them.
 * Works on node indices; ids are only read back for the answer.
 */
import { PARTNER_RELATION_TYPES, type RelationType } from '../../../domain/ontology';
import type { PartnerOverlapResult, SharedPartnersQuery } from '../../GraphStore';
import { LABEL_CODE, typeCodes, typeMask } from '../codes';
import { itemAt, uint8At } from '../columns';
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

export function commonPartners(graph: KnowledgeGraph, ids: readonly string[]): string[] {
  const [first, ...rest] = ids.map((id) => partnersOf(graph, id));
  if (!first) return [];
  return [...first].filter((partner) => rest.every((set) => set.has(partner))).sort(compareIds);
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
      overlaps.push({
        a: ids.idOf(a.programme),
        b: ids.idOf(b.programme),
        partnerIds: Array.from(inIdOrder(index, shared), (partner) => ids.idOf(partner)),
        jaccard: shared.length / union,
      });
    }
  });
  return overlaps
    .sort((x, y) => y.jaccard - x.jaccard || y.partnerIds.length - x.partnerIds.length || compareIds(x.a, y.a) || compareIds(x.b, y.b))
    .slice(0, query.first);
}

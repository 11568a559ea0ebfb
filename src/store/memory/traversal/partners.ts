/**
 * Internal. Partner organisations of programmes and cities, and the overlaps between them.
 */
import type { RelationType } from '../../../domain/ontology';
import type { PartnerOverlapResult, SharedPartnersQuery } from '../../GraphStore';
import { compareIds, labelOf, otherEnd, relationsAt, type KnowledgeGraph } from '../knowledge-graph';

/** Relation types that make an organisation a partner of what it touches. */
export const PARTNER_TYPES: ReadonlySet<RelationType> = new Set(['PARTNER_IN', 'RUNS', 'PARTNERS_WITH', 'MEMBER_OF']);

/** Organisations directly linked to a node by a partner relation, in either direction. */
export function partnersOf(graph: KnowledgeGraph, id: string): Set<string> {
  const partners = new Set<string>();
  if (!graph.hasNode(id)) return partners;
  for (const relation of relationsAt(graph, id, 'BOTH', PARTNER_TYPES)) {
    const other = otherEnd(relation, id);
    if (labelOf(graph, other) === 'Organization') partners.add(other);
  }
  return partners;
}

export function commonPartners(graph: KnowledgeGraph, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const [first, ...rest] = ids.map((id) => partnersOf(graph, id));
  return [...(first ?? [])].filter((partner) => rest.every((set) => set.has(partner))).sort(compareIds);
}

export function sharedPartners(graph: KnowledgeGraph, query: SharedPartnersQuery): PartnerOverlapResult[] {
  const programmes = (query.programmeIds ?? graph.filterNodes((_id, attributes) => attributes.record.label === 'Programme'))
    .filter((id) => graph.hasNode(id) && labelOf(graph, id) === 'Programme')
    .sort(compareIds);
  const partners = new Map(programmes.map((id) => [id, partnersOf(graph, id)]));
  const overlaps: PartnerOverlapResult[] = [];
  for (let i = 0; i < programmes.length; i += 1) {
    const a = programmes[i]!;
    const partnersA = partners.get(a)!;
    if (partnersA.size === 0) continue;
    for (let j = i + 1; j < programmes.length; j += 1) {
      const b = programmes[j]!;
      const partnersB = partners.get(b)!;
      const shared = [...partnersA].filter((partner) => partnersB.has(partner)).sort(compareIds);
      if (shared.length < query.minShared || shared.length === 0) continue;
      const union = new Set([...partnersA, ...partnersB]).size;
      overlaps.push({ a, b, partnerIds: shared, jaccard: shared.length / union });
    }
  }
  return overlaps
    .sort((x, y) => y.jaccard - x.jaccard || y.partnerIds.length - x.partnerIds.length || compareIds(x.a, y.a) || compareIds(x.b, y.b))
    .slice(0, query.first);
}

/**
 * The ATTENDS table the Kuzu engine walks for peers (kuzu-engine.ts), from the one peer-link
 * definition of ontology.ts with the default event kinds. Pure.
 */
import type { GraphData } from '../../src/domain/graph-document';
import {
  DEFAULT_PEER_EVENT_KINDS,
  isAttendingRole,
  PEER_LABELS,
  PEER_LEARNING_RELATION_TYPE,
  ROLL_UP_RELATION_TYPES,
} from '../../src/domain/ontology';

/**
 * `rows` (from, to): a peer (City, Country) → an event of the default kinds it attended in
 * a role but `showcased`; a city → such an event attended by a person who LEADS it or
 * WORKS_FOR it (roll-up); for each LEARNED_FROM between two peers, both → one `links` node
 * of its own, so that every peer hop is two rows whatever links it.
 */
export function peerAttendances(graph: GraphData): { readonly rows: string[][]; readonly links: string[] } {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const isPeer = (id: string): boolean => {
    const label = byId.get(id)?.label;
    return label !== undefined && PEER_LABELS.includes(label);
  };
  const isPeerEvent = (id: string): boolean => {
    const node = byId.get(id);
    return node?.label === 'Event' && (DEFAULT_PEER_EVENT_KINDS as readonly string[]).includes(node.kind);
  };
  const citiesOfPerson = new Map<string, string[]>();
  for (const relation of graph.relations) {
    if (!ROLL_UP_RELATION_TYPES.includes(relation.type) || byId.get(relation.to)?.label !== 'City') continue;
    const cities = citiesOfPerson.get(relation.from) ?? [];
    cities.push(relation.to);
    citiesOfPerson.set(relation.from, cities);
  }
  const rows: string[][] = [];
  const links: string[] = [];
  for (const relation of graph.relations) {
    if (relation.type === 'PARTICIPATED_IN') {
      if (!isPeerEvent(relation.to) || !isAttendingRole(relation.role)) continue;
      if (isPeer(relation.from)) rows.push([relation.from, relation.to]);
      if (byId.get(relation.from)?.label === 'Person')
        for (const city of citiesOfPerson.get(relation.from) ?? []) rows.push([city, relation.to]);
    } else if (
      relation.type === PEER_LEARNING_RELATION_TYPE &&
      isPeer(relation.from) &&
      isPeer(relation.to) &&
      relation.from !== relation.to
    ) {
      const link = `peer-link:${links.length}`;
      links.push(link);
      rows.push([relation.from, link], [relation.to, link]);
    }
  }
  return { rows, links };
}

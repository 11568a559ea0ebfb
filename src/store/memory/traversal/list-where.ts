/**
 * Internal. The filtered list queries and organisation reach of the memory store: each
 * filter's paths (store/list-filters.ts) walked back from the anchor to the nodes it keeps.
 */
import type { NodeRecord } from '../../../domain/graph-document';
import type { NodeLabel, RelationType } from '../../../domain/ontology';
import type { FilteredListQuery, NodePage, OrganizationReach } from '../../GraphStore';
import { LIST_FILTERS, REACH, type FilterPath } from '../../list-filters';
import { pageOf, type SortKey } from '../../list-page';
import { checkPageSize } from '../../page-bounds';
import { LABEL_CODE, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import type { GraphIndex } from '../graph-index';
import { forEachRelation, type KnowledgeGraph } from '../knowledge-graph';

/** Nodes of `label` from which one of the paths leads to `anchor`. */
function keptBy(graph: KnowledgeGraph, label: FilteredListQuery['label'], paths: readonly FilterPath[], anchor: number): Set<number> {
  const index = graph.index();
  const labels = graph.nodes.labels;
  const kept = new Set<number>();
  for (const path of paths) {
    let level = new Set([anchor]);
    for (let at = path.length - 1; at >= 0; at -= 1) {
      const current = path[at];
      if (!current) break;
      const arrive = LABEL_CODE[at === 0 ? label : (path[at - 1]?.label ?? label)];
      const next = new Set<number>();
      // Walking back: the step goes OUT from the nearer node, so read the anchor side's IN run.
      for (const node of level) {
        forEachRelation(index, node, current.direction === 'OUT' ? 'IN' : 'OUT', typeMask(typeCodes(current.types)), (neighbour) => {
          if (uint8At(labels, neighbour) === arrive) next.add(neighbour);
        });
      }
      level = next;
    }
    for (const node of level) kept.add(node);
  }
  return kept;
}

/** Whether a startDate (a year, month or day) overlaps [from, to]; '~' sorts after every digit and '-'. */
export function overlaps(startDate: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (startDate === undefined) return false;
  return (from === undefined || `${startDate}~` >= from) && (to === undefined || startDate <= `${to}~`);
}

function neighboursOf(
  graph: KnowledgeGraph,
  node: number,
  direction: 'OUT' | 'IN',
  types: readonly RelationType[],
  label: NodeLabel,
): number[] {
  const found: number[] = [];
  const labels = graph.nodes.labels;
  const code = LABEL_CODE[label];
  const mask = typeMask(typeCodes(types));
  forEachRelation(graph.index(), node, direction, mask, (neighbour) => {
    if (uint8At(labels, neighbour) === code) found.push(neighbour);
  });
  return found;
}

type Reach = Omit<OrganizationReach, 'id'>;

/** Reach per organisation, per read index: ordering by reach walks every organisation once per graph, not once per page. */
const reachByIndex = new WeakMap<GraphIndex, Map<number, Reach>>();

function reachOf(graph: KnowledgeGraph, organization: number): Reach {
  const index = graph.index();
  let known = reachByIndex.get(index);
  if (!known) {
    known = new Map();
    reachByIndex.set(index, known);
  }
  let reach = known.get(organization);
  if (!reach) {
    reach = walkReach(graph, organization);
    known.set(organization, reach);
  }
  return reach;
}

function walkReach(graph: KnowledgeGraph, organization: number): Reach {
  const programmes = new Set(neighboursOf(graph, organization, 'OUT', REACH.programmeTypes, 'Programme'));
  const cities = new Set([
    ...neighboursOf(graph, organization, 'IN', ['MEMBER_OF'], 'City'),
    ...neighboursOf(graph, organization, 'OUT', ['PARTNERS_WITH'], 'City'),
  ]);
  const countries = new Set<number>();
  for (const programme of programmes) {
    for (const city of neighboursOf(graph, programme, 'IN', REACH.programmeCityTypes, 'City')) cities.add(city);
    for (const country of neighboursOf(graph, programme, 'IN', REACH.programmeCountryTypes, 'Country')) countries.add(country);
  }
  for (const city of cities) for (const country of neighboursOf(graph, city, 'OUT', ['IN_COUNTRY'], 'Country')) countries.add(country);
  return { programmeCount: programmes.size, cityCount: cities.size, countryCount: countries.size };
}

export function organizationReach(graph: KnowledgeGraph, ids: readonly string[]): OrganizationReach[] {
  return ids.map((id) => {
    const node = graph.indexOf(id);
    if (node === undefined || graph.nodes.labelOf(node) !== 'Organization') return { id, programmeCount: 0, cityCount: 0, countryCount: 0 };
    return { id, ...reachOf(graph, node) };
  });
}

interface ListRow {
  readonly node: number;
  readonly id: string;
  readonly key: SortKey;
}

export function listNodesWhere(graph: KnowledgeGraph, query: FilteredListQuery): NodePage {
  const recordOfRow = (row: ListRow): NodeRecord => graph.nodes.record(row.node);
  checkPageSize(`list ${query.label}`, query.first);
  const order = query.orderBy ?? 'ID';
  const filters: Readonly<Record<string, readonly FilterPath[]>> = LIST_FILTERS[query.label];
  let candidates: Iterable<number> = graph.index().byLabel[query.label];
  for (const [name, anchorId] of Object.entries(query.filters ?? {})) {
    const paths = filters[name];
    const anchor = graph.indexOf(anchorId);
    if (!paths || anchor === undefined) return pageOf(order, [], query.first, query.after, recordOfRow);
    const kept = keptBy(graph, query.label, paths, anchor);
    // Walk the smaller side: a filter keeps a few of a label's hundred thousand nodes.
    const current = candidates;
    candidates = current instanceof Int32Array ? [...kept] : [...current].filter((node) => kept.has(node));
  }
  const nodes = graph.nodes;
  // Kinds compare as string codes, without decoding a record; a kind no node has matches nothing.
  const kindCode = query.kind === undefined ? undefined : graph.strings.codeOf(query.kind);
  if (kindCode === -1) return pageOf(order, [], query.first, query.after, recordOfRow);
  const dated = query.from !== undefined || query.to !== undefined;
  const rows: ListRow[] = [];
  for (const node of candidates) {
    if (kindCode !== undefined && int32At(nodes.kinds, node) !== kindCode) continue;
    if (dated) {
      const record = nodes.record(node);
      if (record.label !== 'Event' || !overlaps(record.startDate, query.from, query.to)) continue;
    }
    const id = nodes.idOf(node);
    let key: SortKey = id;
    if (order === 'NAME') key = nodes.record(node).name;
    else if (order !== 'ID') {
      const reach = reachOf(graph, node);
      key = order === 'PROGRAMMES' ? reach.programmeCount : order === 'CITIES' ? reach.cityCount : reach.countryCount;
    }
    rows.push({ node, id, key });
  }
  return pageOf(order, rows, query.first, query.after, recordOfRow);
}

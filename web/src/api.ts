/**
 * The GraphQL calls the explorer makes. The operations live in web/operations/*.graphql and
 * their result and variable types are generated from the schema (operations.generated.ts),
 * so a field the schema renames or drops fails `npm run build`.
 */
import { LABEL_OF_NODE_TYPE, type NodeLabel, type NodeTypeName, type RelationType } from '../../src/domain/ontology';
import {
  DetailsDocument,
  DetailsRelationsDocument,
  EventDatesDocument,
  NodeNamesDocument,
  RelationQuotesDocument,
  PathBetweenDocument,
  PeersDocument,
  SearchDocument,
  SubgraphDocument,
  type DetailsQuery,
  type DetailsRelationsQuery,
  type EventKind,
  type PathBetweenQuery,
  type PeersQuery,
  type SearchQuery,
  type SubgraphQuery,
  type TypedDocumentString,
} from './operations.generated';

export type NodeType = NodeTypeName;

/** GraphQL's `CITY` is the ontology's (and the export's) `City`. */
export function labelOf(type: NodeType): NodeLabel {
  return LABEL_OF_NODE_TYPE[type];
}

export interface NodeSummary {
  readonly id: string;
  readonly type: NodeType;
  readonly name: string;
  readonly nameAr: string;
}

export interface EdgeSummary {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: RelationType;
}

export type SearchHit = SearchQuery['search'][number];
type RelationFacts = NonNullable<DetailsRelationsQuery['node']>['relations']['edges'][number]['node'];

/** One relation of the selected node, as the details panel lists it. */
export type RelationDetails = RelationFacts & {
  /** Whether the selected node is the relation's `from` end. */
  readonly outgoing: boolean;
  /** The node at the relation's other end. */
  readonly other: NodeSummary;
  readonly quotes: readonly RelationQuote[];
};

/** A quote of a relation, with the title of its document (none for a web source). */
export interface RelationQuote {
  readonly text: string;
  readonly documentTitle: string | null;
}

export type NodeDetails = NonNullable<DetailsQuery['node']> & {
  readonly relations: readonly RelationDetails[];
  /** How many relations the node has (the panel lists the first 100). */
  readonly relationCount: number;
};
export type Subgraph = SubgraphQuery['subgraph'];
export type PeerNetwork = PeersQuery['peerNetwork'];
export type Path = NonNullable<PathBetweenQuery['shortestPath']>;

/** An event's dates as the sources give them (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface EventDates {
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** `/graphql` beside `/explorer/`, so the page works under any path prefix. */
const ENDPOINT = new URL('../graphql', window.location.href).toString();

interface GraphQLBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string }[];
}

async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as GraphQLBody<TResult>;
  if (body.errors && body.errors.length > 0) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`GraphQL answered ${response.status} without data`);
  return body.data;
}

export async function search(text: string, types?: readonly NodeType[]): Promise<readonly SearchHit[]> {
  return (await request(SearchDocument, { text, types: types ? [...types] : null })).search;
}

export async function subgraph(ids: readonly string[], depth: number, relationTypes?: readonly RelationType[]): Promise<Subgraph> {
  return (await request(SubgraphDocument, { ids: [...ids], depth, relationTypes: relationTypes ? [...relationTypes] : null })).subgraph;
}

/** The dates of these events (at most 100 ids a call, the API's bound), by id. */
export async function eventDates(ids: readonly string[]): Promise<Map<string, EventDates>> {
  const dates = new Map<string, EventDates>();
  for (let start = 0; start < ids.length; start += 100) {
    const { nodes } = await request(EventDatesDocument, { ids: ids.slice(start, start + 100) });
    for (const node of nodes) {
      if (node && 'startDate' in node) dates.set(node.id, { startDate: node.startDate ?? null, endDate: node.endDate ?? null });
    }
  }
  return dates;
}

/** A relation id's ends: ids are `<from>-<TYPE>-><to>`, as the schema's `Relation.id` documents. */
export function relationEnds(id: string, type: RelationType): { readonly from: string; readonly to: string } | undefined {
  const separator = `-${type}->`;
  const at = id.indexOf(separator);
  return at < 0 ? undefined : { from: id.slice(0, at), to: id.slice(at + separator.length) };
}

export async function nodeDetails(id: string): Promise<NodeDetails | null> {
  const [{ node }, facts, quotes] = await Promise.all([
    request(DetailsDocument, { id }),
    request(DetailsRelationsDocument, { id }),
    request(RelationQuotesDocument, { id }),
  ]);
  if (!node) return null;
  const relations = facts.node?.relations.edges.map((edge) => edge.node) ?? [];
  const quotesOf = new Map(
    quotes.node?.relations.edges.map((edge) => [
      edge.node.id,
      edge.node.sources.map((source): RelationQuote => ({ text: source.quote, documentTitle: source.document?.title ?? null })),
    ]),
  );
  const ends = relations.map((relation) => ({ relation, ends: relationEnds(relation.id, relation.type) }));
  const otherIds = [...new Set(ends.flatMap(({ ends: pair }) => (pair ? [pair.from === id ? pair.to : pair.from] : [])))];
  const others = new Map<string, NodeSummary>();
  for (let start = 0; start < otherIds.length; start += 100) {
    const { nodes } = await request(NodeNamesDocument, { ids: otherIds.slice(start, start + 100) });
    for (const other of nodes) if (other) others.set(other.id, other);
  }
  const listed: RelationDetails[] = [];
  for (const { relation, ends: pair } of ends) {
    const other = pair ? others.get(pair.from === id ? pair.to : pair.from) : undefined;
    if (!pair || !other) continue;
    listed.push({ ...relation, outgoing: pair.from === id, other, quotes: quotesOf.get(relation.id) ?? [] });
  }
  return { ...node, relations: listed, relationCount: facts.node?.relations.totalCount ?? listed.length };
}

export type { EventKind };

/** Peers linked by co-attending events of `eventKinds` (at least one kind; the server refuses none). */
export async function peerNetwork(cityId: string, maxHops: number, eventKinds: readonly EventKind[]): Promise<PeerNetwork> {
  return (await request(PeersDocument, { cityId, maxHops, eventKinds: [...eventKinds] })).peerNetwork;
}

export async function shortestPath(fromId: string, toId: string, maxHops: number): Promise<Path | null> {
  return (await request(PathBetweenDocument, { fromId, toId, maxHops })).shortestPath;
}

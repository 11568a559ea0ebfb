/**
 * The GraphQL calls the explorer makes, with hand-written result types that mirror
 * `schema/*.graphql` (only the fields each query selects).
 */
import { LABEL_OF_NODE_TYPE, type NodeLabel, type NodeTypeName, type RelationType } from '../../src/domain/ontology';

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

export interface SearchHit {
  readonly node: NodeSummary;
  readonly exact: boolean;
}

export interface NodeDetails extends NodeSummary {
  readonly aliases: readonly string[];
  readonly note: string | null;
  readonly sources: readonly { readonly quote: string; readonly document: { readonly id: string; readonly title: string } }[];
}

export interface Subgraph {
  readonly nodes: readonly NodeSummary[];
  readonly edges: readonly EdgeSummary[];
  readonly truncated: boolean;
}

export interface PeerNetwork {
  readonly city: NodeSummary;
  readonly peers: readonly { readonly hops: number; readonly node: NodeSummary; readonly via: readonly NodeSummary[] }[];
}

export interface Path {
  readonly length: number;
  readonly nodes: readonly NodeSummary[];
  readonly relations: readonly {
    readonly id: string;
    readonly type: RelationType;
    readonly from: { readonly id: string };
    readonly to: { readonly id: string };
  }[];
}

/** `/graphql` beside `/explorer/`, so the page works under any path prefix. */
const ENDPOINT = new URL('../graphql', window.location.href).toString();

interface GraphQLBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string }[];
}

async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLBody<T>;
  if (body.errors && body.errors.length > 0) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`GraphQL answered ${response.status} without data`);
  return body.data;
}

const SUMMARY = 'id type name nameAr';

export async function search(text: string, types?: readonly NodeType[]): Promise<readonly SearchHit[]> {
  const data = await request<{ search: SearchHit[] }>(
    `query Search($text: String!, $types: [NodeType!]) { search(text: $text, types: $types, first: 8) { exact node { ${SUMMARY} } } }`,
    { text, types: types ?? null },
  );
  return data.search;
}

export async function subgraph(ids: readonly string[], depth: number, relationTypes?: readonly RelationType[]): Promise<Subgraph> {
  const data = await request<{ subgraph: Subgraph }>(
    `query Subgraph($ids: [ID!]!, $depth: Int, $relationTypes: [RelationType!]) {
      subgraph(ids: $ids, depth: $depth, relationTypes: $relationTypes, limit: 1000) {
        truncated nodes { ${SUMMARY} } edges { id source target type }
      }
    }`,
    { ids, depth, relationTypes: relationTypes ?? null },
  );
  return data.subgraph;
}

export async function nodeDetails(id: string): Promise<NodeDetails | null> {
  const data = await request<{ node: NodeDetails | null }>(
    `query Details($id: ID!) { node(id: $id) { ${SUMMARY} aliases note sources { quote document { id title } } } }`,
    { id },
  );
  return data.node;
}

export async function peerNetwork(cityId: string, maxHops: number, includeWorkshops: boolean): Promise<PeerNetwork> {
  const data = await request<{ peerNetwork: PeerNetwork }>(
    `query Peers($cityId: ID!, $maxHops: Int, $includeWorkshops: Boolean) {
      peerNetwork(cityId: $cityId, maxHops: $maxHops, includeWorkshops: $includeWorkshops) {
        city { ${SUMMARY} } peers { hops node { ${SUMMARY} } via { ${SUMMARY} } }
      }
    }`,
    { cityId, maxHops, includeWorkshops },
  );
  return data.peerNetwork;
}

export async function shortestPath(fromId: string, toId: string, maxHops: number): Promise<Path | null> {
  const data = await request<{ shortestPath: Path | null }>(
    `query PathBetween($fromId: ID!, $toId: ID!, $maxHops: Int) {
      shortestPath(fromId: $fromId, toId: $toId, maxHops: $maxHops) {
        length nodes { ${SUMMARY} } relations { id type from { id } to { id } }
      }
    }`,
    { fromId, toId, maxHops },
  );
  return data.shortestPath;
}

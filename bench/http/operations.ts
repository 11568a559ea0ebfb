/**
 * The GraphQL operations the HTTP benchmark sends, on the seed graph: a node with nested
 * fields, a search, and Mombasa's two-hop peer network over exchanges and forums (a non-empty
 * answer: Kristiansand, Blantyre and Saida; Delhi's with workshops, asked before 2026-12-02,
 * has no peers under the current peer definition).
 */
export interface HttpOperation {
  readonly name: 'node' | 'search' | 'peerNetwork';
  readonly body: string;
}

const request = (query: string, variables: Record<string, unknown>): string => JSON.stringify({ query, variables });

export const HTTP_OPERATIONS: readonly HttpOperation[] = [
  {
    name: 'node',
    body: request(
      `query Node($id: ID!) { node(id: $id) { __typename id type name nameAr
        ... on City { kind country { id code name } leaders { title from { id name } } } } }`,
      { id: 'city:karachi' },
    ),
  },
  {
    name: 'search',
    body: request(`query Search($text: String!) { search(text: $text, first: 10) { exact score node { id type name nameAr } } }`, {
      text: 'karachi',
    }),
  },
  {
    name: 'peerNetwork',
    body: request(
      `query Peers($id: ID!) { peerNetwork(cityId: $id, maxHops: 2, eventKinds: [EXCHANGE, FORUM]) {
        city { id } maxHops peers { hops node { id type name } via { id kind } } } }`,
      { id: 'city:mombasa' },
    ),
  },
];

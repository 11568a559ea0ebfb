/**
 * The cache policy read from the document (cache-policy-plugin.ts) against Apollo's own
 * cache-control plugin, which hears every field resolve: two Apollo Servers over one schema
 * with hints of every kind (field and type max-ages, inherited max-ages, PRIVATE scope, an
 * interface, a union, fragments, @skip / @include, meta fields, a mutation, an error) must
 * give every answer the same Cache-Control where every selected field resolves, and the
 * document's policy may only ever be the stricter where a selected field does not resolve.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { cachePolicyPlugin } from '../../src/api/cache-policy-plugin';

const typeDefs = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    book: Book @cacheControl(maxAge: 60)
    author: Author
    plain: Int
    secret: Int @cacheControl(maxAge: 100, scope: PRIVATE)
    items: [Item!]! @cacheControl(maxAge: 50)
    node(kind: String!): Node @cacheControl(maxAge: 90)
    inherits: Book @cacheControl(inheritMaxAge: true)
    nothing: Book @cacheControl(maxAge: 60)
    failing: Int @cacheControl(maxAge: 60)
  }
  type Mutation { touch: Int }
  type Book @cacheControl(maxAge: 40) {
    title: String
    author: Author
    reviews: [Review!]! @cacheControl(maxAge: 20)
    stamp: Int @cacheControl(maxAge: 10)
  }
  type Author @cacheControl(maxAge: 30) { name: String books: [Book!]! }
  type Review { text: String }
  interface Node { id: ID! }
  type Person implements Node @cacheControl(inheritMaxAge: true) { id: ID! profile: Profile }
  type Place implements Node @cacheControl(maxAge: 15) { id: ID! }
  type Profile @cacheControl(inheritMaxAge: true, scope: PRIVATE) { bio: String }
  union Item = Book | Author
`;

const book = { __typename: 'Book', title: 'T', stamp: 1, reviews: [{ text: 'r' }], author: { name: 'A', books: [] } };
const author = { __typename: 'Author', name: 'A', books: [book] };
const resolvers = {
  Query: {
    book: () => book,
    author: () => author,
    plain: () => 1,
    secret: () => 2,
    items: () => [book, author],
    node: (_: unknown, { kind }: { kind: string }) =>
      kind === 'person' ? { __typename: 'Person', id: 'p', profile: { bio: 'b' } } : { __typename: 'Place', id: 'q' },
    inherits: () => book,
    nothing: () => null,
    failing: () => {
      throw new Error('no');
    },
  },
  Mutation: { touch: () => 1 },
  Item: { __resolveType: (value: { __typename: string }) => value.__typename },
  Node: { __resolveType: (value: { __typename: string }) => value.__typename },
};

const apollos = new ApolloServer({ typeDefs, resolvers, plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: 0 })] });
const ours = new ApolloServer({
  typeDefs,
  resolvers,
  plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin({ defaultMaxAge: 0 })],
});

beforeAll(async () => {
  await apollos.start();
  await ours.start();
});
afterAll(async () => {
  await apollos.stop();
  await ours.stop();
});

async function cacheControl(server: ApolloServer, query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  return response.http.headers.get('cache-control');
}

/** Max-age in seconds (0 for no-store) and whether private, to compare strictness. */
function parsed(header: string | undefined): { maxAge: number; private: boolean } {
  const match = /^max-age=(\d+), (public|private)$/.exec(header ?? '');
  return match ? { maxAge: Number(match[1]), private: match[2] === 'private' } : { maxAge: 0, private: true };
}

// Every selected field resolves in these: the two plugins must agree exactly.
const everyFieldResolves: ReadonlyArray<[string, string, Record<string, unknown>?]> = [
  ['a root field with a hint', '{ book { title } }'],
  ['a root field whose type has the hint', '{ author { name } }'],
  ['a root field without a hint', '{ plain }'],
  ['a private field beside a public one', '{ secret book { title } }'],
  ['nested hints and lists', '{ book { title stamp reviews { text } author { name books { title } } } }'],
  ['a field of an unhinted object type', '{ book { reviews { text } } }'],
  ['a union with a fragment per member', '{ items { ... on Book { title reviews { text } } ... on Author { name } } }'],
  ['an inherited max-age at the root', '{ inherits { title stamp } }'],
  ['an interface and its resolved type', '{ node(kind: "person") { id ... on Person { profile { bio } } } }'],
  ['an interface with a hint on its type', '{ node(kind: "place") { id ... on Place { id } } }'],
  ['named fragments', 'fragment F on Book { stamp author { ...G } } fragment G on Author { name } { book { ...F title } }'],
  ['@skip true', 'query Q($skip: Boolean!) { book { title reviews @skip(if: $skip) { text } } }', { skip: true }],
  ['@skip false', 'query Q($skip: Boolean!) { book { title reviews @skip(if: $skip) { text } } }', { skip: false }],
  ['@include from a default value', 'query Q($show: Boolean = true) { book { title stamp @include(if: $show) } }'],
  ['@include false on a fragment', 'query Q($show: Boolean = false) { book { title ... on Book @include(if: $show) { stamp } } }'],
  ['__typename alone', '{ __typename }'],
  ['__typename beside fields', '{ book { __typename title } }'],
  ['introspection', '{ __schema { queryType { name } } }'],
  ['a mutation', 'mutation { touch }'],
  ['an error', '{ book { title } failing }'],
  ['an alias and a repeated field', '{ a: book { title } b: book { stamp } }'],
];

// As objects: a test function of more parameters than a row has is taken to want jest's `done`.
const resolvingCases = everyFieldResolves.map(([what, query, variables]) => ({ what, query, variables }));

it.each(resolvingCases)('gives Apollo\u2019s Cache-Control for $what', async ({ query, variables }) => {
  const expected = await cacheControl(apollos, query, variables);
  expect(expected).toBeDefined();
  expect(await cacheControl(ours, query, variables)).toBe(expected);
});

it('reads a document again for other variables when it uses @skip or @include', async () => {
  const query = 'query Q($skip: Boolean!) { book { title stamp @skip(if: $skip) } }';
  expect(await cacheControl(ours, query, { skip: false })).toBe('max-age=10, public');
  expect(await cacheControl(ours, query, { skip: true })).toBe(await cacheControl(apollos, query, { skip: true }));
  expect(await cacheControl(ours, query, { skip: false })).toBe('max-age=10, public');
});

it.each([
  ['a fragment on a type not resolved', '{ node(kind: "place") { id ... on Person { profile { bio } } } }'],
  ['a field under a null parent', '{ nothing { title reviews { text } } }'],
])('is only ever stricter than Apollo for %s', async (_what, query) => {
  const apollo = parsed(await cacheControl(apollos, query));
  const read = parsed(await cacheControl(ours, query));
  expect(read.maxAge).toBeLessThanOrEqual(apollo.maxAge);
  expect(read.private || !apollo.private).toBe(true);
  // And it is stricter here, as the module says: the case is real, not hypothetical.
  expect(read).not.toEqual(apollo);
});

it('compares over answers of many different policies, not one', async () => {
  const headers = new Set<string | undefined>();
  for (const { query, variables } of resolvingCases) headers.add(await cacheControl(apollos, query, variables));
  // Among them: no-store, private ones and public max-ages from 10 to 90 s.
  expect([...headers]).toEqual(
    expect.arrayContaining([
      'no-store',
      'max-age=10, public',
      'max-age=30, public',
      'max-age=90, public',
      'max-age=60, private',
      'max-age=90, private',
    ]),
  );
});

it.each([
  ['no operation name among several', 'query A { plain } query B { secret }', undefined],
  ['an unknown operation name', '{ plain }', 'Missing'],
])('leaves %s to Apollo\u2019s own error', async (_what, query, operationName) => {
  const answers = await Promise.all(
    [apollos, ours].map(async (server) => {
      const response = await server.executeOperation({ query, ...(operationName ? { operationName } : {}) });
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      return { codes: errors?.map((error) => error.extensions?.code), cacheControl: response.http.headers.get('cache-control') };
    }),
  );
  expect(answers[0]?.codes).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  expect(answers[1]).toEqual(answers[0]);
});

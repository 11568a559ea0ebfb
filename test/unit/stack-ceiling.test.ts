/**
 * The HTTP bench's stack ceiling (bench/http/stack-ceiling.ts): Apollo Server alone over our
 * schema, its resolvers handing back the real server's recorded data. It only measures the
 * stack if it answers what the real server answers, abstract `Node` fields included.
 */
import { ApolloServer } from '@apollo/server';
import { parse, print } from 'graphql';
import { HTTP_OPERATIONS } from '../../bench/http/operations';
import { recordedResolvers, withTypenames, type RecordedData } from '../../bench/http/stack-ceiling';
import { loadTypeDefs } from '../../src/api/schema';
import { startTestServer, type TestServer } from '../support/test-server';

describe('withTypenames', () => {
  it('selects __typename in every selection set, fragments included, and never twice', () => {
    const typed = withTypenames('{ node(id: "x") { __typename id ... on City { country { id } } } }');
    expect(typed).toBe(
      print(parse('{ node(id: "x") { __typename id ... on City { country { id __typename } __typename } } __typename }')),
    );
  });
});

describe('recordedResolvers', () => {
  it('answers each recorded root field with its value', () => {
    const resolvers = recordedResolvers({ a: { node: { id: 1 } }, b: { search: [] } });
    expect(resolvers.node?.()).toEqual({ id: 1 });
    expect(resolvers.search?.()).toEqual([]);
  });

  it('refuses two operations recording one root field with different values', () => {
    expect(() => recordedResolvers({ a: { node: { id: 1 } }, b: { node: { id: 2 } } })).toThrow(
      'recorded root field node differs between operations (at b)',
    );
  });
});

describe('the stack over the recorded seed answers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  async function post(query: string, variables: unknown): Promise<unknown> {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  it('answers every bench operation as the real server does', async () => {
    const recorded: Record<string, RecordedData> = {};
    const expected: Record<string, unknown> = {};
    for (const operation of HTTP_OPERATIONS) {
      const { query, variables } = JSON.parse(operation.body) as { query: string; variables: Record<string, unknown> };
      expected[operation.name] = await post(query, variables);
      recorded[operation.name] = ((await post(withTypenames(query), variables)) as { data: RecordedData }).data;
    }
    const stack = new ApolloServer({ typeDefs: loadTypeDefs(), resolvers: { Query: recordedResolvers(recorded) } });
    await stack.start();
    try {
      for (const operation of HTTP_OPERATIONS) {
        const { query, variables } = JSON.parse(operation.body) as { query: string; variables: Record<string, unknown> };
        const answer = await stack.executeOperation({ query, variables });
        const body = answer.body.kind === 'single' ? answer.body.singleResult : undefined;
        expect(body).toEqual(expected[operation.name]);
        expect(JSON.stringify(body?.data)).not.toBe('null');
      }
    } finally {
      await stack.stop();
    }
  });
});

/**
 * README "Analyst recipes": every query there runs against the seed server over real HTTP
 * without errors, and its answer holds each id the README names under it ("Answer: …").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { postJson, startTestServer, type TestServer } from '../support/test-server';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('## Analyst recipes');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

interface Recipe {
  readonly query: string;
  readonly ids: readonly string[];
}

/** Each ```graphql block with the backticked ids of the "Answer:" paragraph after it. */
const recipes: Recipe[] = [...section.matchAll(/```graphql\n([\s\S]*?)```\s*\n\s*Answer:([\s\S]*?)(?:\n\n|$)/g)].map((match) => ({
  query: match[1] ?? '',
  ids: [...(match[2] ?? '').matchAll(/`([a-z]+:[a-z0-9-]+)`/g)].map((id) => id[1] ?? ''),
}));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

it('finds the recipes, each with the ids of its answer', () => {
  expect(start).toBeGreaterThan(0);
  expect(recipes.length).toBeGreaterThanOrEqual(7);
  for (const recipe of recipes) expect(recipe.ids.length).toBeGreaterThan(0);
});

it.each(recipes.map((recipe) => [recipe.query.split('\n')[0] ?? '', recipe] as const))('%s', async (_title, recipe) => {
  const response = await postJson<unknown>(server.url, { query: recipe.query });
  expect(response.errors).toBeUndefined();
  const answer = JSON.stringify(response.data);
  for (const id of recipe.ids) expect({ id, found: answer.includes(`"${id}"`) }).toEqual({ id, found: true });
});

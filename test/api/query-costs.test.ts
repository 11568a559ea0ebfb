/**
 * Issue 13 item 7: the operations real clients send fit the default cost limit (MAX_COST),
 * costed exactly as the server costs them (`selectionCost`: every field 1, times the page
 * size of the lists around it, a `first` left out at its schema default): the explorer's
 * own operations (web/operations) and the test operations, which include the README's
 * analyst recipes. A field given a larger default page, or an explorer query that grows,
 * fails here and not in a user's browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectionCost } from '../../src/api/cost-limit';
import { loadTypeDefs } from '../../src/api/schema';
import { loadConfig } from '../../src/config';
import { PROJECT_ROOT } from '../../src/project-root';

const schema = buildSchema(loadTypeDefs());
const MAX_COST = loadConfig({}).security.limits.maxCost;

function operationsIn(
  folder: string,
): { file: string; operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> }[] {
  const directory = path.join(PROJECT_ROOT, folder);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .flatMap((name) => {
      const document = parse(readFileSync(path.join(directory, name), 'utf8'));
      const fragments = Object.fromEntries(
        document.definitions.flatMap((definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
        ),
      );
      return document.definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? [{ file: `${folder}/${name}`, operation: definition, fragments }] : [],
      );
    });
}

const explorer = operationsIn('web/operations');
const tests = operationsIn('test/operations');

it('reads the explorer and test operations', () => {
  expect(explorer.length).toBeGreaterThanOrEqual(9);
  expect(tests.length).toBeGreaterThan(20);
});

it.each([...explorer, ...tests].map((each) => [`${each.file} ${each.operation.name?.value ?? '(anonymous)'}`, each] as const))(
  '%s fits the default MAX_COST',
  (_name, { operation, fragments }) => {
    const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) throw new Error('schema without a root type');
    const cost = selectionCost({ schema, fragments, variables: {} }, root, operation.selectionSet);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(MAX_COST);
  },
);

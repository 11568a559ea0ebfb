/**
 * The GraphQL schema's enums hold exactly the ontology's values, so the conversions in
 * src/api/enums.ts cannot drift from src/domain/ontology.ts.
 */
import { buildSchema, GraphQLEnumType } from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import { toEnumValue } from '../../src/api/enums';
import {
  CITY_KINDS,
  CONFIDENCE_LEVELS,
  EVENT_KINDS,
  NODE_LABELS,
  ORGANIZATION_KINDS,
  PROGRAMME_KINDS,
  RELATION_TYPES,
} from '../../src/domain/ontology';

const schema = buildSchema(loadTypeDefs());

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum in the schema`);
  return type.getValues().map((value) => value.name);
}

it.each([
  ['NodeType', NODE_LABELS],
  ['RelationType', RELATION_TYPES],
  ['CityKind', CITY_KINDS],
  ['OrganizationKind', ORGANIZATION_KINDS],
  ['ProgrammeKind', PROGRAMME_KINDS],
  ['EventKind', EVENT_KINDS],
  ['Confidence', CONFIDENCE_LEVELS],
])('%s matches the ontology', (name, values) => {
  expect(enumValues(name).sort()).toEqual(values.map((value) => toEnumValue(value)).sort());
});

it('declares one GraphQL object type per node label, implementing Node', () => {
  for (const label of NODE_LABELS) {
    const type = schema.getType(label);
    expect({ label, implementsNode: type && 'getInterfaces' in type ? type.getInterfaces().map((each) => each.name) : [] }).toEqual({
      label,
      implementsNode: ['Node'],
    });
  }
});

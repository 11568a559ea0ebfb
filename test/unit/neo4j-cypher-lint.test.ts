/**
 * Every Cypher statement of the Neo4j adapter (src/store/neo4j/cypher.ts), run through
 * Neo4j's own semantic analyser (`lintCypherQuery` from @neo4j-cypher/language-support) with
 * the ontology as the database schema. Any diagnostic, error or warning, fails the test and
 * names the statement. This checks the Cypher without a server; it does not claim that
 * Neo4j runs it (the contract suite does, when NEO4J_URI is set).
 *
 * The schema: labels, relationship types and property keys from the ontology (plus the
 * adapter's own stored keys and the keys of its `$rows` maps), only the statement's declared
 * parameters, and the procedures and functions the adapter uses, with the signatures Neo4j 5
 * reports for them (`SHOW PROCEDURES` / `SHOW FUNCTIONS`, as the package ships them in
 * `testData.mockSchema`). With those the analyser also checks procedure arguments and YIELD
 * columns and function names; a function not declared below is reported like a misspelt
 * one. (Handing it the whole registry works too but costs ~0.3 s more per statement.)
 */
import type * as LanguageSupportModule from '@neo4j-cypher/language-support' with { 'resolution-mode': 'import' };
import type { DbSchema } from '@neo4j-cypher/language-support' with { 'resolution-mode': 'import' };
import { COMMON_NODE_PROPERTIES, LABEL_PROPERTIES, NODE_LABELS, RELATION_PROPERTIES, RELATION_TYPES } from '../../src/domain/ontology';
import { ROW_KEYS, STORE_PROPERTY_KEYS, allStatements, type CypherStatement } from '../../src/store/neo4j/cypher';

// The package is ESM-typed; a dynamic import keeps this CommonJS test file type-checked.
type LanguageSupport = typeof LanguageSupportModule;

let languageSupport: LanguageSupport;

beforeAll(async () => {
  languageSupport = await import('@neo4j-cypher/language-support');
  const { mockSchema } = languageSupport.testData;
  registries = {
    procedures: { [CYPHER_VERSION]: pick(mockSchema.procedures?.[CYPHER_VERSION], PROCEDURES_USED) },
    functions: { [CYPHER_VERSION]: pick(mockSchema.functions?.[CYPHER_VERSION], FUNCTIONS_USED) },
  };
});

const PROPERTY_KEYS = [
  ...new Set([
    ...COMMON_NODE_PROPERTIES,
    ...Object.values(LABEL_PROPERTIES).flat(),
    ...RELATION_PROPERTIES,
    ...STORE_PROPERTY_KEYS,
    ...ROW_KEYS,
  ]),
];

/** Neo4j 5 speaks Cypher 5 by default; Neo4j 2025 (and Aura) accept the same text as Cypher 5. */
const CYPHER_VERSION = 'CYPHER 5';

/** Every procedure and function the adapter's Cypher calls. */
const PROCEDURES_USED = ['db.awaitIndexes', 'db.index.fulltext.queryNodes'];
const FUNCTIONS_USED = [
  'coalesce',
  'collect',
  'count',
  'elementId',
  'endNode',
  'head',
  'labels',
  'length',
  'log',
  'max',
  'min',
  'nodes',
  'properties',
  'relationships',
  'round',
  'size',
  'startNode',
  'sum',
  'toFloat',
  'type',
];

/** The named entries of a registry, failing loudly if Neo4j 5 has no such procedure or function. */
function pick<T>(registry: Readonly<Record<string, T>> | undefined, names: readonly string[]): Record<string, T> {
  return Object.fromEntries(
    names.map((name) => {
      const entry = registry?.[name];
      if (entry === undefined) throw new Error(`Neo4j 5 has no procedure or function named ${name}`);
      return [name, entry];
    }),
  );
}

let registries: Pick<DbSchema, 'procedures' | 'functions'>;

function schemaFor(parameters: readonly string[]): DbSchema {
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...RELATION_TYPES],
    propertyKeys: PROPERTY_KEYS,
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    ...registries,
    defaultLanguage: CYPHER_VERSION,
  };
}

function diagnosticsOf(text: string, parameters: readonly string[]): string[] {
  return languageSupport
    .lintCypherQuery(text, schemaFor(parameters))
    .diagnostics.map((diagnostic) => `${diagnostic.severity === 1 ? 'error' : 'warning'}: ${diagnostic.message}`);
}

const statements: readonly CypherStatement[] = allStatements();

describe("Neo4j adapter Cypher, checked by Neo4j's semantic analyser", () => {
  it('lists a non-trivial set of distinct statements', () => {
    expect(statements.length).toBeGreaterThan(40);
    expect(new Set(statements.map((statement) => statement.name)).size).toBe(statements.length);
  });

  it.each(statements.map((statement) => [statement.name, statement] as const))('%s: no errors, no warnings', (_name, statement) => {
    expect({ statement: statement.name, diagnostics: diagnosticsOf(statement.text, statement.parameters) }).toEqual({
      statement: statement.name,
      diagnostics: [],
    });
  });

  it('declares exactly the parameters each statement uses', () => {
    const mismatched = statements.flatMap((statement) => {
      const used = new Set([...statement.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/gu)].map((match) => match[1]));
      const declared = new Set(statement.parameters);
      const same = used.size === declared.size && [...used].every((name) => name !== undefined && declared.has(name));
      return same ? [] : [`${statement.name}: uses [${[...used].join(', ')}], declares [${[...declared].join(', ')}]`];
    });
    expect(mismatched).toEqual([]);
  });
});

describe('the lint is not a no-op', () => {
  it('reports a misspelt label, relationship type and property as warnings', () => {
    expect(diagnosticsOf('MATCH (n:Cty)-[:IN_CUNTRY]->(c:Country) RETURN n.nmae', [])).toEqual([
      expect.stringMatching(/^warning: .*Cty/u),
      expect.stringMatching(/^warning: .*IN_CUNTRY/u),
      expect.stringMatching(/^warning: .*nmae/u),
    ]);
  });

  it('reports an undeclared parameter as an error', () => {
    expect(diagnosticsOf('MATCH (n:City) WHERE n.id IN $ids RETURN n.name', [])).toEqual([expect.stringMatching(/^error: .*\$ids/u)]);
  });

  it('reports a wrong YIELD column of the full-text procedure and a function nobody declared', () => {
    expect(diagnosticsOf("CALL db.index.fulltext.queryNodes('cities_kg_names_latin', $q) YIELD node, scor RETURN node", ['q'])).toEqual([
      expect.stringMatching(/^error: .*scor/u),
    ]);
    expect(diagnosticsOf('MATCH (n:City) RETURN toLowerr(n.name) AS name', [])).toEqual([expect.stringMatching(/^error: .*toLowerr/u)]);
  });

  it('reports an undefined variable as an error', () => {
    expect(diagnosticsOf('MATCH (n:City) RETURN m', [])).toEqual([expect.stringMatching(/^error: .*m/u)]);
  });

  it('reports a syntax error', () => {
    expect(diagnosticsOf('MATCH (n:City RETURN n', [])).not.toEqual([]);
  });
});

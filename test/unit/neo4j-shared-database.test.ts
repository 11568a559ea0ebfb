/**
 * The shared-database rules of cypher.ts, checked on the text of the statements written to
 * them: in a database holding other data too, a pattern must never walk into foreign nodes
 * or relationships. So every relationship pattern names its types, and every node pattern
 * names ontology labels, unless it reuses a variable bound earlier to a labelled node (a
 * pattern variable with a label, or an alias such as `UNWIND … AS o` of labelled nodes).
 * Whether Neo4j runs them is for the analyser test and the contract suite against Neo4j.
 */
import { NODE_LABELS } from '../../src/domain/ontology';
import { SIMILAR_CITIES, sharedPartners, type CypherStatement } from '../../src/store/neo4j/cypher';

/** What breaks the rules in a statement's text, in words (empty when it keeps them). */
function sharedDatabaseProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/-\[([^\]]*)\]-/gu)) {
    if (!/^\w*:\w/u.test(match[1] ?? '')) problems.push(`relationship pattern [${match[1] ?? ''}] names no type`);
  }
  const labels = new Set<string>(NODE_LABELS);
  const nodePattern = /(?<![\w(])\((\w*)((?::\w+(?:\|\w+)*)?)(?:\s*\{[^}]*\})?\)/gu;
  for (const match of text.matchAll(nodePattern)) {
    const at = match.index;
    const before = text.slice(Math.max(0, at - 6), at);
    const after = text.slice(at + match[0].length, at + match[0].length + 2);
    const inPattern = /[-<>]\s*$/u.test(before) || /^\s*[-<]/u.test(after) || /MATCH\s*$/u.test(before);
    if (!inPattern) continue;
    const [, variable = '', labelPart = ''] = match;
    if (labelPart !== '') {
      const unknown = labelPart
        .slice(1)
        .split('|')
        .filter((label) => !labels.has(label));
      if (unknown.length > 0) problems.push(`node pattern ${match[0]} names labels outside the ontology: ${unknown.join(', ')}`);
      continue;
    }
    const earlier = text.slice(0, at);
    const bound =
      variable !== '' && (new RegExp(`\\(${variable}:\\w`, 'u').test(earlier) || new RegExp(`\\bAS ${variable}\\b`, 'u').test(earlier));
    if (!bound) problems.push(`node pattern ${match[0]} has no label and no variable bound to a labelled node before it`);
  }
  return problems;
}

const checked: readonly CypherStatement[] = [sharedPartners('all'), sharedPartners('ids'), SIMILAR_CITIES];

describe('statements that keep to the shared-database rules', () => {
  it.each(checked.map((statement) => [statement.name, statement] as const))(
    '%s: every node pattern labelled (or bound to one), every relationship typed',
    (_name, statement) => {
      expect(sharedDatabaseProblems(statement.text)).toEqual([]);
    },
  );

  it('the check finds untyped relationships, unlabelled and anonymous nodes, and foreign labels', () => {
    expect(sharedDatabaseProblems('MATCH (a:City)-[r]-(b) RETURN b')).toEqual([
      'relationship pattern [r] names no type',
      'node pattern (b) has no label and no variable bound to a labelled node before it',
    ]);
    expect(sharedDatabaseProblems('MATCH (a:City)<-[:PART_OF]-() RETURN a')).toEqual([
      'node pattern () has no label and no variable bound to a labelled node before it',
    ]);
    expect(sharedDatabaseProblems('MATCH (a:Invoice)-[:PART_OF]->(b:City) RETURN a')).toEqual([
      'node pattern (a:Invoice) names labels outside the ontology: Invoice',
    ]);
    expect(sharedDatabaseProblems('MATCH (a:City) UNWIND [a] AS x MATCH (x)-[:PART_OF]->(b:City) RETURN b')).toEqual([]);
  });
});

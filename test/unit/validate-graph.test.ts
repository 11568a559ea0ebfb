/**
 * The validator rejects each kind of bad graph document with the right problem code, the
 * file and the entity id, and reports every problem at once.
 */
import { validateGraph, type GraphFile, type ProblemCode } from '../../src/domain/validate-graph';

const SOURCE = 'يقودها حاليًا عمدة المدينة مرتضى وهاب.\nكراتشي   باكستان';
const sourceTexts = new Map([['000.txt', SOURCE]]);
const cite = (quote = 'مرتضى وهاب') => [{ doc: 'doc:000', quote }];

const documentNode = {
  id: 'doc:000',
  label: 'Document',
  name: 'Spotlight',
  nameAr: 'أضواء',
  title: 'Spotlight',
  file: '000.txt',
  sources: cite(),
};
const karachi = { id: 'city:karachi', label: 'City', kind: 'city', name: 'Karachi', nameAr: 'كراتشي', sources: cite('كراتشي باكستان') };
const pakistan = { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: cite('باكستان') };
const wahab = { id: 'person:murtaza-wahab', label: 'Person', name: 'Murtaza Wahab', nameAr: 'مرتضى وهاب', sources: cite() };
const leads = { type: 'LEADS', from: 'person:murtaza-wahab', to: 'city:karachi', title: 'Mayor', sources: cite('عمدة المدينة مرتضى وهاب') };
const base = { nodes: [documentNode, karachi, pakistan, wahab], relations: [leads] };

function validate(...files: GraphFile[]) {
  return validateGraph({ files, sourceTexts });
}

function problemsOf(content: unknown, file = 'graph/test.json') {
  return validate({ file, content }).problems.map(({ file: where, entity, code }) => ({ file: where, entity, code }));
}

function expectOnly(content: unknown, code: ProblemCode, entity: string) {
  expect(problemsOf(content)).toEqual([{ file: 'graph/test.json', entity, code }]);
}

describe('validateGraph', () => {
  it('accepts a good graph and returns its nodes and relations with ids', () => {
    const { graph, problems } = validate({ file: 'graph/a.json', content: base });
    expect(problems).toEqual([]);
    expect(graph.nodes.map((node) => node.id)).toEqual(['doc:000', 'city:karachi', 'country:pk', 'person:murtaza-wahab']);
    expect(graph.relations.map((relation) => relation.id)).toEqual(['person:murtaza-wahab-LEADS->city:karachi']);
  });

  it('compares quotes after whitespace normalisation only', () => {
    const spaced = { ...karachi, sources: cite('كراتشي\n باكستان') };
    expect(problemsOf({ ...base, nodes: [documentNode, spaced, pakistan, wahab] })).toEqual([]);
  });

  it('rejects an unknown label', () => {
    expectOnly({ ...base, nodes: [...base.nodes, { ...wahab, id: 'person:x', label: 'Mayor' }] }, 'UNKNOWN_LABEL', 'person:x');
  });

  it('rejects an unknown relation type', () => {
    expectOnly(
      { ...base, relations: [{ ...leads, type: 'GOVERNS' }] },
      'UNKNOWN_RELATION_TYPE',
      'person:murtaza-wahab-GOVERNS->city:karachi',
    );
  });

  it('rejects a bad id for its label', () => {
    expectOnly({ ...base, nodes: [...base.nodes, { ...karachi, id: 'city:Karachi City' }] }, 'BAD_ID', 'city:Karachi City');
    expectOnly({ ...base, nodes: [...base.nodes, { ...pakistan, id: 'country:pak' }] }, 'BAD_ID', 'country:pak');
    expectOnly({ ...base, nodes: [...base.nodes, { ...wahab, id: 'city:murtaza' }] }, 'BAD_ID', 'city:murtaza');
  });

  it('rejects a duplicate id within one file', () => {
    expectOnly({ ...base, nodes: [...base.nodes, karachi] }, 'DUPLICATE_ID', 'city:karachi');
  });

  it('rejects a relation whose endpoint has the wrong label (LEADS must go Person → City)', () => {
    const reversed = { ...leads, from: 'city:karachi', to: 'person:murtaza-wahab' };
    const problems = problemsOf({ ...base, relations: [reversed] });
    expect(problems.map((problem) => problem.code)).toEqual(['WRONG_ENDPOINT_LABEL', 'WRONG_ENDPOINT_LABEL']);
    expect(problems[0]?.entity).toBe('city:karachi-LEADS->person:murtaza-wahab');
    expectOnly({ ...base, relations: [{ ...leads, to: 'country:pk' }] }, 'WRONG_ENDPOINT_LABEL', 'person:murtaza-wahab-LEADS->country:pk');
  });

  it('rejects a relation whose endpoint does not exist', () => {
    expectOnly({ ...base, relations: [{ ...leads, to: 'city:lahore' }] }, 'MISSING_ENDPOINT', 'person:murtaza-wahab-LEADS->city:lahore');
  });

  it('rejects missing provenance on a node or a relation', () => {
    expectOnly({ ...base, nodes: [documentNode, { ...karachi, sources: [] }, pakistan, wahab] }, 'MISSING_PROVENANCE', 'city:karachi');
    expectOnly({ ...base, relations: [{ ...leads, sources: [] }] }, 'MISSING_PROVENANCE', 'person:murtaza-wahab-LEADS->city:karachi');
    const noSourcesKey: Record<string, unknown> = { ...karachi };
    delete noSourcesKey.sources;
    expectOnly({ ...base, nodes: [documentNode, noSourcesKey, pakistan, wahab] }, 'SHAPE', 'city:karachi');
  });

  it('rejects a quote that is not verbatim in its document, and an unknown document', () => {
    expectOnly(
      { ...base, nodes: [documentNode, { ...karachi, sources: cite('كراتشي مدينة') }, pakistan, wahab] },
      'QUOTE_NOT_FOUND',
      'city:karachi',
    );
    expectOnly(
      { ...base, nodes: [documentNode, { ...karachi, sources: [{ doc: 'doc:009', quote: 'x' }] }, pakistan, wahab] },
      'UNKNOWN_DOCUMENT',
      'city:karachi',
    );
  });

  it('rejects missing or misplaced relation properties', () => {
    const { title: _title, ...untitled } = leads;
    expectOnly({ ...base, relations: [untitled] }, 'BAD_PROPERTY', 'person:murtaza-wahab-LEADS->city:karachi');
    expectOnly({ ...base, relations: [{ ...leads, role: 'host' }] }, 'BAD_PROPERTY', 'person:murtaza-wahab-LEADS->city:karachi');
  });

  it('rejects properties of the wrong shape and unknown keys', () => {
    expectOnly({ ...base, nodes: [documentNode, { ...karachi, kind: 'metropolis' }, pakistan, wahab] }, 'SHAPE', 'city:karachi');
    expectOnly({ ...base, nodes: [documentNode, karachi, { ...pakistan, code: 'pk' }, wahab] }, 'SHAPE', 'country:pk');
    expectOnly({ ...base, nodes: [documentNode, { ...karachi, mayor: 'x' }, pakistan, wahab] }, 'SHAPE', 'city:karachi');
  });

  it('merges a node described in two files, joining sources, and rejects disagreement', () => {
    const other: GraphFile = { file: 'graph/b.json', content: { nodes: [{ ...karachi, sources: cite('كراتشي'), aliases: ['KMC'] }] } };
    const merged = validate({ file: 'graph/a.json', content: base }, other);
    expect(merged.problems).toEqual([]);
    const city = merged.graph.nodes.find((node) => node.id === 'city:karachi');
    expect(city?.sources).toHaveLength(2);
    expect(city?.aliases).toEqual(['KMC']);

    const disagreeing: GraphFile = { file: 'graph/b.json', content: { nodes: [{ ...karachi, name: 'Karachi City' }] } };
    const conflict = validate({ file: 'graph/a.json', content: base }, disagreeing).problems;
    expect(conflict.map(({ file, entity, code }) => ({ file, entity, code }))).toEqual([
      { file: 'graph/b.json', entity: 'city:karachi', code: 'CONFLICT' },
    ]);
  });

  it('reports unreadable files and documents without a source file', () => {
    const unreadable = validate({ file: 'graph/bad.json', error: 'not valid JSON' }).problems;
    expect(unreadable.map((problem) => problem.code)).toEqual(['UNREADABLE']);
    expectOnly({ ...base, nodes: [{ ...documentNode, file: '999.txt' }, karachi, pakistan, wahab] }, 'MISSING_SOURCE_FILE', 'doc:000');
  });

  it('reports every problem at once, each with its file and entity', () => {
    const problems = problemsOf({
      nodes: [documentNode, { ...karachi, sources: [] }, { ...pakistan, id: 'country:pak' }, { ...wahab, label: 'Mayor' }],
      relations: [{ ...leads, type: 'GOVERNS' }],
    });
    expect(problems.map((problem) => problem.code).sort()).toEqual(
      ['BAD_ID', 'MISSING_PROVENANCE', 'UNKNOWN_LABEL', 'UNKNOWN_RELATION_TYPE'].sort(),
    );
  });
});

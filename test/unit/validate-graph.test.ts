/**
 * The validator rejects each kind of bad graph document with the right problem code, the
 * file and the entity id, and reports every problem at once.
 */
import { validateGraph, type GraphFile, type ProblemCode, type ValidationOptions } from '../../src/domain/validate-graph';
import type { NodeRecord } from '../../src/domain/graph-document';

const SOURCE = 'يقودها حاليًا عمدة المدينة مرتضى وهاب.\nكراتشي   باكستان\nتقع مدينة كراتشي في جنوب باكستان';
const sourceTexts = new Map([['000.txt', SOURCE]]);
const cite = (quote = 'عمدة المدينة مرتضى وهاب') => [{ doc: 'doc:000', quote }];

/** A commitment and a programme, for the relation rules that need them. */
const commitment = {
  id: 'commitment:1',
  label: 'Commitment',
  number: 1,
  text: 'Speak',
  textAr: 'تحدث',
  name: 'C1',
  nameAr: 'الالتزام',
  sources: cite(),
};
const programme = { id: 'prog:x', label: 'Programme', kind: 'programme', name: 'X', nameAr: 'س', sources: cite() };

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
const pakistan = { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: cite('جنوب باكستان') };
const wahab = { id: 'person:murtaza-wahab', label: 'Person', name: 'Murtaza Wahab', nameAr: 'مرتضى وهاب', sources: cite() };
const leads = {
  type: 'LEADS',
  from: 'person:murtaza-wahab',
  to: 'city:karachi',
  confidence: 'STATED',
  title: 'Mayor',
  asOf: '2024',
  sources: cite('عمدة المدينة مرتضى وهاب'),
};
const inPakistan = { type: 'IN_COUNTRY', from: 'city:karachi', to: 'country:pk', confidence: 'STATED', sources: cite('كراتشي باكستان') };
const base = { nodes: [documentNode, karachi, pakistan, wahab], relations: [leads] };
const seedBase = { ...base, relations: [leads, inPakistan] };

/** Most cases check one rule on a fragment: the whole-graph seed rules have their own block below. */
const FRAGMENT: ValidationOptions = { seedRules: false };

function validate(...files: GraphFile[]) {
  return validateGraph({ files, sourceTexts }, FRAGMENT);
}

function problemsOf(content: unknown, options: ValidationOptions = FRAGMENT) {
  return validateGraph({ files: [{ file: 'graph/test.json', content }], sourceTexts }, options).problems.map(
    ({ file: where, entity, code }) => ({ file: where, entity, code }),
  );
}

function expectOnly(content: unknown, code: ProblemCode, entity: string, options: ValidationOptions = FRAGMENT) {
  expect(problemsOf(content, options)).toEqual([{ file: 'graph/test.json', entity, code }]);
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

  it('rejects a node described twice in one file, not one described once in each of several', () => {
    const again: GraphFile = { file: 'graph/b.json', content: { nodes: [karachi] } };
    const twice: GraphFile = { file: 'graph/c.json', content: { nodes: [wahab, karachi, wahab] } };
    const problems = validate({ file: 'graph/a.json', content: base }, again, twice).problems;
    expect(problems.map(({ file, entity, code, message }) => ({ file, entity, code, message }))).toEqual([
      {
        file: 'graph/c.json',
        entity: 'person:murtaza-wahab',
        code: 'DUPLICATE_ID',
        message: 'node person:murtaza-wahab appears twice in this file; describe it once',
      },
    ]);
  });

  it("tells onNodes the graph's nodes before the relations are checked, unless a node has a problem", () => {
    const heard: (readonly NodeRecord[])[] = [];
    const onNodes = (nodes: readonly NodeRecord[]): number => heard.push(nodes);
    const good = validateGraph({ files: [{ file: 'graph/a.json', content: base }], sourceTexts }, { ...FRAGMENT, onNodes });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toBe(good.graph.nodes);
    // A relation's problem is found after: the nodes were heard, the graph still fails.
    const badRelation = { ...base, relations: [{ ...leads, to: 'city:lahore' }] };
    expect(
      validateGraph({ files: [{ file: 'graph/a.json', content: badRelation }], sourceTexts }, { ...FRAGMENT, onNodes }).problems,
    ).not.toEqual([]);
    expect(heard).toHaveLength(2);
    const badNode = { ...base, nodes: [...base.nodes, karachi] };
    validateGraph({ files: [{ file: 'graph/a.json', content: badNode }], sourceTexts }, { ...FRAGMENT, onNodes });
    expect(heard).toHaveLength(2);
  });

  it('rejects a relation whose endpoint has the wrong label (LEADS must go Person → City)', () => {
    const reversed = { ...leads, from: 'city:karachi', to: 'person:murtaza-wahab' };
    const problems = problemsOf({ ...base, relations: [reversed] });
    expect(problems.map((problem) => problem.code)).toEqual(['WRONG_ENDPOINT_LABEL', 'WRONG_ENDPOINT_LABEL']);
    expect(problems[0]?.entity).toBe('city:karachi-LEADS->person:murtaza-wahab');
    expectOnly({ ...base, relations: [{ ...leads, to: 'country:pk' }] }, 'WRONG_ENDPOINT_LABEL', 'person:murtaza-wahab-LEADS->country:pk');
  });

  it('checks relation ends against nodes described in any file, in the same words', () => {
    const people: GraphFile = { file: 'graph/b.json', content: { nodes: [{ ...wahab, id: 'person:other' }] } };
    const relations: GraphFile = {
      file: 'graph/c.json',
      content: {
        relations: [
          { ...leads, from: 'person:other' },
          { ...leads, from: 'country:pk' },
          { ...leads, from: 'person:nobody' },
        ],
      },
    };
    const problems = validate({ file: 'graph/a.json', content: base }, people, relations).problems;
    expect(problems.map(({ file, entity, code, message }) => ({ file, entity, code, message }))).toEqual([
      {
        file: 'graph/c.json',
        entity: 'country:pk-LEADS->city:karachi',
        code: 'WRONG_ENDPOINT_LABEL',
        message: 'relation country:pk-LEADS->city:karachi: LEADS must go Person → City, but its from node country:pk is a Country',
      },
      {
        file: 'graph/c.json',
        entity: 'person:nobody-LEADS->city:karachi',
        code: 'MISSING_ENDPOINT',
        message: 'relation person:nobody-LEADS->city:karachi: from node "person:nobody" does not exist; add it or fix the id',
      },
    ]);
  });

  it('does not report the relations of a node already reported as broken', () => {
    expectOnly(
      { ...base, nodes: [...base.nodes, { ...wahab, id: 'person:x', label: 'Mayor' }], relations: [leads, { ...leads, from: 'person:x' }] },
      'UNKNOWN_LABEL',
      'person:x',
    );
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
      { ...base, nodes: [documentNode, { ...karachi, sources: [{ doc: 'doc:009', quote: 'تقع مدينة كراتشي' }] }, pakistan, wahab] },
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
    const other: GraphFile = {
      file: 'graph/b.json',
      content: { nodes: [{ ...karachi, sources: cite('تقع مدينة كراتشي'), aliases: ['KMC'] }] },
    };
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

  it('applies the property rules of each relation type', () => {
    const id = 'person:murtaza-wahab-LEADS->city:karachi';
    const { asOf: _asOf, ...undated } = leads;
    expectOnly({ ...base, relations: [undated] }, 'BAD_PROPERTY', id);
    expectOnly({ ...base, relations: [{ ...leads, confidence: 'INFERRED' }] }, 'BAD_PROPERTY', id);
    expect(problemsOf({ ...base, relations: [{ ...leads, confidence: 'INFERRED', note: 'the profile says "currently"' }] })).toEqual([]);
    expectOnly({ ...base, relations: [{ ...leads, confidence: 'CERTAIN' }] }, 'SHAPE', id);
    const takesPart = { type: 'TAKES_PART_IN', from: 'city:karachi', to: 'prog:x', confidence: 'STATED', sources: cite() };
    const nodes = [...base.nodes, programme];
    expectOnly({ nodes, relations: [takesPart] }, 'BAD_PROPERTY', 'city:karachi-TAKES_PART_IN->prog:x');
    expectOnly({ nodes, relations: [{ ...takesPart, role: 'funder' }] }, 'BAD_PROPERTY', 'city:karachi-TAKES_PART_IN->prog:x');
    expect(problemsOf({ nodes, relations: [{ ...takesPart, role: 'pilot' }] })).toEqual([]);
  });

  it('allows PART_OF only between the label pairs the ontology lists', () => {
    const event = { id: 'event:x', label: 'Event', kind: 'workshop', name: 'X', nameAr: 'س', sources: cite() };
    const nodes = [...base.nodes, event];
    const partOf = (from: string, to: string) => ({ type: 'PART_OF', from, to, confidence: 'STATED', sources: cite() });
    expectOnly({ nodes, relations: [partOf('city:karachi', 'event:x')] }, 'WRONG_ENDPOINT_LABEL', 'city:karachi-PART_OF->event:x');
    const held = { type: 'HELD_IN', from: 'event:x', to: 'city:karachi', confidence: 'STATED', sources: cite() };
    expect(problemsOf({ nodes, relations: [held] })).toEqual([]);
  });

  it('checks the nodes that through, at and forCity name', () => {
    const nodes = [...base.nodes, commitment, programme];
    const advances = (from: string, extra = {}) => ({
      type: 'ADVANCES',
      from,
      to: 'commitment:1',
      confidence: 'STATED',
      sources: cite(),
      ...extra,
    });
    const example = advances('city:karachi', { through: ['prog:x'] });
    expect(problemsOf({ nodes, relations: [example, advances('prog:x')] })).toEqual([]);
    expectOnly(
      { nodes, relations: [advances('city:karachi', { through: ['prog:y'] })] },
      'MISSING_ENDPOINT',
      'city:karachi-ADVANCES->commitment:1',
    );
    expectOnly({ nodes, relations: [advances('prog:x', { through: ['prog:x'] })] }, 'BAD_PROPERTY', 'prog:x-ADVANCES->commitment:1');
    const learned = {
      type: 'LEARNED_FROM',
      from: 'city:karachi',
      to: 'country:pk',
      confidence: 'STATED',
      at: 'event:none',
      sources: cite(),
    };
    expectOnly({ nodes, relations: [learned] }, 'MISSING_ENDPOINT', 'city:karachi-LEARNED_FROM->country:pk');
    // A node that exists but has the wrong label is a WRONG_ENDPOINT_LABEL, not a missing one.
    expectOnly({ nodes, relations: [{ ...learned, at: 'prog:x' }] }, 'WRONG_ENDPOINT_LABEL', 'city:karachi-LEARNED_FROM->country:pk');
    expectOnly(
      { nodes, relations: [advances('city:karachi', { through: ['country:pk'] })] },
      'WRONG_ENDPOINT_LABEL',
      'city:karachi-ADVANCES->commitment:1',
    );
  });

  it('refuses quotes that cannot state a fact and text with unsafe characters', () => {
    // U+FEFF in place of a space is not white space: the quote is refused, not matched.
    expectOnly(
      { ...base, nodes: [documentNode, { ...karachi, sources: cite('كراتشي\uFEFFباكستان') }, pakistan, wahab] },
      'BAD_QUOTE',
      'city:karachi',
    );
    expectOnly({ ...base, nodes: [documentNode, { ...karachi, sources: cite('و') }, pakistan, wahab] }, 'BAD_QUOTE', 'city:karachi');
    for (const name of ['Kara\u0000chi', 'Kara\u0007chi', 'Kara\u202Echi', 'Kara\u2066chi', 'Kara\uD800chi']) {
      expectOnly({ ...base, nodes: [documentNode, { ...karachi, name }, pakistan, wahab] }, 'SHAPE', 'city:karachi');
    }
  });

  describe('seed rules (the whole curated graph)', () => {
    it('accepts a connected graph with every relation graded', () => {
      expect(problemsOf(seedBase, {})).toEqual([]);
    });

    it('needs an explicit confidence on every relation', () => {
      const { confidence: _confidence, ...ungraded } = inPakistan;
      expectOnly({ ...seedBase, relations: [leads, ungraded] }, 'BAD_PROPERTY', 'city:karachi-IN_COUNTRY->country:pk', {});
    });

    it('rejects isolated nodes (but documents) and cities placed nowhere', () => {
      const lahore = { ...karachi, id: 'city:lahore', name: 'Lahore' };
      const lahoreLeader = { ...leads, to: 'city:lahore' };
      expectOnly(
        { ...seedBase, nodes: [...seedBase.nodes, { ...pakistan, id: 'country:in', code: 'IN' }] },
        'ISOLATED_NODE',
        'country:in',
        {},
      );
      expectOnly(
        { ...seedBase, nodes: [...seedBase.nodes, lahore], relations: [...seedBase.relations, lahoreLeader] },
        'UNPLACED_CITY',
        'city:lahore',
        {},
      );
    });

    it("needs a city example's programme to advance the same commitment", () => {
      const example = {
        type: 'ADVANCES',
        from: 'city:karachi',
        to: 'commitment:1',
        confidence: 'STATED',
        through: ['prog:x'],
        sources: cite(),
      };
      const runs = { type: 'RUNS', from: 'city:karachi', to: 'prog:x', confidence: 'STATED', sources: cite() };
      const graph = { nodes: [...seedBase.nodes, commitment, programme], relations: [...seedBase.relations, example, runs] };
      expectOnly(graph, 'MISSING_ENDPOINT', 'city:karachi-ADVANCES->commitment:1', {});
    });
  });
});

/**
 * The validator's fast path (canonical-records.ts) against zod, property-based: whatever
 * record the fast path accepts, zod accepts with an equal result, keys in the same order
 * (and a relation also meets its type's rules); whatever it refuses goes to zod, so
 * validateGraph reports exactly what the zod path reports: every problem, message for
 * message, on graphs with one field broken in many ways.
 */
import fc from 'fast-check';
import { canonicalNode, canonicalRelation, isCanonicalText } from '../../src/domain/canonical-records';
import { nodeRecordSchema, relationInputSchema, relationShapeSchema } from '../../src/domain/graph-document';
import { unsafeTextReason } from '../../src/domain/text';
import { validateGraph, type GraphFile, type ValidationInput } from '../../src/domain/validate-graph';
import { graphArbitrary } from '../backup/graph-arbitrary';

type Json = Record<string, unknown>;

/** Values a broken field may hold instead: near misses of every rule the schemas have. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    ' padded',
    'padded ',
    'tab\there',
    'line\u0085',
    'ctrl\u0007',
    'del\u007f',
    'bidi\u202e',
    'iso\u2066',
    'lone\ud800',
    'lone\udc00x',
    'pair\ud83d\ude00',
    '\ufeffbom',
    'https://example.org/page',
    'doc:000',
    '2023',
    '2023-13',
    '2023-08-02',
    '२०२३',
    'PK',
    'pk',
    'STATED',
    'INFERRED',
    'DOUBTFUL',
    'host',
    'funder',
    'pilot',
    'city',
    'Mayor',
    null,
    true,
    0,
    -1,
    1,
    1.5,
    1899,
    1900,
    2100,
    2101,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    [''],
    ['ok'],
    [{ doc: 'doc:000', quote: 'three words here' }],
    [{ quote: 'three words here', doc: 'doc:000' }],
    [{ url: 'https://example.org', quote: 'three words here' }],
    [{ doc: 'https://example.org', quote: 'three words here' }],
    [{ doc: 'doc:000', quote: 'three words here', extra: 'x' }],
    [{ doc: 'doc:000' }],
    {},
  ),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
);

/** Keys a broken record may gain: its schemas' keys and others. */
const anyKey = fc.constantFrom(
  'id',
  'label',
  'type',
  'from',
  'to',
  'name',
  'nameAr',
  'aliases',
  'note',
  'sources',
  'kind',
  'population',
  'code',
  'acronym',
  'startYear',
  'number',
  'text',
  'textAr',
  'date',
  'startDate',
  'endDate',
  'place',
  'title',
  'file',
  'published',
  'updated',
  'confidence',
  'asOf',
  'role',
  'since',
  'context',
  'forCity',
  'through',
  'at',
  'extra',
  '__proto__',
);

type Mutation = (record: Json) => Json;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(anyKey, oddValue).map(([key, value]): Mutation => (record) => ({ ...record, [key]: value })),
  anyKey.map(
    (key): Mutation =>
      (record) =>
        Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)),
  ),
  fc.constant<Mutation>((record) => Object.fromEntries(Object.entries(record).reverse())),
  fc.constant<Mutation>((record) => record),
);

function stripId({ id: _id, ...relation }: Json): Json {
  return relation;
}

describe('canonicalNode and canonicalRelation', () => {
  it('isCanonicalText keeps exactly the texts zod keeps as they are', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), oddValue), (value) => {
        const zodKeeps = typeof value === 'string' && value.trim() === value && value.length > 0 && unsafeTextReason(value) === undefined;
        expect(isCanonicalText(value)).toBe(zodKeeps);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only what zod accepts, giving what zod gives, keys in order', () => {
    fc.assert(
      fc.property(graphArbitrary, fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ graph }, mutations) => {
        const broken = (record: Json): Json => mutations.reduce((current, mutate) => mutate(current), record);
        for (const node of graph.nodes) {
          const entry = broken({ ...node });
          const fast = canonicalNode(entry);
          if (fast === undefined) continue;
          const parsed = nodeRecordSchema.safeParse(entry);
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        }
        for (const relation of graph.relations) {
          const entry = broken(stripId(relation));
          const fast = canonicalRelation(entry);
          if (fast === undefined) continue;
          const parsed = relationShapeSchema.safeParse(entry);
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
          expect(relationInputSchema.safeParse(parsed.data).success).toBe(true);
        }
      }),
      // A failing graph is reported as found: shrinking graphs this size ran out of memory.
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('takes valid records from JSON (the fast path is used)', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ graph }) => {
        const documentSourced = (record: { readonly sources: readonly object[] }) => record.sources.every((source) => 'doc' in source);
        for (const node of graph.nodes.filter(documentSourced)) {
          const entry = JSON.parse(JSON.stringify(node)) as unknown;
          expect(canonicalNode(entry)).toEqual(nodeRecordSchema.parse(entry));
        }
        for (const relation of graph.relations.filter(documentSourced)) {
          const entry = JSON.parse(JSON.stringify(stripId(relation))) as unknown;
          expect(canonicalRelation(entry)).toEqual(relationShapeSchema.parse(entry));
        }
      }),
      // A failing graph is reported as found: shrinking graphs this size ran out of memory.
      { numRuns: 50, endOnFailure: true },
    );
  });

  it('gives what zod gives for the in-order cases a random mutation seldom reaches', () => {
    const base = { type: 'PARTNER_IN', from: 'org:a', to: 'prog:b', confidence: 'STATED', role: 'funder' };
    const quote = { doc: 'doc:000', quote: 'three words here' };
    const cases: { readonly entry: Json; readonly same: boolean }[] = [
      // In order, nothing to change: the entry itself.
      { entry: { ...base, sources: [quote] }, same: true },
      // In order but for a source's keys: a copy with them in order.
      { entry: { ...base, sources: [{ quote: quote.quote, doc: quote.doc }] }, same: false },
      // A later value rewritten after an in-order one.
      { entry: { ...base, note: 'n', sources: [quote, { quote: 'x y', doc: 'doc:001' }] }, same: false },
      // `through` is always a new array, as zod's.
      {
        entry: { type: 'ADVANCES', from: 'city:a', to: 'commitment:1', confidence: 'STATED', through: ['prog:b'], sources: [quote] },
        same: false,
      },
      // A required key (from) that comes later, out of order.
      { entry: { type: 'PARTNER_IN', to: 'prog:b', from: 'org:a', confidence: 'STATED', role: 'funder', sources: [quote] }, same: false },
      // confidence out of order, after sources.
      { entry: { type: 'PARTNER_IN', from: 'org:a', to: 'prog:b', role: 'funder', sources: [quote], confidence: 'STATED' }, same: false },
    ];
    for (const { entry, same } of cases) {
      const fast = canonicalRelation(entry);
      const parsed = relationShapeSchema.parse(entry);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed));
      expect(fast === entry).toBe(same);
      if (Array.isArray(entry.through)) expect(fast?.through).not.toBe(entry.through);
    }
    // No confidence (zod fills in its default), a required key missing, an unknown key: zod's to judge.
    expect(canonicalRelation({ type: 'PARTNER_IN', from: 'org:a', to: 'prog:b', role: 'funder', sources: [quote] })).toBeUndefined();
    // The same with a note, which the STATED-or-noted rule lets through: the default must still be zod's.
    expect(
      canonicalRelation({ type: 'PARTNER_IN', from: 'org:a', to: 'prog:b', role: 'funder', note: 'n', sources: [quote] }),
    ).toBeUndefined();
    expect(
      canonicalRelation({ type: 'PARTNER_IN', from: 'org:a', confidence: 'STATED', role: 'funder', sources: [quote] }),
    ).toBeUndefined();
    expect(canonicalRelation({ ...base, sources: [quote], extra: 'x' })).toBeUndefined();
    expect(canonicalRelation({ ...base, sources: [quote], role: undefined })).toBeUndefined();
  });

  it('returns the entry itself when its keys come in the schema order, with nothing to change', () => {
    const entry = nodeRecordSchema.parse({
      id: 'city:karachi',
      label: 'City',
      kind: 'city',
      name: 'Karachi',
      nameAr: 'كراتشي',
      sources: [{ doc: 'doc:000', quote: 'كراتشي باكستان' }],
    });
    expect(canonicalNode(entry)).toBe(entry);
  });
});

/** The same records with no prototype: the fast path leaves them all to zod. */
function withoutFastPath(input: ValidationInput): ValidationInput {
  const bare = (value: unknown): unknown =>
    typeof value === 'object' && value !== null ? Object.assign(Object.create(null), value) : value;
  const files = input.files.map((graphFile): GraphFile => {
    if (!('content' in graphFile)) return graphFile;
    const content = graphFile.content as { nodes?: unknown[]; relations?: unknown[] };
    return {
      file: graphFile.file,
      content: bare({ ...content, nodes: content.nodes?.map(bare), relations: content.relations?.map(bare) }),
    };
  });
  return { files, sourceTexts: input.sourceTexts };
}

describe('validateGraph with the fast path', () => {
  it('reports exactly what the zod path reports, and returns the same graph', () => {
    fc.assert(
      fc.property(
        graphArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.boolean(), mutation), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        ({ graph, sourceTexts }, breaks, seedRules, split) => {
          const nodes: unknown[] = graph.nodes.map((node) => ({ ...node }));
          const relations: unknown[] = graph.relations.map(stripId);
          for (const [at, onNode, mutate] of breaks) {
            const list = onNode ? nodes : relations;
            if (list.length > 0) list[at % list.length] = mutate(list[at % list.length] as Json);
          }
          // Two files that describe some records twice exercise the merge across files.
          const files: GraphFile[] = split
            ? [
                { file: 'graph/a.json', content: { nodes, relations: relations.slice(0, relations.length >> 1) } },
                { file: 'graph/b.json', content: { nodes: nodes.slice(0, 3), relations: relations.slice(relations.length >> 2) } },
              ]
            : [{ file: 'graph/a.json', content: { nodes, relations } }];
          const input: ValidationInput = { files, sourceTexts };
          const options = { seedRules, allowWebSources: true };
          const fast = validateGraph(input, options);
          const zodOnly = validateGraph(withoutFastPath(input), options);
          expect(fast.problems).toEqual(zodOnly.problems);
          expect(JSON.stringify(fast.graph)).toBe(JSON.stringify(zodOnly.graph));
        },
      ),
      // A failing graph is reported as found: shrinking graphs this size ran out of memory.
      { numRuns: 500, endOnFailure: true },
    );
  });
});

/**
 * A source says in its type what it cites: a Document (`doc`) or a web page (`url`); the
 * earlier spelling of a web source (its address in `doc`, as journals and backups written
 * before kept it) reads as the web source it is.
 */
import { citedBy, isDocumentSource, sourceRefSchema } from '../../src/domain/graph-document';
import { validateGraph } from '../../src/domain/validate-graph';

const QUOTE = 'the city council met the partners';

it('reads a document source and a web source as what they are', () => {
  const document = sourceRefSchema.parse({ doc: 'doc:000', quote: QUOTE });
  const web = sourceRefSchema.parse({ url: 'https://example.org/page', quote: QUOTE });
  expect([isDocumentSource(document), isDocumentSource(web)]).toEqual([true, false]);
  expect([citedBy(document), citedBy(web)]).toEqual(['doc:000', 'https://example.org/page']);
});

it('reads the earlier spelling of a web source as a web source', () => {
  expect(sourceRefSchema.parse({ doc: 'https://example.org/old', quote: QUOTE })).toEqual({ url: 'https://example.org/old', quote: QUOTE });
});

it('refuses a source citing both or neither, and a url that is not http(s)', () => {
  expect(sourceRefSchema.safeParse({ doc: 'doc:000', url: 'https://example.org', quote: QUOTE }).success).toBe(false);
  expect(sourceRefSchema.safeParse({ quote: QUOTE }).success).toBe(false);
  expect(sourceRefSchema.safeParse({ url: 'ftp://example.org/file', quote: QUOTE }).success).toBe(false);
});

it('refuses a web source in the seed, which cites only its documents, and allows it where curation does', () => {
  const nodes = [
    { label: 'Document', id: 'doc:000', name: 'Doc', nameAr: 'وثيقة', title: 'Doc', file: '000.md', sources: [] },
    {
      label: 'Country',
      id: 'country:pk',
      name: 'Pakistan',
      nameAr: 'باكستان',
      code: 'PK',
      sources: [{ url: 'https://example.org/pakistan', quote: QUOTE }],
    },
  ];
  const input = { files: [{ file: 'graph/x.json', content: { nodes, relations: [] } }], sourceTexts: new Map([['000.md', QUOTE]]) };
  const seed = validateGraph(input, { seedRules: false });
  expect(seed.problems.map((problem) => problem.code)).toContain('UNKNOWN_DOCUMENT');
  const curated = validateGraph(input, { seedRules: false, allowWebSources: true });
  expect(curated.problems.map((problem) => problem.code)).not.toContain('UNKNOWN_DOCUMENT');
});

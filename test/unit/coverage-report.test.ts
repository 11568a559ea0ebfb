/**
 * The coverage report (`npm run report`): relation types per document, counts per
 * confidence and examples per commitment, on a hand-made graph and on the curated seed.
 */
import { relationId, type GraphData, type NodeRecord, type RelationInput } from '../../src/domain/graph-document';
import { RELATION_TYPES } from '../../src/domain/ontology';
import { validateGraph } from '../../src/domain/validate-graph';
import { coverageReport, formatCoverageReport } from '../../src/ingest/coverage-report';
import { readSeed } from '../../src/ingest/read-seed';

const cite = (doc: string) => [{ doc, quote: 'a quote that states it' }];
const document = (id: string): NodeRecord => ({
  id,
  label: 'Document',
  name: `Document ${id}`,
  nameAr: 'وثيقة',
  title: `Document ${id}`,
  file: `${id.slice(4)}.txt`,
  sources: cite(id),
});
const commitment = (number: number): NodeRecord => ({
  id: `commitment:${number}`,
  label: 'Commitment',
  name: `Commitment ${number}`,
  nameAr: 'التزام',
  number,
  text: 'text',
  textAr: 'نص',
  sources: cite('doc:004'),
});
const relations: RelationInput[] = [
  { type: 'ADVANCES', from: 'city:a', to: 'commitment:1', confidence: 'STATED', through: ['prog:p'], sources: cite('doc:004') },
  { type: 'ADVANCES', from: 'prog:p', to: 'commitment:1', confidence: 'STATED', sources: cite('doc:004') },
  { type: 'ADVANCES', from: 'city:b', to: 'commitment:1', confidence: 'INFERRED', note: 'n', sources: cite('doc:004') },
  { type: 'ADVANCES', from: 'org:o', to: 'commitment:2', confidence: 'STATED', sources: cite('doc:004') },
  { type: 'HELD_IN', from: 'event:e', to: 'city:a', confidence: 'DOUBTFUL', note: 'n', sources: [...cite('doc:000'), ...cite('doc:004')] },
];
const graph: GraphData = {
  nodes: [document('doc:000'), document('doc:004'), commitment(2), commitment(1)],
  relations: relations.map((relation) => ({ ...relation, id: relationId(relation) })),
};

describe('coverageReport', () => {
  const report = coverageReport(graph);

  it('counts relation types per document, a relation citing two documents under both', () => {
    expect(report.documentColumns).toEqual(['doc:000', 'doc:004']);
    expect(report.typeByDocument.find((row) => row.type === 'ADVANCES')).toEqual({ type: 'ADVANCES', counts: [0, 4], total: 4 });
    expect(report.typeByDocument.find((row) => row.type === 'HELD_IN')).toEqual({ type: 'HELD_IN', counts: [1, 1], total: 1 });
    expect(report.typeByDocument.map((row) => row.type)).toEqual([...RELATION_TYPES]);
  });

  it('counts relations per confidence', () => {
    expect(report.byConfidence).toEqual([
      { confidence: 'STATED', count: 3 },
      { confidence: 'INFERRED', count: 1 },
      { confidence: 'DOUBTFUL', count: 1 },
    ]);
  });

  it('counts the examples of each commitment in number order (a through programme is part of its city example)', () => {
    expect(report.examplesByCommitment).toEqual([
      { commitment: 'commitment:1', number: 1, examples: 2, withCity: 2, naming: 1, withoutCity: 0 },
      { commitment: 'commitment:2', number: 2, examples: 1, withCity: 0, naming: 0, withoutCity: 1 },
    ]);
  });

  it('prints the three tables as Markdown', () => {
    const text = formatCoverageReport(report);
    expect(text).toContain('| relation type | doc:000 | doc:004 | all |');
    expect(text).toContain('| HELD_IN | 1 | 1 | 1 |');
    expect(text).toContain('| DOUBTFUL | 1 |');
    expect(text).toContain('| 1 (commitment:1) | 2 | 2 | 1 | 0 |');
  });

  it('shows, for the seed, the v2 relation types stated by the documents and examples under all six commitments', async () => {
    const { graph: seed, problems } = validateGraph(await readSeed());
    expect(problems).toEqual([]);
    const seedReport = coverageReport(seed);
    for (const type of ['HELD_IN', 'BASED_IN', 'TAKES_PART_IN', 'LEARNED_FROM'] as const) {
      const row = seedReport.typeByDocument.find((each) => each.type === type);
      expect({ type, stated: (row?.total ?? 0) > 0 }).toEqual({ type, stated: true });
    }
    expect(seedReport.byConfidence.reduce((sum, row) => sum + row.count, 0)).toBe(seed.relations.length);
    expect(seedReport.examplesByCommitment.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const row of seedReport.examplesByCommitment) expect(row.examples).toBeGreaterThan(0);
  });
});

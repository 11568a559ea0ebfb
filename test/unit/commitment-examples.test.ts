/**
 * The grouping of ADVANCES relations into commitment examples (src/domain/commitment-examples.ts),
 * on hand-made relations and on the curated seed.
 */
import { commitmentExamples } from '../../src/domain/commitment-examples';
import { relationId, type RelationInput, type RelationRecord } from '../../src/domain/graph-document';
import { validateGraph } from '../../src/domain/validate-graph';
import { readSeed } from '../../src/ingest/read-seed';

const advances = (from: string, to: string, extra: Partial<RelationInput> = {}): RelationRecord => {
  const relation: RelationInput = {
    type: 'ADVANCES',
    from,
    to,
    confidence: 'STATED',
    sources: [{ doc: 'doc:004', quote: `quote of ${from}` }],
    ...extra,
  };
  return { ...relation, id: relationId(relation) };
};

describe('commitmentExamples', () => {
  it('groups a city with the programmes and organisations its `through` lists, in that order', () => {
    const examples = commitmentExamples([
      advances('prog:b', 'commitment:1'),
      advances('city:x', 'commitment:1', { through: ['prog:b', 'org:a'] }),
      advances('org:a', 'commitment:1'),
    ]);
    expect(examples).toHaveLength(1);
    expect(examples[0]).toMatchObject({
      commitmentId: 'commitment:1',
      cityId: 'city:x',
      programmeIds: ['prog:b'],
      organizationIds: ['org:a'],
      eventIds: [],
      sources: [{ doc: 'doc:004', quote: 'quote of city:x' }],
    });
    expect(examples[0]?.relations.map((relation) => relation.from)).toEqual(['city:x', 'prog:b', 'org:a']);
  });

  it('makes a city without `through` an example of its own, and so any ADVANCES no city names', () => {
    const examples = commitmentExamples([
      advances('event:e', 'commitment:2'),
      advances('prog:alone', 'commitment:2', { confidence: 'INFERRED', note: 'implied' }),
      advances('city:y', 'commitment:2'),
    ]);
    expect(examples.map((example) => [example.cityId, example.programmeIds, example.eventIds])).toEqual([
      ['city:y', [], []],
      [null, [], ['event:e']],
      [null, ['prog:alone'], []],
    ]);
    expect(examples[2]).toMatchObject({ confidence: 'INFERRED', note: 'implied' });
  });

  it('keeps commitments apart (a programme named under one commitment is its own example under another)', () => {
    const examples = commitmentExamples([
      advances('city:x', 'commitment:1', { through: ['prog:b'] }),
      advances('prog:b', 'commitment:1'),
      advances('prog:b', 'commitment:3'),
      { ...advances('city:x', 'country:pk'), type: 'IN_COUNTRY', id: 'city:x-IN_COUNTRY->country:pk' },
    ]);
    expect(examples.map((example) => [example.commitmentId, example.cityId, example.programmeIds])).toEqual([
      ['commitment:1', 'city:x', ['prog:b']],
      ['commitment:3', null, ['prog:b']],
    ]);
  });

  it('finds Highland Park, Masaka, Portsmouth and Strasbourg under commitment 1 of the seed, one hop from each city', async () => {
    const { graph, problems } = validateGraph(await readSeed());
    expect(problems).toEqual([]);
    const first = commitmentExamples(graph.relations).filter((example) => example.commitmentId === 'commitment:1');
    const cities = first.map((example) => example.cityId);
    expect(cities).toEqual(expect.arrayContaining(['city:highland-park', 'city:masaka', 'city:portsmouth', 'city:strasbourg']));
    for (const example of first) {
      if (example.cityId) expect(example.relations[0]).toMatchObject({ from: example.cityId, to: 'commitment:1' });
      expect(example.sources.length).toBeGreaterThan(0);
    }
    // Every programme or organisation a city's example names ADVANCES the commitment itself.
    const withThrough = first.find((example) => example.programmeIds.length > 0);
    expect(withThrough?.relations.length).toBe(1 + (withThrough?.programmeIds.length ?? 0) + (withThrough?.organizationIds.length ?? 0));
  });
});

/**
 * The benchmark's synthetic graphs are meant to be valid seed graphs (bench/run.ts reports
 * the problems the project's own validator finds in them, and bench:seed serves them): at the
 * small sizes the benchmark checks, they must have none, quotes included.
 */
import { generateGraph } from '../../bench/synthetic/generate';
import { validateGraph } from '../../src/domain/validate-graph';

describe('synthetic benchmark graphs', () => {
  it.each([1_000, 3_000, 10_000])('validate with no problem at %i relations', (relations) => {
    const { graph, sourceTexts } = generateGraph(relations);
    const content = { nodes: graph.nodes, relations: graph.relations.map(({ id: _id, ...input }) => input) };
    expect(validateGraph({ files: [{ file: 'synthetic.json', content }], sourceTexts }).problems).toEqual([]);
  });
});

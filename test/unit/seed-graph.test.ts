/**
 * The curated graph in seed/graph is valid against the ontology, and every quote is a
 * verbatim span of its source (after whitespace normalisation). Fails listing offenders.
 */
import { citedBy } from '../../src/domain/graph-document';
import { validateGraph } from '../../src/domain/validate-graph';
import { formatProblems } from '../../src/ingest/load-seed';
import { readSeed } from '../../src/ingest/read-seed';

describe('seed/graph', () => {
  it('has no validation problems (ids, endpoints, provenance, verbatim quotes)', async () => {
    const { graph, problems } = validateGraph(await readSeed());
    if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n${formatProblems(problems)}`);
    expect(graph.nodes.length).toBeGreaterThan(0);
  });

  it('cites every source document from at least one node and relation', async () => {
    const { graph } = validateGraph(await readSeed());
    const documents = graph.nodes.filter((node) => node.label === 'Document').map((node) => node.id);
    expect(documents.sort()).toEqual(['doc:000', 'doc:001', 'doc:002', 'doc:003', 'doc:004']);
    for (const doc of documents) {
      const citedByNode = graph.nodes.some((node) => node.label !== 'Document' && node.sources.some((s) => citedBy(s) === doc));
      const citedByRelation = graph.relations.some((relation) => relation.sources.some((s) => citedBy(s) === doc));
      expect({ doc, citedByNode, citedByRelation }).toEqual({ doc, citedByNode: true, citedByRelation: true });
    }
  });
});

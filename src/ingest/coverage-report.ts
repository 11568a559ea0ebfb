/**
 * Public. The coverage report (`npm run report`): per source document, how many nodes and
 * relations cite it and which relation types it states; counts by label, relation type and
 * confidence; and the examples of each commitment (built by the domain's one grouping,
 * `commitmentExamples`, as the API builds them).
 */
import { commitmentExamples } from '../domain/commitment-examples';
import { citedBy, type GraphData, type SourceRef } from '../domain/graph-document';
import { CONFIDENCE_LEVELS, NODE_LABELS, RELATION_TYPES, type Confidence, type RelationType } from '../domain/ontology';

export interface CoverageReport {
  readonly byDocument: readonly { doc: string; title: string; nodes: number; relations: number }[];
  readonly byLabel: readonly { label: string; count: number }[];
  readonly byType: readonly { type: string; count: number }[];
  /** Relations of each type citing each document (a relation citing two documents counts under both). */
  readonly typeByDocument: readonly { type: RelationType; counts: readonly number[]; total: number }[];
  /** The document ids the columns of `typeByDocument` stand for, in order. */
  readonly documentColumns: readonly string[];
  readonly byConfidence: readonly { confidence: Confidence; count: number }[];
  /** Per commitment: its examples, those with a city, those naming a programme or organisation, those without a city. */
  readonly examplesByCommitment: readonly {
    commitment: string;
    number: number;
    examples: number;
    withCity: number;
    naming: number;
    withoutCity: number;
  }[];
  readonly totals: { readonly nodes: number; readonly relations: number };
}

export function coverageReport(graph: GraphData): CoverageReport {
  const citing = (doc: string, items: readonly { sources: readonly SourceRef[] }[]): number =>
    items.filter((item) => item.sources.some((source) => citedBy(source) === doc)).length;
  const documents = graph.nodes.filter((node) => node.label === 'Document').sort((a, b) => a.id.localeCompare(b.id));
  const documentColumns = documents.map((document) => document.id);
  const typeByDocument = RELATION_TYPES.map((type) => {
    const ofType = graph.relations.filter((relation) => relation.type === type);
    return { type, counts: documentColumns.map((doc) => citing(doc, ofType)), total: ofType.length };
  });
  const examples = commitmentExamples(graph.relations);
  const commitments = graph.nodes.flatMap((node) => (node.label === 'Commitment' ? [node] : [])).sort((a, b) => a.number - b.number);
  return {
    byDocument: documents.map((document) => ({
      doc: document.id,
      title: document.name,
      nodes: citing(document.id, graph.nodes),
      relations: citing(document.id, graph.relations),
    })),
    byLabel: NODE_LABELS.map((label) => ({ label, count: graph.nodes.filter((node) => node.label === label).length })),
    byType: RELATION_TYPES.map((type) => ({
      type,
      count: graph.relations.filter((relation) => relation.type === type).length,
    })),
    typeByDocument,
    documentColumns,
    byConfidence: CONFIDENCE_LEVELS.map((confidence) => ({
      confidence,
      count: graph.relations.filter((relation) => relation.confidence === confidence).length,
    })),
    examplesByCommitment: commitments.map((commitment) => {
      const own = examples.filter((example) => example.commitmentId === commitment.id);
      return {
        commitment: commitment.id,
        number: commitment.number,
        examples: own.length,
        withCity: own.filter((example) => example.cityId !== null).length,
        naming: own.filter((example) => example.cityId !== null && example.programmeIds.length + example.organizationIds.length > 0).length,
        withoutCity: own.filter((example) => example.cityId === null).length,
      };
    }),
    totals: { nodes: graph.nodes.length, relations: graph.relations.length },
  };
}

/** The report as Markdown tables (what the README shows). */
export function formatCoverageReport(report: CoverageReport): string {
  const lines = ['| document | title | nodes citing | relations citing |', '|---|---|---:|---:|'];
  for (const row of report.byDocument) lines.push(`| ${row.doc} | ${row.title} | ${row.nodes} | ${row.relations} |`);
  lines.push('', '| label | nodes |', '|---|---:|');
  for (const row of report.byLabel) lines.push(`| ${row.label} | ${row.count} |`);
  lines.push('', '| relation type | relations |', '|---|---:|');
  for (const row of report.byType) lines.push(`| ${row.type} | ${row.count} |`);
  lines.push(
    '',
    `| relation type | ${report.documentColumns.join(' | ')} | all |`,
    `|---|${report.documentColumns.map(() => '---:|').join('')}---:|`,
  );
  for (const row of report.typeByDocument) lines.push(`| ${row.type} | ${row.counts.join(' | ')} | ${row.total} |`);
  lines.push('', '| confidence | relations |', '|---|---:|');
  for (const row of report.byConfidence) lines.push(`| ${row.confidence} | ${row.count} |`);
  lines.push(
    '',
    '| commitment | examples | with a city | a city naming a programme or organisation | without a city |',
    '|---|---:|---:|---:|---:|',
  );
  for (const row of report.examplesByCommitment) {
    lines.push(`| ${row.number} (${row.commitment}) | ${row.examples} | ${row.withCity} | ${row.naming} | ${row.withoutCity} |`);
  }
  lines.push('', `Total: ${report.totals.nodes} nodes, ${report.totals.relations} relations.`);
  return lines.join('\n');
}

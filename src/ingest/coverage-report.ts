/**
 * Public. The coverage report: per source document, how many nodes and relations cite it,
 * and the counts by label and relation type (`npm run report`).
 */
import { citedBy, type GraphData, type SourceRef } from '../domain/graph-document';
import { NODE_LABELS, RELATION_TYPES } from '../domain/ontology';

export interface CoverageReport {
  readonly byDocument: readonly { doc: string; title: string; nodes: number; relations: number }[];
  readonly byLabel: readonly { label: string; count: number }[];
  readonly byType: readonly { type: string; count: number }[];
  readonly totals: { readonly nodes: number; readonly relations: number };
}

export function coverageReport(graph: GraphData): CoverageReport {
  const citing = (doc: string, items: readonly { sources: readonly SourceRef[] }[]): number =>
    items.filter((item) => item.sources.some((source) => citedBy(source) === doc)).length;
  const documents = graph.nodes.filter((node) => node.label === 'Document').sort((a, b) => a.id.localeCompare(b.id));
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
  lines.push('', `Total: ${report.totals.nodes} nodes, ${report.totals.relations} relations.`);
  return lines.join('\n');
}

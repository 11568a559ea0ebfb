/**
 * The whole-graph preset: what keeps 430 nodes from drawing as a hairball. Hubs (the
 * declaration that 120 mayors endorsed, the countries, the city networks) link to so much
 * that every layout collapses onto them, so the preset takes them out of the drawing and says
 * which; nodes left with no relation are pinned in rows below the rest rather than scattered
 * through it. Node size already grows with degree (graph.ts).
 */
import type { ExplorerGraph, ExplorerNode } from './graph';

export function isHub(node: Pick<ExplorerNode, 'nodeType' | 'kind'>): boolean {
  return node.nodeType === 'Declaration' || node.nodeType === 'Country' || (node.nodeType === 'Organization' && node.kind === 'network');
}

/** Drops the hubs; returns their names, largest first. */
export function dropHubs(graph: ExplorerGraph): string[] {
  const hubs = graph.filterNodes((_node, attributes) => isHub(attributes)).sort((a, b) => graph.degree(b) - graph.degree(a));
  const names = hubs.map((hub) => `${graph.getNodeAttribute(hub, 'label')} (${graph.degree(hub)})`);
  hubs.forEach((hub) => graph.dropNode(hub));
  return names;
}

/** Pins the nodes with no relation in rows under the others' bounding box; returns them. */
export function setIsolatedApart(graph: ExplorerGraph): string[] {
  const isolated = graph.filterNodes((node) => graph.degree(node) === 0).sort();
  if (isolated.length === 0) return isolated;
  let [minX, maxX, minY] = [Infinity, -Infinity, Infinity];
  graph.forEachNode((node, { x, y }) => {
    if (graph.degree(node) === 0) return;
    [minX, maxX, minY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y)];
  });
  if (!Number.isFinite(minX)) [minX, maxX, minY] = [0, 100, 0];
  const width = Math.max(maxX - minX, 1);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(isolated.length * 4)));
  const step = width / perRow;
  isolated.forEach((node, index) => {
    const row = Math.floor(index / perRow);
    graph.mergeNodeAttributes(node, { x: minX + (index % perRow) * step, y: minY - step * (2 + row), fixed: true });
  });
  return isolated;
}

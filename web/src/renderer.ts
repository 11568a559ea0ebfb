/**
 * sigma.js over the explorer graph. Reducers apply the view state without touching the
 * data: edges are coloured by relation type (arrows only where the node types do not already
 * say the direction), hovering a node fades everything but it and its neighbours, the
 * relation-type filter hides edges (and nodes left with no visible edge), labels show the
 * chosen language, peers are coloured by hop, and the selection and a path stand out.
 */
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from './graph';
import { communityColour } from './communities';
import { drawLabel, labelText } from './labels';
import { ARROWED_TYPES, RELATION_COLOURS } from './relation-labels';
import { outOfRange } from './time-filter';
import type { ViewState } from './view';

const FADED = '#e4e7eb';
const EDGE_EMPHASIS = '#3b4252';

/** Up to this many nodes every label is drawn; beyond, the label grid picks the biggest. */
const SMALL_GRAPH = 40;

/** Peer view: the city, then its peers one, two, three and four hops out, dark to light. */
export const HOP_COLOURS: readonly string[] = ['#08306b', '#2171b5', '#6baed6', '#9ecae1', '#c6dbef'];

export type ExplorerRenderer = Sigma<ExplorerNode, ExplorerEdge>;

export function createRenderer(graph: ExplorerGraph, container: HTMLElement, view: ViewState): ExplorerRenderer {
  const edgeHidden = (attributes: ExplorerEdge, source: string, target: string): boolean =>
    view.hiddenRelationTypes.has(attributes.relationType) ||
    outOfRange(graph.getNodeAttributes(source), view.years) ||
    outOfRange(graph.getNodeAttributes(target), view.years);

  const nodeReducer = (node: string, data: ExplorerNode): Partial<NodeDisplayData> => {
    const display: Partial<NodeDisplayData> = { ...data, label: labelText(data.label, data.nameAr, view.language) };
    const community = view.communities?.get(node);
    if (community !== undefined) display.color = communityColour(community);
    const hop = view.peerHops.get(node);
    if (hop !== undefined) display.color = HOP_COLOURS[Math.min(hop, HOP_COLOURS.length - 1)] ?? data.color;
    // A small drawing has room for every label (sigma's grid still keeps them apart).
    if (graph.order <= SMALL_GRAPH) display.forceLabel = true;
    const filtering = view.hiddenRelationTypes.size > 0 || view.years !== undefined;
    // A node whose every relation is filtered out goes too, unless it is the selection.
    if (outOfRange(data, view.years)) display.hidden = true;
    else if (
      filtering &&
      node !== view.selected &&
      graph.degree(node) > 0 &&
      !graph.someEdge(node, (_edge, attributes, source, target) => !edgeHidden(attributes, source, target))
    ) {
      display.hidden = true;
    }
    if (view.hovered !== undefined && node !== view.hovered && !view.hoveredNeighbours.has(node)) {
      display.color = FADED;
      display.label = '';
      display.zIndex = 0;
    } else if (view.hovered !== undefined) {
      display.zIndex = 1;
      display.forceLabel = true;
    }
    if (node === view.selected || node === view.hovered || view.path.nodes.has(node)) {
      display.highlighted = true;
      display.forceLabel = true;
    }
    return display;
  };

  const edgeReducer = (edge: string, data: ExplorerEdge): Partial<EdgeDisplayData> => {
    const display: Partial<EdgeDisplayData> = {
      ...data,
      size: 2,
      color: RELATION_COLOURS[data.relationType],
      type: ARROWED_TYPES.has(data.relationType) ? 'arrow' : 'line',
    };
    if (edgeHidden(data, graph.source(edge), graph.target(edge))) display.hidden = true;
    if (view.hovered !== undefined) {
      if (graph.hasExtremity(edge, view.hovered)) {
        display.size = 2.5;
      } else {
        display.hidden = true;
      }
    }
    if (edge === view.hoveredEdge) display.size = 4;
    if (view.path.edges.has(edge)) {
      display.color = EDGE_EMPHASIS;
      display.size = 3;
    }
    return display;
  };

  return new Sigma<ExplorerNode, ExplorerEdge>(graph, container, {
    defaultEdgeType: 'arrow',
    enableEdgeEvents: true,
    // Label density: sigma draws at most `labelDensity` labels per grid cell, the largest
    // (highest-degree) nodes first, and none for nodes drawn smaller than the threshold, so
    // zooming in reveals more labels and a whole-graph view shows only the hubs'.
    labelDensity: 0.7,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 6,
    labelFont: '"Noto Naskh Arabic", system-ui, sans-serif',
    defaultDrawNodeLabel: drawLabel,
    zIndex: true,
    nodeReducer,
    edgeReducer,
  });
}

/**
 * Moves the camera onto a node, zoomed so that its neighbours stay in view. Distances are
 * measured on screen at the current zoom; the on-screen distance scales as 1/ratio, so the
 * ratio that brings the farthest neighbour within FOCUS_REACH of the centre follows directly.
 */
const FOCUS_REACH = 0.4;

export async function focusNode(renderer: ExplorerRenderer, node: string): Promise<void> {
  const graph = renderer.getGraph();
  // Display data is computed when sigma renders; render now so it holds the latest positions
  // (the layout's last iteration may not have been drawn yet).
  renderer.refresh();
  const centre = renderer.getNodeDisplayData(node);
  if (!centre || !graph.hasNode(node)) return;
  const camera = renderer.getCamera();
  const { width, height } = renderer.getDimensions();
  const here = renderer.graphToViewport(graph.getNodeAttributes(node));
  let reach = 0;
  graph.forEachNeighbor(node, (_neighbour, attributes) => {
    const there = renderer.graphToViewport(attributes);
    reach = Math.max(reach, Math.hypot(there.x - here.x, there.y - here.y));
  });
  const current = camera.getState().ratio;
  const ratio = reach === 0 ? current : Math.min(2, Math.max(0.05, (current * reach) / (FOCUS_REACH * Math.min(width, height))));
  await camera.animate({ x: centre.x, y: centre.y, ratio }, { duration: 500 });
}

/**
 * Entry point of the explorer page: builds the graph, the sigma renderer, the layout and the
 * panels, wires the events, and exposes the pieces on `window.__explorer` for the browser test
 * (and for anyone poking at the graph from the console).
 */
import { communitiesOf } from './communities';
import { renderDetails } from './details';
import { fitLabel, placeLabel } from './labels';
import { byId } from './dom';
import { Explorer } from './explorer';
import { createGraph, type ExplorerGraph } from './graph';
import { Layout } from './layout';
import { renderFilters, renderLegend } from './legend';
import { Modes } from './modes';
import { NodePicker } from './node-picker';
import { RELATION_LABELS } from './relation-labels';
import { createRenderer, type ExplorerRenderer } from './renderer';
import { StatusLine } from './status';
import { readRange } from './time-filter';
import { createViewState, type LabelLanguage, type ViewState } from './view';

export interface ExplorerHandle {
  readonly graph: ExplorerGraph;
  readonly renderer: ExplorerRenderer;
  readonly layout: Layout;
  readonly view: ViewState;
  readonly explorer: Explorer;
  /** The label placement rule, for the browser test. */
  readonly placeLabel: typeof placeLabel;
  readonly fitLabel: typeof fitLabel;
}

declare global {
  interface Window {
    __explorer?: ExplorerHandle;
  }
}

function main(): void {
  const graph = createGraph();
  const view = createViewState();
  const status = new StatusLine(byId('status', HTMLElement));
  const renderer = createRenderer(graph, byId('graph', HTMLElement), view);
  const layout = new Layout(graph);
  const legend = byId('legend', HTMLUListElement);
  const filters = byId('filters', HTMLUListElement);
  const panel = byId('details', HTMLElement);

  const colourBy = byId('node-colour', HTMLSelectElement);
  const refreshPanels = (): void => {
    // Communities follow what is drawn: computed again after every change while shown.
    view.communities = colourBy.value === 'community' ? communitiesOf(graph) : undefined;
    renderLegend(legend, graph, view);
    renderFilters(filters, graph, view, () => renderer.refresh({ skipIndexation: true }));
  };
  const explorer = new Explorer({
    graph,
    view,
    renderer,
    layout,
    status,
    onGraphChange: refreshPanels,
    showDetails: (details) =>
      renderDetails(panel, details, {
        onPeerNetwork: (city) => void modes.peersOf(city),
        onPathEnd: (node, end) => void modes.pathEnd(node, end),
        onSelect: (node) => void status.guard('select', () => explorer.showHit(node)),
      }),
  });
  // The details panel's buttons call into the modes, created once the explorer exists.
  const modes = new Modes(explorer, status);

  new NodePicker({
    input: byId('search-input', HTMLInputElement),
    results: byId('search-results', HTMLUListElement),
    status,
    onPick: (node) => void status.guard('search', () => explorer.showHit(node)),
  });

  renderer.on('clickNode', ({ node }) => void status.guard('expand', () => explorer.select(node)));
  // Empty canvas deselects; "Clear" (a button) empties the drawing.
  renderer.on('clickStage', () => explorer.deselect());
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') explorer.deselect();
  });
  const edgeTip = byId('edge-tip', HTMLElement);
  renderer.on('enterEdge', ({ edge }) => {
    view.hoveredEdge = edge;
    const source = graph.getNodeAttribute(graph.source(edge), 'label');
    const target = graph.getNodeAttribute(graph.target(edge), 'label');
    edgeTip.textContent = `${source} — ${RELATION_LABELS[graph.getEdgeAttribute(edge, 'relationType')]} → ${target}`;
    edgeTip.hidden = false;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveEdge', () => {
    view.hoveredEdge = undefined;
    edgeTip.hidden = true;
    renderer.refresh({ skipIndexation: true });
  });
  const [yearFrom, yearTo] = [byId('year-from', HTMLInputElement), byId('year-to', HTMLInputElement)];
  const onYears = (): void => {
    view.years = readRange(yearFrom.value, yearTo.value);
    renderer.refresh({ skipIndexation: true });
  };
  yearFrom.addEventListener('input', onYears);
  yearTo.addEventListener('input', onYears);
  colourBy.addEventListener('change', () => {
    refreshPanels();
    renderer.refresh({ skipIndexation: true });
  });
  const language = byId('label-language', HTMLSelectElement);
  language.addEventListener('change', () => {
    view.language = language.value as LabelLanguage;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('enterNode', ({ node }) => {
    view.hovered = node;
    view.hoveredNeighbours = new Set(graph.neighbors(node));
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    view.hovered = undefined;
    view.hoveredNeighbours = new Set();
    renderer.refresh({ skipIndexation: true });
  });
  const layoutStatus = new StatusLine(byId('layout-status', HTMLElement));
  // Progress of this run only: a new run overwrites the last run's "settled" at once.
  layout.onProgress(({ iterations, movement }) =>
    layoutStatus.info(`Layout running: iteration ${iterations}, movement ${(movement * 100).toFixed(2)}%.`),
  );
  layout.onStop(() => layoutStatus.info(`Layout settled after ${layout.iterations} iterations.`));

  explorer.clear();
  status.info('Search for a city, a person or an organisation, in English or Arabic.');
  window.__explorer = { graph, renderer, layout, view, explorer, placeLabel, fitLabel };
}

main();

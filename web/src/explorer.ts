/**
 * The explorer's actions, each turning GraphQL answers into graph changes: expand a node,
 * show a search hit, a city's peer network, a path between two nodes, or the whole graph.
 * The UI modules call these; tests drive the same methods through `window.__explorer`.
 */
import type { SerializedGraph } from 'graphology-types';
import { eventDates, nodeDetails, peerNetwork, shortestPath, subgraph, type EventKind, type NodeDetails, type NodeSummary } from './api';
import { addEdges, addNodes, resize, type ExplorerEdge, type ExplorerGraph, type ExplorerNode } from './graph';
import type { Layout } from './layout';
import { focusNode, type ExplorerRenderer } from './renderer';
import type { StatusLine } from './status';
import type { ViewState } from './view';
import { dropHubs, setIsolatedApart } from './whole-graph';

export interface ExplorerDeps {
  readonly graph: ExplorerGraph;
  readonly view: ViewState;
  readonly renderer: ExplorerRenderer;
  readonly layout: Layout;
  readonly status: StatusLine;
  /** Shows a node's details (or clears the panel with null). */
  readonly showDetails: (details: NodeDetails | null) => void;
  /** Called after the graph's contents change, for the legend and filter counts. */
  readonly onGraphChange: () => void;
}

/** Where to point the camera once the layout has settled. */
type SettleView = { readonly kind: 'focus'; readonly node: string } | { readonly kind: 'fit' };

export class Explorer {
  /** Set by the view that started a layout run; used once, when that run ends. */
  private settleView: SettleView | undefined;
  /** Whole-graph preset: the isolated nodes pinned below the rest (placed again once the layout settles). */
  private apart: string[] = [];
  /** Actions (a search hit, an expansion, a mode's view) under way, nested ones counted too. */
  private actions = 0;

  constructor(private readonly deps: ExplorerDeps) {
    // Nodes move while the layout runs, so the camera is aimed again once it settles (once:
    // later expansions elsewhere must not drag the camera back).
    deps.layout.onStop(() => {
      const settle = this.settleView;
      this.settleView = undefined;
      // The layout moved the others: put the isolated rows back under them.
      if (this.apart.length > 0) {
        this.apart.forEach((node) => deps.graph.hasNode(node) && deps.graph.setNodeAttribute(node, 'fixed', false));
        this.apart = setIsolatedApart(deps.graph);
        deps.renderer.refresh();
      }
      if (settle?.kind === 'fit') void this.fit();
      else if (settle?.kind === 'focus' && deps.graph.hasNode(settle.node)) void focusNode(deps.renderer, settle.node);
    });
  }

  /**
   * Whether an action is still under way: between drawing a neighbourhood and starting its
   * layout it waits for the network, so "the layout has stopped and the camera is still"
   * alone does not mean the view has settled (tests wait for all three).
   */
  get busy(): boolean {
    return this.actions > 0;
  }

  private async whileBusy(action: () => Promise<void>): Promise<void> {
    this.actions += 1;
    try {
      await action();
    } finally {
      this.actions -= 1;
    }
  }

  /** Merges the node's depth-1 neighbourhood into the drawing. */
  async expand(id: string): Promise<void> {
    await this.whileBusy(async () => {
      const { graph, layout, status } = this.deps;
      const neighbourhood = await subgraph([id], 1);
      const added = addNodes(graph, neighbourhood.nodes, id);
      addEdges(graph, neighbourhood.edges);
      await this.addEventDates(added);
      if (graph.hasNode(id)) graph.setNodeAttribute(id, 'expanded', true);
      this.changed();
      status.info(
        `${graph.getNodeAttribute(id, 'label')}: ${added.length} new of ${neighbourhood.nodes.length - 1} neighbours${neighbourhood.truncated ? ' (truncated)' : ''}.`,
      );
      if (added.length > 0) layout.run();
    });
  }

  /**
   * Selects a node: details panel, emphasis and, when `expand` (a click or a search), its
   * neighbourhood unless already fetched. Peer and path views select without expanding, so
   * that what they show stays what was asked for.
   */
  async select(id: string, expand = true): Promise<void> {
    await this.whileBusy(async () => {
      const { graph, view, renderer } = this.deps;
      view.selected = id;
      renderer.refresh({ skipIndexation: true });
      const expanded = graph.hasNode(id) && graph.getNodeAttribute(id, 'expanded') === true;
      if (expand && expanded) this.deps.status.info(`${graph.getNodeAttribute(id, 'label')}: neighbourhood already drawn.`);
      const expanding = !expand || expanded ? Promise.resolve() : this.expand(id);
      const [details] = await Promise.all([nodeDetails(id), expanding]);
      this.deps.showDetails(details);
    });
  }

  /** A search hit: draw it, expand it, select it and move the camera onto it. */
  async showHit(node: NodeSummary): Promise<void> {
    await this.whileBusy(async () => {
      const { graph, renderer } = this.deps;
      addNodes(graph, [node]);
      this.settleView = { kind: 'focus', node: node.id };
      await this.select(node.id);
      await focusNode(renderer, node.id);
    });
  }

  async showPeerNetwork(cityId: string, maxHops: number, eventKinds: readonly EventKind[]): Promise<void> {
    await this.whileBusy(async () => {
      const { graph, status } = this.deps;
      const network = await peerNetwork(cityId, maxHops, eventKinds);
      this.clear();
      this.deps.view.peerHops = new Map([[network.city.id, 0], ...network.peers.map((peer) => [peer.node.id, peer.hops] as const)]);
      const events = new Map<string, NodeSummary>();
      network.peers.forEach((peer) => peer.via.forEach((event) => events.set(event.id, event)));
      addNodes(graph, [network.city, ...network.peers.map((peer) => peer.node), ...events.values()]);
      await this.addEventDates([...events.keys()]);
      // Who took part in which connecting event: the participations among the drawn nodes.
      if (events.size > 0) addEdges(graph, (await subgraph([...events.keys()], 1, ['PARTICIPATED_IN'])).edges);
      this.settleView = { kind: 'fit' };
      this.changed();
      void this.fit();
      this.deps.layout.run();
      status.info(
        network.peers.length === 0
          ? `${network.city.name} has no peers through exchanges within ${maxHops} hops${network.eventKinds.includes('WORKSHOP') ? '' : ' (workshops not counted)'}.`
          : `${network.city.name}: ${network.peers.length} peers through ${events.size} events within ${maxHops} hops.`,
      );
      await this.select(cityId, false);
    });
  }

  async showPath(fromId: string, toId: string, maxHops: number): Promise<void> {
    await this.whileBusy(async () => {
      const { graph, view, status } = this.deps;
      const path = await shortestPath(fromId, toId, maxHops);
      // The previous drawing goes either way: an answer must not be read as part of an older one.
      this.clear();
      if (!path) {
        status.info(`No path within ${maxHops} hops.`);
        return;
      }
      addNodes(graph, path.nodes);
      // A path reads best as a line, left to right, so it skips the force layout.
      path.nodes.forEach((node, index) => graph.mergeNodeAttributes(node.id, { x: index * 10, y: index % 2 === 0 ? 0 : 3 }));
      addEdges(
        graph,
        path.relations.map((relation) => ({ id: relation.id, source: relation.from.id, target: relation.to.id, type: relation.type })),
      );
      view.path = { nodes: new Set(path.nodes.map((node) => node.id)), edges: new Set(path.relations.map((relation) => relation.id)) };
      this.changed();
      status.info(`Path of ${path.length} relations: ${path.nodes.map((node) => node.name).join(' → ')}.`);
      await this.fit();
      await this.select(fromId, false);
    });
  }

  /**
   * The whole graph, from the JSON export (which carries sigma-ready attributes); with
   * `preset`, without the hubs and with isolated nodes kept apart (see whole-graph.ts).
   */
  async showWholeGraph(preset = true): Promise<void> {
    await this.whileBusy(async () => {
      const response = await fetch(new URL('../export/graph.json', window.location.href));
      if (!response.ok) throw new Error(`GET /export/graph.json answered ${response.status}`);
      // The export writes exactly these attributes (see src/export/serialize-graph.ts).
      const serialized = (await response.json()) as SerializedGraph<ExplorerNode, ExplorerEdge>;
      this.clear();
      this.deps.graph.import(serialized);
      const hubs = preset ? dropHubs(this.deps.graph) : [];
      if (preset) this.apart = setIsolatedApart(this.deps.graph);
      this.settleView = { kind: 'fit' };
      this.changed();
      void this.fit();
      this.deps.layout.run();
      const isolated = this.apart.length > 0 ? `; ${this.apart.length} with no other relation in the rows below` : '';
      this.deps.status.info(
        `Whole graph: ${this.deps.graph.order} nodes, ${this.deps.graph.size} relations` +
          (hubs.length > 0 ? `; hubs hidden: ${hubs.join(', ')}${isolated}.` : '.'),
      );
    });
  }

  /** Camera onto the whole drawing, a little zoomed out so labels at the edges stay readable. */
  async fit(): Promise<void> {
    await this.deps.renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1.15, angle: 0 }, { duration: 300 });
  }

  /** The subgraph's nodes carry no dates: fetch those of newly drawn events, for the time filter. */
  private async addEventDates(ids: readonly string[]): Promise<void> {
    const { graph } = this.deps;
    const events = ids.filter((node) => graph.hasNode(node) && graph.getNodeAttribute(node, 'nodeType') === 'Event');
    if (events.length === 0) return;
    for (const [event, dates] of await eventDates(events)) {
      if (!graph.hasNode(event)) continue;
      if (dates.startDate) graph.setNodeAttribute(event, 'startDate', dates.startDate);
      if (dates.endDate) graph.setNodeAttribute(event, 'endDate', dates.endDate);
    }
  }

  /** Deselects without changing the drawing (a click on empty canvas, or Escape). */
  deselect(): void {
    this.deps.view.selected = undefined;
    this.deps.showDetails(null);
    this.deps.renderer.refresh({ skipIndexation: true });
  }

  /** Empties the drawing (and so deselects). */
  clear(): void {
    const { graph, view, layout } = this.deps;
    layout.stop();
    graph.clear();
    view.selected = undefined;
    view.hovered = undefined;
    view.hoveredNeighbours = new Set();
    view.hoveredEdge = undefined;
    view.peerHops = new Map();
    this.apart = [];
    view.path = { nodes: new Set(), edges: new Set() };
    this.settleView = undefined;
    this.deps.showDetails(null);
    this.changed();
  }

  private changed(): void {
    resize(this.deps.graph);
    this.deps.onGraphChange();
    this.deps.renderer.refresh();
  }
}

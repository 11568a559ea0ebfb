/**
 * What the user is looking at beyond the graph itself: the hovered node and its neighbours,
 * the hovered edge, the selected node, the relation types filtered out, the label language,
 * the hop of each peer in the peer view, and a path to emphasise. The sigma reducers read it
 * on every frame; nothing here touches the graph's attributes.
 */
import type { RelationType } from '../../src/domain/ontology';
import type { YearRange } from './time-filter';

/** Which name the canvas labels show. */
export type LabelLanguage = 'en' | 'ar' | 'both';

export interface ViewState {
  hovered: string | undefined;
  hoveredNeighbours: ReadonlySet<string>;
  hoveredEdge: string | undefined;
  selected: string | undefined;
  hiddenRelationTypes: Set<RelationType>;
  language: LabelLanguage;
  /** Only events in these years (and what links through them); everything when undefined. */
  years: YearRange | undefined;
  /** "Colour by community": each node's community; undefined to colour by node type. */
  communities: ReadonlyMap<string, number> | undefined;
  /** Peer view: hops from the city (0 for the city itself); empty otherwise. */
  peerHops: ReadonlyMap<string, number>;
  /** Nodes and edges of the path on show (path mode); empty otherwise. */
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
}

export function createViewState(): ViewState {
  return {
    hovered: undefined,
    hoveredNeighbours: new Set(),
    hoveredEdge: undefined,
    selected: undefined,
    hiddenRelationTypes: new Set(),
    language: 'en',
    years: undefined,
    communities: undefined,
    peerHops: new Map(),
    path: { nodes: new Set(), edges: new Set() },
  };
}

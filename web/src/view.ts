/**
 * What the user is looking at beyond the graph itself: the hovered node and its neighbours,
 * the selected node, the relation types filtered out, and a path to emphasise. The sigma
 * reducers read it on every frame; nothing here touches the graph's attributes.
 */
import type { RelationType } from '../../src/domain/ontology';

export interface ViewState {
  hovered: string | undefined;
  hoveredNeighbours: ReadonlySet<string>;
  selected: string | undefined;
  hiddenRelationTypes: Set<RelationType>;
  /** Nodes and edges of the path on show (path mode); empty otherwise. */
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
}

export function createViewState(): ViewState {
  return {
    hovered: undefined,
    hoveredNeighbours: new Set(),
    selected: undefined,
    hiddenRelationTypes: new Set(),
    path: { nodes: new Set(), edges: new Set() },
  };
}

/**
 * The colour legend (one swatch per node label, with how many are drawn) and the relation
 * type filter (one checkbox per type present, with its count). Unticking a type hides its
 * edges through the renderer's reducers.
 */
import { NODE_LABELS, RELATION_TYPES, type RelationType } from '../../src/domain/ontology';
import { LABEL_COLOURS } from '../../src/export/palette';
import { h } from './dom';
import type { ExplorerGraph } from './graph';
import type { ViewState } from './view';

export function renderLegend(list: HTMLElement, graph: ExplorerGraph): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, { nodeType }) => counts.set(nodeType, (counts.get(nodeType) ?? 0) + 1));
  list.replaceChildren(
    ...NODE_LABELS.map((label) => {
      const swatch = h('span', { className: 'swatch' });
      swatch.style.background = LABEL_COLOURS[label];
      return h('li', { className: counts.has(label) ? '' : 'absent' }, swatch, h('span', { text: `${label} ${counts.get(label) ?? 0}` }));
    }),
  );
}

export function renderFilters(list: HTMLElement, graph: ExplorerGraph, view: ViewState, onChange: () => void): void {
  const counts = new Map<RelationType, number>();
  graph.forEachEdge((_edge, { relationType }) => counts.set(relationType, (counts.get(relationType) ?? 0) + 1));
  const present = RELATION_TYPES.filter((type) => counts.has(type) || view.hiddenRelationTypes.has(type));
  if (present.length === 0) {
    list.replaceChildren(h('li', { className: 'hint', text: 'No relations drawn yet.' }));
    return;
  }
  list.replaceChildren(
    ...present.map((type) => {
      const box = h('input', { attrs: { type: 'checkbox', 'data-relation-type': type } });
      box.checked = !view.hiddenRelationTypes.has(type);
      box.addEventListener('change', () => {
        if (box.checked) view.hiddenRelationTypes.delete(type);
        else view.hiddenRelationTypes.add(type);
        onChange();
      });
      return h('li', {}, h('label', {}, box, ` ${type} ${counts.get(type) ?? 0}`));
    }),
  );
}

/**
 * The colour legend (one swatch per node label, with how many are drawn; in the peer view,
 * one per hop) and the relation type filter, which is also the edge legend: one checkbox per
 * type present with its colour, its human label (the enum name as a tooltip) and its count,
 * an arrow mark where the edge is drawn with one. Unticking a type hides its edges through
 * the renderer's reducers.
 */
import { NODE_LABELS, RELATION_TYPES, type RelationType } from '../../src/domain/ontology';
import { LABEL_COLOURS } from '../../src/export/palette';
import { h } from './dom';
import type { ExplorerGraph } from './graph';
import { ARROWED_TYPES, RELATION_COLOURS, RELATION_LABELS } from './relation-labels';
import { communityColour } from './communities';
import { HOP_COLOURS } from './renderer';
import type { ViewState } from './view';

function swatch(colour: string, className = 'swatch'): HTMLElement {
  const element = h('span', { className });
  element.style.background = colour;
  return element;
}

export function renderLegend(list: HTMLElement, graph: ExplorerGraph, view: ViewState): void {
  if (view.peerHops.size > 0) {
    const counts = new Map<number, number>();
    for (const hop of view.peerHops.values()) counts.set(hop, (counts.get(hop) ?? 0) + 1);
    list.replaceChildren(
      ...[...counts.keys()]
        .sort((a, b) => a - b)
        .map((hop) =>
          h(
            'li',
            { attrs: { 'data-hop': String(hop) } },
            swatch(HOP_COLOURS[Math.min(hop, HOP_COLOURS.length - 1)] ?? '#000'),
            h('span', { text: `${hop === 0 ? 'the city' : `${hop} hop${hop > 1 ? 's' : ''}`} ${counts.get(hop) ?? 0}` }),
          ),
        ),
      h('li', {}, swatch(LABEL_COLOURS.Event), h('span', { text: 'connecting events' })),
    );
    return;
  }
  if (view.communities) {
    const sizes = new Map<number, number>();
    for (const community of view.communities.values()) sizes.set(community, (sizes.get(community) ?? 0) + 1);
    list.replaceChildren(
      ...[...sizes]
        .sort((a, b) => a[0] - b[0])
        .slice(0, 12)
        .map(([community, size]) =>
          h(
            'li',
            { attrs: { 'data-community': String(community) } },
            swatch(communityColour(community)),
            h('span', { text: `community ${community + 1}: ${size}` }),
          ),
        ),
      ...(sizes.size > 12 ? [h('li', { text: `and ${sizes.size - 12} smaller (colours repeat)` })] : []),
    );
    return;
  }
  const counts = new Map<string, number>();
  graph.forEachNode((_node, { nodeType }) => counts.set(nodeType, (counts.get(nodeType) ?? 0) + 1));
  list.replaceChildren(
    ...NODE_LABELS.map((label) =>
      h(
        'li',
        { className: counts.has(label) ? '' : 'absent' },
        swatch(LABEL_COLOURS[label]),
        h('span', { text: `${label} ${counts.get(label) ?? 0}` }),
      ),
    ),
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
      return h(
        'li',
        { attrs: { title: type } },
        h(
          'label',
          {},
          box,
          swatch(RELATION_COLOURS[type], 'swatch edge-swatch'),
          ` ${RELATION_LABELS[type]}${ARROWED_TYPES.has(type) ? ' →' : ''} ${counts.get(type) ?? 0}`,
        ),
      );
    }),
  );
}

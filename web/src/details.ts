/**
 * The details panel: a node's English and Arabic names (the Arabic right-to-left), its
 * type, note and aliases, and every source quote with the title of its document.
 */
import type { NodeDetails, NodeSummary } from './api';
import { arabic, h } from './dom';

export interface DetailsActions {
  readonly onPeerNetwork: (city: NodeSummary) => void;
  readonly onPathEnd: (node: NodeSummary, end: 'from' | 'to') => void;
}

/** Arabic script anywhere in the text: such quotes are laid out right-to-left. */
const ARABIC = /[\u0600-\u06FF]/;

export function renderDetails(panel: HTMLElement, details: NodeDetails | null, actions: DetailsActions): void {
  if (!details) {
    panel.replaceChildren(h('p', { className: 'hint', text: 'Search for a node or click one to see its names and sources.' }));
    return;
  }
  const sources = details.sources.map((source) =>
    h(
      'li',
      { className: 'source' },
      ARABIC.test(source.quote)
        ? arabic('blockquote', source.quote, 'quote ar')
        : h('blockquote', { className: 'quote', text: source.quote }),
      h('cite', { text: source.document.title, attrs: { 'data-doc': source.document.id } }),
    ),
  );
  const buttons = [
    details.type === 'CITY'
      ? h('button', { text: 'Peer network', attrs: { type: 'button' }, onClick: () => actions.onPeerNetwork(details) })
      : null,
    h('button', { text: 'Path from here', attrs: { type: 'button' }, onClick: () => actions.onPathEnd(details, 'from') }),
    h('button', { text: 'Path to here', attrs: { type: 'button' }, onClick: () => actions.onPathEnd(details, 'to') }),
  ];
  const parts = [
    h('p', { className: 'type', text: details.type.toLowerCase() }),
    h('h2', { className: 'name', text: details.name }),
    arabic('p', details.nameAr, 'name-ar ar'),
    h('p', { className: 'id', text: details.id }),
    details.aliases.length > 0 ? h('p', { className: 'aliases', text: `Also: ${details.aliases.join(' · ')}` }) : null,
    details.note ? h('p', { className: 'note', text: details.note }) : null,
    h('div', { className: 'actions' }, ...buttons),
    h('h3', { text: `Sources (${details.sources.length})` }),
    h('ol', { className: 'sources' }, ...sources),
  ];
  panel.replaceChildren(...parts.filter((part) => part !== null));
}

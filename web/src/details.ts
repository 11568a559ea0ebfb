/**
 * The details panel: a node's English and Arabic names (the Arabic right-to-left), its
 * type, note and aliases, its relations grouped by type (each with its role, title and date,
 * its confidence, the node at the other end as a link that selects it, and the relation's
 * quotes with their documents' titles), and every
 * source quote of the node with the title of its document.
 */
import { RELATION_TYPES, type RelationType } from '../../src/domain/ontology';
import type { NodeDetails, NodeSummary, RelationDetails, RelationQuote } from './api';
import { arabic, h } from './dom';
import { RELATION_COLOURS, RELATION_LABELS } from './relation-labels';

export interface DetailsActions {
  readonly onPeerNetwork: (city: NodeSummary) => void;
  readonly onPathEnd: (node: NodeSummary, end: 'from' | 'to') => void;
  /** A relation's other end was clicked. */
  readonly onSelect: (node: NodeSummary) => void;
}

/** Arabic script anywhere in the text: such quotes are laid out right-to-left. */
const ARABIC = /[\u0600-\u06FF]/;

function quote(text: string): HTMLElement {
  return ARABIC.test(text) ? arabic('blockquote', text, 'quote ar') : h('blockquote', { className: 'quote', text });
}

/** "Mayor · host · as of 2023-05-01": what the relation says beyond its type. */
function qualifiers(relation: RelationDetails): string {
  const parts = [
    relation.title,
    relation.role,
    relation.asOf ? `as of ${relation.asOf}` : null,
    relation.since ? `since ${relation.since}` : null,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}

/** A relation's quote, with its document's title when it cites one. */
function relationQuote(source: RelationQuote): HTMLElement[] {
  return [quote(source.text), ...(source.documentTitle ? [h('cite', { text: source.documentTitle })] : [])];
}

/** How sure the graph is of the relation; the note (why inferred, why doubted) on hover. */
function confidence(relation: RelationDetails): HTMLElement {
  const element = h('span', { className: `confidence ${relation.confidence.toLowerCase()}`, text: relation.confidence.toLowerCase() });
  if (relation.note) element.title = relation.note;
  return element;
}

function relationItem(relation: RelationDetails, actions: DetailsActions): HTMLElement {
  const facts = qualifiers(relation);
  return h(
    'li',
    { className: 'relation', attrs: { 'data-relation-id': relation.id } },
    h('span', { className: 'direction', text: relation.outgoing ? '→' : '←' }),
    h('button', {
      className: 'other',
      text: relation.other.name,
      attrs: { type: 'button', 'data-id': relation.other.id, title: relation.other.nameAr },
      onClick: () => actions.onSelect(relation.other),
    }),
    h('span', { className: 'other-type', text: relation.other.type.toLowerCase() }),
    facts ? h('span', { className: 'facts', text: facts }) : null,
    confidence(relation),
    relation.quotes.length > 0
      ? h(
          'details',
          { className: 'relation-quotes' },
          h('summary', { text: `quotes (${relation.quotes.length})` }),
          ...relation.quotes.flatMap(relationQuote),
        )
      : null,
  );
}

function relationGroups(details: NodeDetails, actions: DetailsActions): HTMLElement[] {
  const byType = new Map<RelationType, RelationDetails[]>();
  for (const relation of details.relations) byType.set(relation.type, [...(byType.get(relation.type) ?? []), relation]);
  return RELATION_TYPES.filter((type) => byType.has(type)).map((type) => {
    const relations = byType.get(type) ?? [];
    const swatch = h('span', { className: 'swatch edge-swatch' });
    swatch.style.background = RELATION_COLOURS[type];
    return h(
      'section',
      { className: 'relation-group', attrs: { 'data-relation-type': type } },
      h('h4', {}, swatch, ` ${RELATION_LABELS[type]} (${relations.length})`),
      h('ul', { className: 'relations' }, ...relations.map((relation) => relationItem(relation, actions))),
    );
  });
}

export function renderDetails(panel: HTMLElement, details: NodeDetails | null, actions: DetailsActions): void {
  if (!details) {
    panel.replaceChildren(h('p', { className: 'hint', text: 'Search for a node or click one to see its names, relations and sources.' }));
    return;
  }
  const sources = details.sources.map((source) =>
    h(
      'li',
      { className: 'source' },
      quote(source.quote),
      // A curated fact may cite a web page rather than a document of the seed.
      source.document
        ? h('cite', { text: source.document.title, attrs: { 'data-doc': source.document.id } })
        : h('cite', { text: 'curated source' }),
    ),
  );
  const buttons = [
    details.type === 'CITY'
      ? h('button', { text: 'Peer network', attrs: { type: 'button' }, onClick: () => actions.onPeerNetwork(details) })
      : null,
    h('button', { text: 'Path from here', attrs: { type: 'button' }, onClick: () => actions.onPathEnd(details, 'from') }),
    h('button', { text: 'Path to here', attrs: { type: 'button' }, onClick: () => actions.onPathEnd(details, 'to') }),
  ];
  const shown = details.relations.length;
  const parts = [
    h('p', { className: 'type', text: details.type.toLowerCase() }),
    h('h2', { className: 'name', text: details.name }),
    arabic('p', details.nameAr, 'name-ar ar'),
    h('p', { className: 'id', text: details.id }),
    details.aliases.length > 0 ? h('p', { className: 'aliases', text: `Also: ${details.aliases.join(' · ')}` }) : null,
    details.note ? h('p', { className: 'note', text: details.note }) : null,
    h('div', { className: 'actions' }, ...buttons),
    h('h3', { text: `Relations (${details.relationCount}${shown < details.relationCount ? `, first ${shown} listed` : ''})` }),
    h('div', { className: 'relation-list' }, ...relationGroups(details, actions)),
    h('h3', { text: `Sources (${details.sources.length})` }),
    h('ol', { className: 'sources' }, ...sources),
  ];
  panel.replaceChildren(...parts.filter((part) => part !== null));
}

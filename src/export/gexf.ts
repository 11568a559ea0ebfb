/**
 * Internal. GEXF 1.3 for Gephi and NetworkX, written here rather than by graphology-gexf,
 * whose writer gives colours as `hex` only (NetworkX reads `r`, `g`, `b` and fails without
 * them) and has no dynamic mode. Nodes carry their English name as `label`, every scalar
 * attribute as an `attvalue`, and a `viz` colour (r, g, b), size and position; edges carry
 * their relation type as `label` and as GEXF's `kind`, which keeps Gephi from merging two
 * relations of different types between the same nodes.
 *
 * The graph is dynamic (`mode="dynamic"`, `timeformat="date"`) so Gephi's timeline works:
 * events span their dates, declarations and programmes start at theirs, a relation with
 * `since` starts then, one with `asOf` holds over that period, and a relation to a dated
 * event (taking part in it, say) spans the event. Undated elements have no `start`/`end`
 * and so exist throughout.
 */
import type { Attributes } from 'graphology-types';
import type { WritableGraph } from './graph-model';
import { eventSpan, openSpan, pointSpan, type Span } from './time-spans';
import { escapeXml } from './xml';

type GexfType = 'integer' | 'long' | 'double' | 'string';

const WIDENING: Readonly<Record<GexfType, number>> = { integer: 0, long: 1, double: 2, string: 3 };

/** What GEXF writes as `<node>`/`<edge>` attributes or `viz`, not as `attvalue`s. */
const NODE_RESERVED = new Set(['label', 'x', 'y', 'size', 'color']);
const EDGE_RESERVED = new Set(['label', 'weight']);

function typeOf(value: unknown): GexfType {
  if (typeof value !== 'number') return 'string';
  if (!Number.isInteger(value)) return 'double';
  return Math.abs(value) <= 2 ** 31 - 1 ? 'integer' : 'long';
}

/** Attribute names in first-seen order, each typed wide enough for every value it takes. */
function collectModel(elements: Iterable<Attributes>, reserved: ReadonlySet<string>): Map<string, GexfType> {
  const model = new Map<string, GexfType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (reserved.has(name) || value === undefined || value === null) continue;
      const type = typeOf(value);
      const known = model.get(name);
      if (known === undefined || WIDENING[type] > WIDENING[known]) model.set(name, type);
    }
  }
  return model;
}

function modelLines(model: ReadonlyMap<string, GexfType>, domain: 'node' | 'edge'): string[] {
  if (model.size === 0) return [];
  const attribute = (name: string, type: GexfType): string =>
    `      <attribute id="${escapeXml(name)}" title="${escapeXml(name)}" type="${type}"/>`;
  return [`    <attributes class="${domain}">`, ...[...model].map(([name, type]) => attribute(name, type)), '    </attributes>'];
}

function attvalueLines(model: ReadonlyMap<string, GexfType>, attributes: Attributes): string[] {
  const values: string[] = [];
  for (const name of model.keys()) {
    const value: unknown = attributes[name];
    if (value === undefined || value === null) continue;
    values.push(`          <attvalue for="${escapeXml(name)}" value="${escapeXml(String(value))}"/>`);
  }
  return values.length === 0 ? [] : ['        <attvalues>', ...values, '        </attvalues>'];
}

function spanAttributes(span: Span | undefined): string {
  if (!span) return '';
  return ` start="${span.start}"${span.end === undefined ? '' : ` end="${span.end}"`}`;
}

/** `#4e79a7` as GEXF's `r="78" g="121" b="167"`; undefined for anything not a six-digit hex colour. */
export function rgbOf(hex: string): { r: number; g: number; b: number } | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return undefined;
  const [, r = '', g = '', b = ''] = match;
  return { r: parseInt(r, 16), g: parseInt(g, 16), b: parseInt(b, 16) };
}

function nodeSpan(attributes: Attributes): Span | undefined {
  switch (attributes['type']) {
    case 'Event':
      return eventSpan(attributes['startDate'], attributes['endDate']);
    case 'Declaration':
      return openSpan(attributes['date']);
    case 'Programme':
      return openSpan(attributes['startYear']);
    default:
      return undefined;
  }
}

function edgeSpan(attributes: Attributes, target: Attributes): Span | undefined {
  return openSpan(attributes['since']) ?? pointSpan(attributes['asOf']) ?? (target['type'] === 'Event' ? nodeSpan(target) : undefined);
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function writeGexf(graph: WritableGraph): string {
  const nodeModel = collectModel(
    graph.mapNodes((_node, attributes) => attributes),
    NODE_RESERVED,
  );
  const edgeModel = collectModel(
    graph.mapEdges((_edge, attributes) => attributes),
    EDGE_RESERVED,
  );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    `    <creator>${escapeXml(graph.getAttribute('name'))}</creator>`,
    `    <description>${escapeXml(graph.getAttribute('description'))}</description>`,
    '  </meta>',
    `  <graph defaultedgetype="${graph.type === 'undirected' ? 'undirected' : 'directed'}" mode="dynamic" timeformat="date">`,
    ...modelLines(nodeModel, 'node'),
    ...modelLines(edgeModel, 'edge'),
    '    <nodes>',
  ];
  graph.forEachNode((node, attributes) => {
    const colour = typeof attributes.color === 'string' ? rgbOf(attributes.color) : undefined;
    lines.push(
      `      <node id="${escapeXml(node)}" label="${escapeXml(attributes.label)}"${spanAttributes(nodeSpan(attributes))}>`,
      ...attvalueLines(nodeModel, attributes),
      ...(colour ? [`        <viz:color r="${colour.r}" g="${colour.g}" b="${colour.b}"/>`] : []),
      `        <viz:size value="${number(attributes.size)}"/>`,
      `        <viz:position x="${number(attributes.x)}" y="${number(attributes.y)}" z="0"/>`,
      '      </node>',
    );
  });
  lines.push('    </nodes>', '    <edges>');
  graph.forEachEdge((edge, attributes, source, target, _sourceAttributes, targetAttributes) => {
    const weight = typeof attributes['weight'] === 'number' ? ` weight="${attributes['weight']}"` : '';
    const kind = typeof attributes['type'] === 'string' ? ` kind="${escapeXml(attributes['type'])}"` : '';
    lines.push(
      `      <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"` +
        ` label="${escapeXml(String(attributes.label))}"${kind}${weight}${spanAttributes(edgeSpan(attributes, targetAttributes))}>`,
      ...attvalueLines(edgeModel, attributes),
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

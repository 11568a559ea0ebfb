/**
 * Internal. GraphML (yEd, Cytoscape, Gephi, NetworkX). graphology-graphml only parses, so
 * this writes the format itself: one `<key>` per attribute name and element class, typed
 * from the values it holds, then the nodes and edges with `<data>` children.
 */
import type { Attributes } from 'graphology-types';
import type { WritableGraph } from './graph-model';
import { escapeXml } from './xml';

type GraphmlType = 'string' | 'int' | 'long' | 'double';

interface Key {
  readonly id: string;
  readonly name: string;
  type: GraphmlType;
}

const WIDENING: Readonly<Record<GraphmlType, number>> = { int: 0, long: 1, double: 2, string: 3 };

function typeOf(value: unknown): GraphmlType {
  if (typeof value !== 'number') return 'string';
  if (!Number.isInteger(value)) return 'double';
  return Math.abs(value) <= 2 ** 31 - 1 ? 'int' : 'long';
}

/** Keys in first-seen order, each typed wide enough for every value it takes. */
function collectKeys(prefix: 'n' | 'e', elements: Iterable<Attributes>): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      const type = typeOf(value);
      const key = keys.get(name);
      if (!key) keys.set(name, { id: `${prefix}-${keys.size}`, name, type });
      else if (WIDENING[type] > WIDENING[key.type]) key.type = type;
    }
  }
  return keys;
}

function dataLines(keys: ReadonlyMap<string, Key>, attributes: Attributes, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, key] of keys) {
    const value: unknown = attributes[name];
    if (value === undefined || value === null) continue;
    lines.push(`${indent}<data key="${key.id}">${escapeXml(String(value))}</data>`);
  }
  return lines;
}

export function writeGraphml(graph: WritableGraph): string {
  const nodeKeys = collectKeys(
    'n',
    graph.mapNodes((_node, attributes) => attributes),
  );
  const edgeKeys = collectKeys(
    'e',
    graph.mapEdges((_edge, attributes) => attributes),
  );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keyLine = (key: Key, domain: 'node' | 'edge'): string =>
    `  <key id="${key.id}" for="${domain}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`;
  for (const key of nodeKeys.values()) lines.push(keyLine(key, 'node'));
  for (const key of edgeKeys.values()) lines.push(keyLine(key, 'edge'));
  lines.push(
    `  <graph id="${escapeXml(graph.getAttribute('name'))}" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">`,
  );
  lines.push(`    <desc>${escapeXml(graph.getAttribute('description'))}</desc>`);
  graph.forEachNode((node, attributes) => {
    lines.push(`    <node id="${escapeXml(node)}">`, ...dataLines(nodeKeys, attributes, '      '), '    </node>');
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    lines.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`,
      ...dataLines(edgeKeys, attributes, '      '),
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

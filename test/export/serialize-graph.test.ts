/**
 * The three export formats, parsed back with independent readers: the XML must be well
 * formed, and every node, relation, type and Arabic name must survive the round trip.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Graph, { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { relationId, type GraphData, type NodeRecord, type RelationInput } from '../../src/domain/graph-document';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { serializeGraph } from '../../src/export/serialize-graph';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

const cite = (quote: string) => [{ doc: 'doc:000', quote }];

const nodes: NodeRecord[] = [
  { id: 'city:karachi', label: 'City', kind: 'city', name: 'Karachi', nameAr: 'كراتشي', population: 20000000, sources: cite('كراتشي') },
  { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: cite('باكستان') },
  { id: 'person:murtaza-wahab', label: 'Person', name: 'Murtaza Wahab', nameAr: 'مرتضى وهاب', sources: cite('مرتضى وهاب') },
  {
    id: 'commitment:1',
    label: 'Commitment',
    name: 'Commitment 1',
    nameAr: 'الالتزام الأول',
    number: 1,
    text: 'Speak out',
    textAr: 'التحدث',
    sources: cite('الالتزام'),
  },
  // Characters XML must escape, in both scripts.
  {
    id: 'org:cplc',
    label: 'Organization',
    kind: 'ngo',
    name: 'Citizens-Police Liaison Committee <CPLC> & "friends"',
    nameAr: "لجنة الاتصال بين المواطنين والشرطة & 'CPLC'",
    acronym: 'CPLC',
    sources: cite('CPLC'),
  },
  { id: 'event:forum', label: 'Event', kind: 'forum', name: 'Forum', nameAr: 'منتدى', startDate: '2023-02', sources: cite('منتدى') },
  { id: 'city:karachi-east', label: 'City', kind: 'district', name: 'Karachi East', nameAr: 'كراتشي الشرقية', sources: cite('شرق') },
];
const relations: RelationInput[] = [
  { type: 'PARTICIPATED_IN', from: 'city:karachi', to: 'event:forum', confidence: 'STATED', role: 'participant', sources: cite('منتدى') },
  { type: 'PART_OF', from: 'city:karachi-east', to: 'city:karachi', confidence: 'STATED', sources: cite('شرق') },
  { type: 'IN_COUNTRY', from: 'city:karachi', to: 'country:pk', confidence: 'STATED', sources: cite('كراتشي باكستان') },
  {
    type: 'LEADS',
    from: 'person:murtaza-wahab',
    to: 'city:karachi',
    confidence: 'STATED',
    title: 'Mayor',
    asOf: '2023',
    sources: cite('العمدة'),
  },
  // A second relation between the same two nodes: the formats must keep both.
  { type: 'WORKS_FOR', from: 'person:murtaza-wahab', to: 'city:karachi', confidence: 'STATED', title: 'Mayor', sources: cite('العمدة') },
  {
    type: 'PARTNERS_WITH',
    from: 'org:cplc',
    to: 'city:karachi',
    confidence: 'STATED',
    context: 'police & <safety>',
    sources: cite('CPLC'),
  },
  // Graded, with the v2 properties that name other nodes.
  {
    type: 'ADVANCES',
    from: 'city:karachi',
    to: 'commitment:1',
    confidence: 'INFERRED',
    note: 'implied',
    through: ['prog:care', 'org:cplc'],
    sources: cite('رعاية'),
  },
  {
    type: 'LEARNED_FROM',
    from: 'org:cplc',
    to: 'city:karachi',
    confidence: 'DOUBTFUL',
    note: 'doubted',
    at: 'event:workshop',
    sources: cite('ورشة'),
  },
];
const fixture: GraphData = { nodes, relations: relations.map((relation) => ({ ...relation, id: relationId(relation) })) };

async function seedGraph(): Promise<GraphData> {
  const store = new MemoryGraphStore();
  await ingestSeed(store);
  const graph = await store.dumpGraph();
  await store.close();
  return graph;
}

function expectSameElements(parsed: Graph, data: GraphData): void {
  expect(parsed.order).toBe(data.nodes.length);
  expect(parsed.size).toBe(data.relations.length);
  expect(parsed.nodes().sort()).toEqual(data.nodes.map((node) => node.id).sort());
  expect(parsed.edges().sort()).toEqual(data.relations.map((relation) => relation.id).sort());
}

const countries = new Map([
  ['city:karachi', { countryId: 'country:pk', country: 'Pakistan' }],
  ['city:karachi-east', { countryId: 'country:pk', country: 'Pakistan' }],
]);

interface GexfXml {
  gexf: {
    graph: {
      mode: string;
      timeformat: string;
      nodes: { node: { id: string; start?: string; end?: string; 'viz:color'?: Record<string, string> }[] };
      edges: { edge: { id: string; start?: string; end?: string }[] };
    };
  };
}

function parseGexfXml(xml: string): GexfXml {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'node' || name === 'edge' }).parse(
    xml,
  ) as GexfXml;
}

describe('GEXF', () => {
  const xml = serializeGraph('gexf', fixture, { countries });

  it('is well-formed GEXF 1.3 with a directed graph', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      gexf: { version: string; xmlns: string; graph: { defaultedgetype: string } };
    };
    expect(document.gexf.version).toBe('1.3');
    expect(document.gexf.xmlns).toBe('http://gexf.net/1.3');
    expect(document.gexf.graph.defaultedgetype).toBe('directed');
  });

  it('parses back with every node, relation, type and Arabic name', () => {
    const parsed = parseGexf(MultiDirectedGraph, xml);
    expectSameElements(parsed, fixture);
    expect(parsed.getNodeAttributes('city:karachi')).toMatchObject({
      label: 'Karachi',
      type: 'City',
      nameAr: 'كراتشي',
      population: 20000000,
    });
    expect(parsed.getNodeAttributes('org:cplc')).toMatchObject({
      label: 'Citizens-Police Liaison Committee <CPLC> & "friends"',
      nameAr: "لجنة الاتصال بين المواطنين والشرطة & 'CPLC'",
    });
    expect(parsed.getEdgeAttributes('person:murtaza-wahab-LEADS->city:karachi')).toMatchObject({
      type: 'LEADS',
      title: 'Mayor',
      asOf: '2023',
    });
    expect(parsed.getEdgeAttributes('person:murtaza-wahab-WORKS_FOR->city:karachi')).toMatchObject({ type: 'WORKS_FOR' });
    expect(parsed.source('city:karachi-IN_COUNTRY->country:pk')).toBe('city:karachi');
    expect(parsed.target('city:karachi-IN_COUNTRY->country:pk')).toBe('country:pk');
  });

  it('gives each edge its relation type as GEXF kind, so Gephi keeps parallel relations apart', () => {
    expect(xml).toContain('kind="LEADS"');
    expect(xml).toContain('kind="WORKS_FOR"');
  });

  it('gives every node a viz:color as r, g and b channels (0-255), which NetworkX requires, and no hex-only colour', () => {
    const document = parseGexfXml(xml);
    const colours = document.gexf.graph.nodes.node.map((node) => node['viz:color']);
    expect(colours).toHaveLength(fixture.nodes.length);
    for (const colour of colours) {
      expect(colour).toBeDefined();
      for (const channel of ['r', 'g', 'b']) {
        expect(colour?.[channel]).toMatch(/^\d{1,3}$/);
        expect(Number(colour?.[channel])).toBeLessThanOrEqual(255);
      }
      expect(colour).not.toHaveProperty('hex');
    }
    // Karachi is a City: #4e79a7.
    expect(document.gexf.graph.nodes.node.find((node) => node.id === 'city:karachi')?.['viz:color']).toEqual({
      r: '78',
      g: '121',
      b: '167',
    });
    expect(parseGexf(MultiDirectedGraph, xml).getNodeAttribute('city:karachi', 'color')).toBe('rgb(78,121,167)');
  });

  it('is a dynamic graph: events span their dates, dated relations and participations in dated events have start/end', () => {
    const document = parseGexfXml(xml);
    expect(document.gexf.graph.mode).toBe('dynamic');
    expect(document.gexf.graph.timeformat).toBe('date');
    const node = (id: string) => document.gexf.graph.nodes.node.find((candidate) => candidate.id === id);
    const edge = (id: string) => document.gexf.graph.edges.edge.find((candidate) => candidate.id === id);
    // February 2023, a month: its first and last days.
    expect(node('event:forum')).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
    expect(node('city:karachi')).not.toHaveProperty('start');
    expect(edge('city:karachi-PARTICIPATED_IN->event:forum')).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
    // asOf 2023: known to hold that year.
    expect(edge('person:murtaza-wahab-LEADS->city:karachi')).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
    expect(edge('city:karachi-IN_COUNTRY->country:pk')).not.toHaveProperty('start');
  });

  it('gives every city its country as an attribute', () => {
    const parsed = parseGexf(MultiDirectedGraph, xml);
    expect(parsed.getNodeAttributes('city:karachi')).toMatchObject({ country: 'Pakistan', countryId: 'country:pk' });
    expect(parsed.getNodeAttributes('city:karachi-east')).toMatchObject({ country: 'Pakistan' });
    expect(parsed.getNodeAttributes('country:pk')).not.toHaveProperty('country');
  });

  it('holds the whole seed graph', async () => {
    const seed = await seedGraph();
    const parsed = parseGexf(MultiDirectedGraph, serializeGraph('gexf', seed));
    expectSameElements(parsed, seed);
    expect(parsed.getNodeAttribute('city:karachi', 'nameAr')).toBe('كراتشي');
  });
});

describe('GraphML', () => {
  const xml = serializeGraph('graphml', fixture, { countries });

  it('gives every city its country as an attribute', () => {
    expect(parseGraphml(MultiDirectedGraph, xml).getNodeAttributes('city:karachi-east')).toMatchObject({
      country: 'Pakistan',
      countryId: 'country:pk',
    });
  });

  it('is well-formed GraphML with typed keys', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      graphml: { key: { for: string; 'attr.name': string; 'attr.type': string }[]; graph: { edgedefault: string } };
    };
    expect(document.graphml.graph.edgedefault).toBe('directed');
    const keyType = (domain: string, name: string) =>
      document.graphml.key.find((key) => key.for === domain && key['attr.name'] === name)?.['attr.type'];
    expect(keyType('node', 'nameAr')).toBe('string');
    expect(keyType('node', 'population')).toBe('int');
    // Karachi's size is a whole 8, Murtaza Wahab's 6.83: the key widens to double.
    expect(keyType('node', 'size')).toBe('double');
    expect(keyType('edge', 'type')).toBe('string');
  });

  it('parses back with every node, relation, type and Arabic name', () => {
    const parsed = parseGraphml(MultiDirectedGraph, xml);
    expectSameElements(parsed, fixture);
    expect(parsed.getNodeAttributes('city:karachi')).toMatchObject({
      label: 'Karachi',
      type: 'City',
      nameAr: 'كراتشي',
      population: 20000000,
    });
    expect(parsed.getNodeAttributes('org:cplc')).toMatchObject({ nameAr: "لجنة الاتصال بين المواطنين والشرطة & 'CPLC'" });
    expect(parsed.getEdgeAttributes('org:cplc-PARTNERS_WITH->city:karachi')).toMatchObject({
      type: 'PARTNERS_WITH',
      context: 'police & <safety>',
    });
    expect(parsed.source('person:murtaza-wahab-LEADS->city:karachi')).toBe('person:murtaza-wahab');
  });

  it('replaces control characters XML 1.0 cannot hold instead of writing an unreadable file', () => {
    const [, pakistan] = nodes;
    if (!pakistan) throw new Error('the fixture holds a second node');
    const broken: GraphData = { nodes: [{ ...pakistan, name: 'Paki\u0001stan' }], relations: [] };
    const out = serializeGraph('graphml', broken);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(parseGraphml(MultiDirectedGraph, out).getNodeAttribute('country:pk', 'name')).toBe('Paki\uFFFDstan');
  });

  it('holds the whole seed graph', async () => {
    const seed = await seedGraph();
    expectSameElements(parseGraphml(MultiDirectedGraph, serializeGraph('graphml', seed)), seed);
  });
});

describe('graphology JSON', () => {
  const json = JSON.parse(serializeGraph('json', fixture, { countries })) as SerializedGraph;

  it('gives every city its country as an attribute', () => {
    expect(json.nodes.find((node) => node.key === 'city:karachi')?.attributes).toMatchObject({ country: 'Pakistan' });
  });

  it('has graphology serialisation shape and imports into a new Graph', () => {
    expect(json.options).toMatchObject({ type: 'directed', multi: true });
    expect(json.nodes.find((node) => node.key === 'city:karachi')?.attributes).toMatchObject({ nodeType: 'City', nameAr: 'كراتشي' });
    expect(json.edges.find((edge) => edge.key === 'city:karachi-IN_COUNTRY->country:pk')).toMatchObject({
      source: 'city:karachi',
      target: 'country:pk',
      attributes: { relationType: 'IN_COUNTRY' },
    });
    const graph = new Graph({ multi: true });
    graph.import(json);
    expectSameElements(graph, fixture);
  });

  it('gives every node what sigma.js needs (x, y, size, label, color) and no `type`, which sigma reserves', () => {
    for (const { attributes } of json.nodes) {
      expect(attributes).toEqual(
        expect.objectContaining({ x: expect.any(Number), y: expect.any(Number), size: expect.any(Number), label: expect.any(String) }),
      );
      expect(attributes?.['color']).toMatch(/^#[0-9a-f]{6}$/);
      expect(attributes).not.toHaveProperty('type');
    }
    for (const { attributes } of json.edges) expect(attributes).not.toHaveProperty('type');
  });

  it('holds the whole seed graph', async () => {
    const seed = await seedGraph();
    const graph = new Graph({ multi: true });
    graph.import(JSON.parse(serializeGraph('json', seed)) as SerializedGraph);
    expectSameElements(graph, seed);
  });
});

describe('relation confidence, through and at', () => {
  const advances = 'city:karachi-ADVANCES->commitment:1';
  const learned = 'org:cplc-LEARNED_FROM->city:karachi';

  it('GEXF and GraphML carry them as edge attributes (through as space-separated ids), and JSON too', () => {
    const parsedGexf = parseGexf(MultiDirectedGraph, serializeGraph('gexf', fixture));
    const parsedGraphml = parseGraphml(MultiDirectedGraph, serializeGraph('graphml', fixture));
    const json = JSON.parse(serializeGraph('json', fixture)) as SerializedGraph;
    const jsonEdge = (key: string) => json.edges.find((edge) => edge.key === key)?.attributes;
    for (const attributesOf of [
      (key: string) => parsedGexf.getEdgeAttributes(key),
      (key: string) => parsedGraphml.getEdgeAttributes(key),
      jsonEdge,
    ]) {
      expect(attributesOf(advances)).toMatchObject({ confidence: 'INFERRED', through: 'prog:care org:cplc', note: 'implied' });
      expect(attributesOf(learned)).toMatchObject({ confidence: 'DOUBTFUL', at: 'event:workshop' });
      expect(attributesOf('city:karachi-IN_COUNTRY->country:pk')).toMatchObject({ confidence: 'STATED' });
    }
  });
});

it('refuses a relation whose endpoint the data lacks (a selection bug, not a silent drop)', () => {
  expect(() =>
    serializeGraph('json', { nodes: nodes.slice(0, 1), relations: fixture.relations.filter((relation) => relation.type === 'IN_COUNTRY') }),
  ).toThrow(/country:pk/);
});

/**
 * The exchange network export over real HTTP on the real seed, read back by independent
 * parsers (graphology's GEXF and GraphML importers, a CSV reader written here): cities and
 * countries only, one edge per pair with the EXCHANGE projection's weight, the shared events
 * listed on each edge and each of them attended by both ends according to the dump.
 */
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { XMLValidator } from 'fast-xml-parser';
import type { GraphData } from '../../src/domain/graph-document';
import type { ProjectedGraph } from '../../src/store/GraphStore';
import { readProblem, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let dump: GraphData;
let projection: ProjectedGraph;

beforeAll(async () => {
  server = await startTestServer();
  dump = await server.store.dumpGraph();
  projection = await server.store.project('EXCHANGE');
});
afterAll(async () => {
  await server.stop();
});

function get(path: string): Promise<Response> {
  return fetch(`${server.origin}${path}`);
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text.charAt(i + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

function checkNetwork(graph: UndirectedGraph): void {
  expect(projection.edges.length).toBeGreaterThan(0);
  expect(graph.nodes().sort()).toEqual(projection.nodes.map((node) => node.id).sort());
  const expectedWeights = new Map(projection.edges.map((edge) => [pairKey(edge.source, edge.target), edge.weight]));
  expect(graph.size).toBe(projection.edges.length);
  const attended = new Set(dump.relations.filter((r) => r.type === 'PARTICIPATED_IN').map((r) => `${r.from} ${r.to}`));
  graph.forEachNode((_node, attributes) => expect(['City', 'Country']).toContain(attributes['type']));
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = Number(attributes['weight']);
    expect(weight).toBe(expectedWeights.get(pairKey(source, target)));
    // The weight counts the events the pair attended and its LEARNED_FROM link (a peer link too).
    const events = String(attributes['events'] ?? '')
      .split(';')
      .filter((event) => event !== '');
    const learned = attributes['learnedFrom'] === true || attributes['learnedFrom'] === 'true';
    expect(events.length + (learned ? 1 : 0)).toBe(weight);
    for (const event of events) {
      expect(attended.has(`${source} ${event}`)).toBe(true);
      expect(attended.has(`${target} ${event}`)).toBe(true);
    }
  });
}

describe('/export/exchange-network.*', () => {
  it('GEXF: an undirected weighted graph of cities and countries, events on each edge, country on each city', async () => {
    const response = await get('/export/exchange-network.gexf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities-kg-exchange-network.gexf"');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('defaultedgetype="undirected"');
    const graph = parseGexf(UndirectedGraph, xml);
    checkNetwork(graph);
    graph.forEachNode((_node, attributes) => {
      if (attributes['type'] === 'City') expect(attributes['country']).toEqual(expect.any(String));
    });
  });

  it('GraphML: the same network, undirected, read back by graphology-graphml', async () => {
    const response = await get('/export/exchange-network.graphml');
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('edgedefault="undirected"');
    checkNetwork(parseGraphml(UndirectedGraph, xml));
  });

  it('CSV: an edge list with a header and one row per pair', async () => {
    const response = await get('/export/exchange-network.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = readCsv(await response.text());
    expect(header).toEqual([
      'source',
      'source_name',
      'source_country',
      'target',
      'target_name',
      'target_country',
      'weight',
      'events',
      'event_names',
      'learned_from',
    ]);
    expect(rows).toHaveLength(projection.edges.length);
    const graph = new UndirectedGraph();
    for (const [source = '', , , target = '', , , weight = '', events = '', , learnedFrom = ''] of rows) {
      graph.mergeNode(source);
      graph.mergeNode(target);
      graph.addEdge(source, target, { weight: Number(weight), events, learnedFrom });
    }
    for (const node of projection.nodes) graph.mergeNode(node.id, { type: node.label });
    graph.forEachNode((node) => graph.mergeNodeAttributes(node, { type: dump.nodes.find((record) => record.id === node)?.label }));
    checkNetwork(graph);
    for (const row of rows) expect(row).toHaveLength(10);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const problem = await readProblem(await get('/export/exchange-network.csv?format=xlsx'));
    expect(problem.status).toBe(400);
    expect(problem.contentType).toMatch(/^application\/problem\+json/);
    expect(problem.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      detail: expect.stringMatching(/unknown query parameter "format"; this export takes none/),
    });
  });
});

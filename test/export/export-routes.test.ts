/**
 * The export routes over real HTTP, on the real server loaded with the real seed: content
 * types, attachment names, the whole graph, neighbourhoods checked against an independent
 * breadth-first search over the dump, and the 400/404/503 problem-details answers for bad
 * selections and a slow store.
 */
import type express from 'express';
import Graph, { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { GraphData } from '../../src/domain/graph-document';
import { mountExports } from '../../src/http/mount-exports';
import { StoreTimeoutError } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { fetchFromRoutes, readProblem, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let dump: GraphData;

beforeAll(async () => {
  server = await startTestServer();
  dump = await server.store.dumpGraph();
});
afterAll(async () => {
  await server.stop();
});

function get(path: string): Promise<Response> {
  return fetch(`${server.origin}${path}`);
}

/** The expected selection, computed from the dump without the store's traversal. */
function neighbourhood(ids: string[], depth: number): { nodes: string[]; relations: string[] } {
  const reached = new Set(ids);
  let frontier = new Set(ids);
  for (let hop = 0; hop < depth; hop += 1) {
    const next = new Set<string>();
    for (const { from, to } of dump.relations) {
      if (frontier.has(from) && !reached.has(to)) next.add(to);
      if (frontier.has(to) && !reached.has(from)) next.add(from);
    }
    next.forEach((id) => reached.add(id));
    frontier = next;
  }
  return {
    nodes: [...reached].sort(),
    relations: dump.relations
      .filter((r) => reached.has(r.from) && reached.has(r.to))
      .map((r) => r.id)
      .sort(),
  };
}

interface GraphologyJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

describe('whole graph', () => {
  it('GET /export/graph.gexf is a GEXF attachment holding every node and relation', async () => {
    const response = await get('/export/graph.gexf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities-kg.gexf"');
    const graph = parseGexf(MultiDirectedGraph, await response.text());
    expect(graph.order).toBe(dump.nodes.length);
    expect(graph.size).toBe(dump.relations.length);
  });

  it('GET /export/graph.graphml is a GraphML attachment holding every node and relation', async () => {
    const response = await get('/export/graph.graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities-kg.graphml"');
    const graph = parseGraphml(MultiDirectedGraph, await response.text());
    expect(graph.order).toBe(dump.nodes.length);
    expect(graph.size).toBe(dump.relations.length);
    expect(graph.getNodeAttribute('city:karachi', 'nameAr')).toBe('كراتشي');
  });

  it('GET /export/graph.json is graphology JSON holding every node and relation', async () => {
    const response = await get('/export/graph.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities-kg.json"');
    const json = (await response.json()) as GraphologyJson;
    expect(json.nodes.map((node) => node.key).sort()).toEqual(dump.nodes.map((node) => node.id).sort());
    expect(json.edges.map((edge) => edge.key).sort()).toEqual(dump.relations.map((relation) => relation.id).sort());
  });
});

describe('GEXF and city attributes on the seed', () => {
  it('every city node has its country in all three formats', async () => {
    const cities = dump.nodes.filter((node) => node.label === 'City').map((node) => node.id);
    expect(cities.length).toBeGreaterThan(100);
    const gexf = parseGexf(MultiDirectedGraph, await (await get('/export/graph.gexf')).text());
    const graphml = parseGraphml(MultiDirectedGraph, await (await get('/export/graph.graphml')).text());
    const json = (await (await get('/export/graph.json')).json()) as GraphologyJson;
    const jsonCountry = new Map(json.nodes.map((node) => [node.key, node.attributes['country']]));
    for (const city of cities) {
      expect([city, gexf.getNodeAttribute(city, 'country')]).toEqual([city, expect.stringMatching(/\w/)]);
      expect(graphml.getNodeAttribute(city, 'country')).toBe(gexf.getNodeAttribute(city, 'country'));
      expect(jsonCountry.get(city)).toBe(gexf.getNodeAttribute(city, 'country'));
    }
    expect(gexf.getNodeAttribute('city:karachi', 'country')).toBe('Pakistan');
  });

  it("a district outside its country's neighbourhood still gets the country, through the city it is part of", async () => {
    // No edges: graphology-gexf then builds a mixed graph, so the parse is into one.
    const graph = parseGexf(Graph, await (await get('/export/graph.gexf?ids=city:karachi-east&depth=0')).text());
    expect(graph.getNodeAttributes('city:karachi-east')).toMatchObject({ country: 'Pakistan', countryId: 'country:pk' });
  });

  it('every node colour is written as r, g, b channels', async () => {
    const xml = await (await get('/export/graph.gexf')).text();
    const colours = [...xml.matchAll(/<viz:color ([^/]*)\/>/g)].map((match) => match[1]);
    expect(colours).toHaveLength(dump.nodes.length);
    for (const colour of colours) expect(colour).toMatch(/^r="\d{1,3}" g="\d{1,3}" b="\d{1,3}"$/);
  });
});

describe('neighbourhood (?ids=…&depth=N)', () => {
  it('depth 1 of Karachi holds its country, its mayor and exactly the nodes one relation away', async () => {
    const response = await get('/export/graph.json?ids=city:karachi&depth=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities-kg-neighbourhood.json"');
    const json = (await response.json()) as GraphologyJson;
    const keys = json.nodes.map((node) => node.key).sort();
    expect(keys).toEqual(expect.arrayContaining(['city:karachi', 'country:pk', 'person:murtaza-wahab']));
    const expected = neighbourhood(['city:karachi'], 1);
    expect(keys).toEqual(expected.nodes);
    expect(json.edges.map((edge) => edge.key).sort()).toEqual(expected.relations);
    expect(json.nodes.length).toBeLessThan(dump.nodes.length);
  });

  it('depth defaults to 1, and two ids (comma-separated or repeated) at depth 2 match a breadth-first search', async () => {
    const implicit = (await (await get('/export/graph.json?ids=city:karachi')).json()) as GraphologyJson;
    expect(implicit.nodes.map((node) => node.key).sort()).toEqual(neighbourhood(['city:karachi'], 1).nodes);

    const expected = neighbourhood(['country:pk', 'org:world-bank'], 2);
    expect(expected.nodes.length).toBeLessThan(dump.nodes.length);
    for (const query of ['ids=country:pk,org:world-bank&depth=2', 'ids=country:pk&ids=org:world-bank&depth=2']) {
      const graph = parseGexf(MultiDirectedGraph, await (await get(`/export/graph.gexf?${query}`)).text());
      expect(graph.nodes().sort()).toEqual(expected.nodes);
      expect(graph.edges().sort()).toEqual(expected.relations);
    }
  });

  it('depth 0 is the given nodes and the relations between them', async () => {
    const graph = parseGraphml(MultiDirectedGraph, await (await get('/export/graph.graphml?ids=city:karachi,country:pk&depth=0')).text());
    expect(graph.nodes().sort()).toEqual(['city:karachi', 'country:pk']);
    expect(graph.edges()).toEqual(['city:karachi-IN_COUNTRY->country:pk']);
    expect(graph.getEdgeAttribute('city:karachi-IN_COUNTRY->country:pk', 'type')).toBe('IN_COUNTRY');
  });
});

describe('bad selections', () => {
  async function expectError(path: string, status: number, message: RegExp): Promise<void> {
    const problem = await readProblem(await get(path));
    expect(problem.status).toBe(status);
    expect(problem.contentType).toMatch(/^application\/problem\+json/);
    expect(problem.body).toMatchObject({ type: 'about:blank', status, code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT' });
    expect(problem.body.detail).toMatch(message);
  }

  it('a malformed id is a 400 naming it', async () => {
    await expectError('/export/graph.gexf?ids=city:karachi,Karachi%20City', 400, /"Karachi City" is not a node id/);
  });

  it('an unknown id is a 404 naming it', async () => {
    await expectError('/export/graph.json?ids=city:atlantis', 404, /city:atlantis/);
  });

  it('depth above 6, or not a number, is a 400 naming the bound', async () => {
    await expectError('/export/graph.graphml?ids=city:karachi&depth=7', 400, /depth must be between 0 and 6, got 7/);
    await expectError('/export/graph.graphml?ids=city:karachi&depth=-1', 400, /depth must be a whole number/);
    await expectError('/export/graph.graphml?ids=city:karachi&depth=two', 400, /depth must be a whole number/);
  });

  it('more than 100 ids is a 400 naming the bound', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `city:c${index}`).join(',');
    await expectError(`/export/graph.json?ids=${ids}`, 400, /101 ids; the bound is 100/);
  });

  it('an unknown query parameter is a 400 naming it, not ignored', async () => {
    await expectError('/export/graph.gexf?ids=city:karachi&deph=2', 400, /unknown query parameter "deph"; this export takes ids, depth/);
    await expectError('/export/graph.json?format=csv&limit=3', 400, /unknown query parameters "format", "limit"/);
  });

  it('depth without ids, or ids that are all blank, is a 400', async () => {
    await expectError('/export/graph.json?depth=2', 400, /depth needs ids/);
    await expectError('/export/graph.json?ids=,,', 400, /ids is empty/);
  });
});

describe('mountExports on its own', () => {
  it('answers 503 naming the timeout when the store is too slow', async () => {
    class SlowStore extends MemoryGraphStore {
      override async dumpGraph(): Promise<GraphData> {
        throw new StoreTimeoutError('dumpGraph: the store did not answer within 5000 ms; try again later');
      }
    }
    const problem = await readProblem(await fetchFromRoutes((app) => mountExports(app, new SlowStore()), '/export/graph.json'));
    expect(problem.status).toBe(503);
    expect(problem.contentType).toMatch(/^application\/problem\+json/);
    expect(problem.body).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: expect.stringMatching(/did not answer within 5000 ms/),
      code: 'STORE_TIMEOUT',
    });
  });

  it('runs the guards it is given before exporting', async () => {
    const guard = (_request: express.Request, response: express.Response) => void response.status(401).send('API key required');
    const response = await fetchFromRoutes((app) => mountExports(app, new MemoryGraphStore(), [guard]), '/export/graph.gexf');
    expect(response.status).toBe(401);
  });
});

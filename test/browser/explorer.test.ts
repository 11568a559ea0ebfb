/**
 * The explorer page end to end: the real server (real seed) serves the built page, a headless
 * Chromium (see chromium.ts: the one npm ships, unless CHROMIUM_PATH or Debian's) draws it with WebGL, and the test works it as a user would: an Arabic search,
 * a click on a drawn node, hovering, the relation filter, the details panel, the peer and
 * path modes and the whole graph. Expected neighbours, quotes and counts come from the store.
 * Leaves a screenshot in test/artifacts/explorer.png (UPDATE_SCREENSHOT=1 also copies it to
 * docs/explorer.png).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { citedBy } from '../../src/domain/graph-document';
import { LABEL_COLOURS } from '../../src/export/palette';
import { PROJECT_ROOT } from '../../src/project-root';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium, type Browser, type PageDom } from './explorer-page';
import { countColour, decodePng } from './png';

jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // Test the page as the sources are now, not a stale bundle (rebuilt only if they changed).
  const build = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs'), '--quiet', 'web'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stderr}`);
  browser = await launchChromium();
  server = await startTestServer();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.origin}/explorer/`);
  await page.waitForFunction(() => globalThis.__explorer !== undefined);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function neighboursInStore(id: string): Promise<string[]> {
  const relations = await server.store.getRelations({ nodeIds: [id], direction: 'BOTH' });
  return [...new Set(relations.map((relation) => (relation.from === id ? relation.to : relation.from)))].sort();
}

/** Waits until the force layout has stopped and the camera has finished moving. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const explorer = globalThis.__explorer!;
    return !explorer.layout.running && !explorer.renderer.getCamera().isAnimated();
  });
}

async function drawnNeighbours(id: string): Promise<string[]> {
  return page.evaluate((node) => globalThis.__explorer!.graph.neighbors(node).sort(), id);
}

/** Where a drawn node is on the page, for real mouse events on the WebGL canvas. */
async function pagePosition(id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('#graph').boundingBox();
  const point = await page.evaluate((node) => {
    const { graph, renderer } = globalThis.__explorer!;
    return renderer.graphToViewport(graph.getNodeAttributes(node));
  }, id);
  return { x: box!.x + point.x, y: box!.y + point.y };
}

it('finds Karachi by its Arabic name, expands it, shows its Arabic name and sources, and zooms onto it', async () => {
  await page.fill('#search-input', 'كراتشي');
  const hit = page.locator('#search-results button[data-id="city:karachi"]');
  await hit.waitFor();
  await hit.click();

  await page.waitForFunction(() => globalThis.__explorer!.graph.hasNode('country:pk'));
  await settled();
  const expected = await neighboursInStore('city:karachi');
  expect(expected).toEqual(expect.arrayContaining(['country:pk', 'person:murtaza-wahab']));
  expect(await drawnNeighbours('city:karachi')).toEqual(expected);

  // Details: English and right-to-left Arabic names, every source quote with its document title.
  const [karachi] = await server.store.getNodes(['city:karachi']);
  const details = page.locator('#details');
  await expect(details.locator('.name').textContent()).resolves.toBe('Karachi');
  const arabicName = details.locator('.name-ar');
  await expect(arabicName.textContent()).resolves.toBe('كراتشي');
  await expect(arabicName.getAttribute('dir')).resolves.toBe('rtl');
  await expect(arabicName.getAttribute('lang')).resolves.toBe('ar');
  const quotes = details.locator('.source blockquote');
  await expect(quotes.count()).resolves.toBe(karachi!.sources.length);
  const firstSource = karachi!.sources[0]!;
  const [document] = await server.store.getNodes([citedBy(firstSource)]);
  await expect(quotes.first().textContent()).resolves.toBe(firstSource.quote);
  await expect(quotes.first().getAttribute('dir')).resolves.toBe('rtl');
  await expect(details.locator('.source cite').first().textContent()).resolves.toBe(document!.label === 'Document' ? document!.title : '');

  // The camera is centred on the match, zoomed so that its neighbours are all on screen.
  const focus = await page.evaluate(() => {
    const { graph, renderer } = globalThis.__explorer!;
    return {
      camera: renderer.getCamera().getState(),
      node: renderer.getNodeDisplayData('city:karachi')!,
      neighbours: graph.neighbors('city:karachi').map((node) => renderer.graphToViewport(graph.getNodeAttributes(node))),
    };
  });
  expect(Math.abs(focus.camera.x - focus.node.x)).toBeLessThan(0.01);
  expect(Math.abs(focus.camera.y - focus.node.y)).toBeLessThan(0.01);
  const { width, height } = (await page.locator('#graph').boundingBox())!;
  for (const { x, y } of focus.neighbours) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(width);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(height);
  }
});

it('writes Arabic with Arabic glyphs, not empty boxes', async () => {
  // A font without Arabic draws every letter as the same missing-glyph box; a real Arabic
  // font draws alef as a thin stroke and sheen wide, and joins letters into shorter words.
  const widths = await page.evaluate(() => {
    const dom = globalThis as unknown as PageDom;
    const element = dom.document.querySelector('#details .name-ar');
    const context = dom.document.createElement('canvas').getContext('2d');
    if (element === null || context === null) throw new Error('no Arabic name shown, or no canvas');
    context.font = dom.getComputedStyle(element).font;
    const width = (text: string): number => context.measureText(text).width;
    return { alef: width('ا'), sheen: width('ش'), missing: width('\u{10FFFD}') };
  });
  expect(widths.alef).toBeGreaterThan(0);
  expect(widths.sheen).toBeGreaterThan(2 * widths.alef);
  expect(widths.alef).not.toBeCloseTo(widths.missing, 1);
});

/** The whole drawing in view, so that any node can be pointed at. */
async function fit(): Promise<void> {
  await page.click('#fit-graph');
  await settled();
}

it('expands a node clicked on the canvas and shows its details', async () => {
  await fit();
  const position = await pagePosition('country:pk');
  await page.mouse.click(position.x, position.y);
  await page.locator('#details .name', { hasText: 'Pakistan' }).waitFor();
  const expected = await neighboursInStore('country:pk');
  await page.waitForFunction((count) => globalThis.__explorer!.graph.neighbors('country:pk').length === count, expected.length);
  await settled();
  expect(await drawnNeighbours('country:pk')).toEqual(expected);
});

it('highlights the neighbours of a hovered node and fades the rest', async () => {
  await fit();
  const position = await pagePosition('city:karachi');
  await page.mouse.move(position.x, position.y);
  await page.waitForFunction(() => globalThis.__explorer!.view.hovered === 'city:karachi');
  const karachiNeighbours = new Set(await neighboursInStore('city:karachi'));
  const colours = await page.evaluate(() => {
    const { graph, renderer } = globalThis.__explorer!;
    return graph
      .nodes()
      .map((node) => ({ node, shown: renderer.getNodeDisplayData(node)!.color, own: graph.getNodeAttributes(node).color }));
  });
  const faded = colours.filter(({ node }) => node !== 'city:karachi' && !karachiNeighbours.has(node));
  expect(faded.length).toBeGreaterThan(0); // Pakistan's expansion drew nodes Karachi is not linked to
  for (const { shown, own } of faded) expect(shown).not.toBe(own);
  for (const { node, shown, own } of colours) if (karachiNeighbours.has(node)) expect(shown).toBe(own);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => globalThis.__explorer!.view.hovered === undefined);
});

it('filters by relation type and keeps the legend counts true', async () => {
  const box = page.locator('#filters input[data-relation-type="PART_OF"]');
  await box.uncheck();
  const hidden = await page.evaluate(() => {
    const { graph, renderer } = globalThis.__explorer!;
    return graph
      .edges()
      .map((edge) => ({ type: graph.getEdgeAttributes(edge).relationType, hidden: renderer.getEdgeDisplayData(edge)!.hidden }));
  });
  expect(hidden.some(({ type }) => type === 'PART_OF')).toBe(true);
  for (const { type, hidden: isHidden } of hidden) expect(isHidden).toBe(type === 'PART_OF');
  await box.check();

  const cities = await page.evaluate(() => {
    let count = 0;
    globalThis.__explorer!.graph.forEachNode((_node, { nodeType }) => (count += nodeType === 'City' ? 1 : 0));
    return count;
  });
  await expect(page.locator('#legend li', { hasText: 'City' }).textContent()).resolves.toBe(`City ${cities}`);
});

it('draws the graph with WebGL (the screenshot holds node colours) and saves the screenshot', async () => {
  await page.fill('#search-input', 'كراتشي');
  await page.locator('#search-results button[data-id="city:karachi"]').click();
  await settled();
  const png = await page.screenshot();
  const artifacts = path.join(PROJECT_ROOT, 'test', 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(path.join(artifacts, 'explorer.png'), png);
  if (process.env['UPDATE_SCREENSHOT'] === '1')
    copyFileSync(path.join(artifacts, 'explorer.png'), path.join(PROJECT_ROOT, 'docs', 'explorer.png'));

  const graphBox = (await page.locator('#graph').screenshot({ type: 'png' })) as Buffer;
  const pixels = decodePng(graphBox);
  // Node discs are filled with their label's colour; the page's chrome never uses these.
  expect(countColour(pixels, LABEL_COLOURS.City)).toBeGreaterThan(200);
  expect(countColour(pixels, LABEL_COLOURS.Country)).toBeGreaterThan(50);
});

it('shows the peer network of a city, with the events that connect its peers', async () => {
  const response = await fetch(`${server.url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ peerNetwork(cityId: "city:mombasa", maxHops: 2) { peers { node { id } via { id } } } }' }),
  });
  const { data } = (await response.json()) as { data: { peerNetwork: { peers: { node: { id: string }; via: { id: string }[] }[] } } };
  const peers = data.peerNetwork.peers;
  expect(peers.length).toBeGreaterThan(0);

  await page.click('#tab-peers');
  await page.fill('#peer-city-input', 'Mombasa');
  await page.locator('#peer-city-results button[data-id="city:mombasa"]').click();
  await page.click('#peer-form button[type="submit"]');
  await page.waitForFunction((count) => globalThis.__explorer!.graph.order >= count, 1 + peers.length);
  await settled();
  const drawn = await page.evaluate(() => globalThis.__explorer!.graph.nodes().sort());
  const expected = new Set(['city:mombasa', ...peers.flatMap((peer) => [peer.node.id, ...peer.via.map((event) => event.id)])]);
  expect(drawn).toEqual([...expected].sort());
  for (const peer of peers) expect(await drawnNeighbours(peer.node.id)).toEqual(expect.arrayContaining(peer.via.map((event) => event.id)));
});

it('shows a shortest path between two nodes, and nothing else', async () => {
  await page.click('#tab-path');
  await page.fill('#path-from-input', 'Karachi');
  await page.locator('#path-from-results button[data-id="city:karachi"]').click();
  await page.fill('#path-to-input', 'Mombasa');
  await page.locator('#path-to-results button[data-id="city:mombasa"]').click();
  await page.click('#path-form button[type="submit"]');
  await page.waitForFunction(
    () => globalThis.__explorer!.graph.hasNode('city:mombasa') && globalThis.__explorer!.graph.hasNode('city:karachi'),
  );
  const drawn = await page.evaluate(() => ({ order: globalThis.__explorer!.graph.order, size: globalThis.__explorer!.graph.size }));
  expect(drawn.size).toBe(drawn.order - 1);
  expect(drawn.order).toBeGreaterThan(2);
  await expect(page.locator('#status').textContent()).resolves.toMatch(/^Path of \d+ relations: Karachi → .* → Mombasa/);
});

it('loads the whole graph from the JSON export and draws it', async () => {
  await page.click('#tab-explore');
  await page.click('#whole-graph');
  const counts = await server.store.counts();
  await page.waitForFunction((nodes) => globalThis.__explorer!.graph.order === nodes, counts.nodes);
  await settled();
  await expect(page.evaluate(() => globalThis.__explorer!.graph.size)).resolves.toBe(counts.relations);
  await expect(page.evaluate(() => globalThis.__explorer!.layout.iterations)).resolves.toBeGreaterThan(0);
});

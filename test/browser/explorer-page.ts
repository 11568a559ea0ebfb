/**
 * The test's view of the explorer page: launching Chromium (`chromium.ts` says which) through
 * playwright-core, and the shape of `window.__explorer` that `page.evaluate` callbacks read (declared here
 * because the tests compile without the DOM library).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, type ChromiumBinary } from './chromium';

interface Coordinates {
  x: number;
  y: number;
}

/** Structural subset of web/src/main.ts's `ExplorerHandle`. */
export interface PageExplorer {
  graph: {
    order: number;
    size: number;
    hasNode(node: string): boolean;
    neighbors(node: string): string[];
    degree(node: string): number;
    nodes(): string[];
    edges(): string[];
    getNodeAttributes(node: string): Coordinates & { label: string; nodeType: string; color: string; nameAr: string; size: number };
    getEdgeAttributes(edge: string): { relationType: string };
    source(edge: string): string;
    target(edge: string): string;
    forEachNode(callback: (node: string, attributes: { nodeType: string }) => void): void;
  };
  renderer: {
    getCamera(): { getState(): Coordinates & { ratio: number }; isAnimated(): boolean };
    getNodeDisplayData(node: string): (Coordinates & { color: string; hidden: boolean; label: string | null }) | undefined;
    getEdgeDisplayData(edge: string): { hidden: boolean; color: string; type: string } | undefined;
    graphToViewport(point: Coordinates): Coordinates;
    getDimensions(): { width: number; height: number };
  };
  layout: { running: boolean; iterations: number };
  view: { hovered: string | undefined; hoveredEdge: string | undefined; selected: string | undefined; language: string; years: unknown };
  explorer: { clear(): void; readonly busy: boolean };
  placeLabel(
    label: string,
    x: number,
    size: number,
    width: number,
    canvasWidth: number,
  ): { x: number; align: string; direction: string; room: number };
  fitLabel(label: string, room: number, measure: (text: string) => number): string;
}

/** The few DOM calls the tests make inside `page.evaluate` (the tests compile without the DOM library). */
export interface PageDom {
  document: {
    querySelector(selector: string): object | null;
    createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } | null };
  };
  getComputedStyle(element: object): { font: string };
}

declare global {
  // Set by web/src/main.ts as the last step of loading the page. Typed as always there because
  // it is only read inside page.evaluate callbacks after `explorerReady` has waited for it.
  var __explorer: PageExplorer;
}

/** Waits until the page has loaded and set `window.__explorer`: call it after every `goto`. */
export async function explorerReady(page: Page): Promise<void> {
  // The declaration above says "always set"; this is the one place that checks it is.
  await page.waitForFunction(() => (globalThis as { __explorer?: PageExplorer }).__explorer !== undefined);
}

/** `value`, or a clear error naming what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** Where the graph canvas is on the page (playwright returns null while it is not displayed). */
export async function graphBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return must(await page.locator('#graph').boundingBox(), 'the #graph canvas on the page (not displayed?)');
}

/**
 * Chromium flags for this machine: no sandbox (root in a container), and no network chatter
 * (the network is closed: without these Chromium keeps retrying Google's hosts).
 */
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface Browser {
  readonly context: BrowserContext;
  readonly chromium: ChromiumBinary;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh, throw-away profile. */
export async function launchChromium(): Promise<Browser> {
  const binary = await findChromium();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cities-kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary.executablePath,
    headless: true,
    args: [...ARGS, ...binary.args],
    env: { ...process.env, ...binary.env },
    viewport: { width: 1400, height: 850 },
  });
  return {
    context,
    chromium: binary,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

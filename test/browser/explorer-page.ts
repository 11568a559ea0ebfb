/**
 * The test's view of the explorer page: launching Debian's Chromium through playwright-core,
 * and the shape of `window.__explorer` that `page.evaluate` callbacks read (declared here
 * because the tests compile without the DOM library).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

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
    nodes(): string[];
    edges(): string[];
    getNodeAttributes(node: string): Coordinates & { label: string; nodeType: string; color: string };
    getEdgeAttributes(edge: string): { relationType: string };
    forEachNode(callback: (node: string, attributes: { nodeType: string }) => void): void;
  };
  renderer: {
    getCamera(): { getState(): Coordinates & { ratio: number }; isAnimated(): boolean };
    getNodeDisplayData(node: string): (Coordinates & { color: string; hidden: boolean }) | undefined;
    getEdgeDisplayData(edge: string): { hidden: boolean } | undefined;
    graphToViewport(point: Coordinates): Coordinates;
  };
  layout: { running: boolean; iterations: number };
  view: { hovered: string | undefined; selected: string | undefined };
}

declare global {
  // Set by the page; only ever read inside page.evaluate callbacks, which run in the browser.
  var __explorer: PageExplorer | undefined;
}

/**
 * Chromium flags for this machine: no sandbox (root in a container), no network chatter
 * (the network is closed and Chromium would retry Google's hosts), software GL.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh, throw-away profile. Fails loudly when Chromium is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser test needs Debian's Chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cities-kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 850 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

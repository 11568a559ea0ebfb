/**
 * A V8 CPU profile (`node --cpu-prof`, a .cpuprofile) as a flame graph in SVG and as a short
 * text summary: self time by function and by where the code lives (ours under src/, a
 * package under node_modules, Node's own, the engine's GC/idle/program). No dependency: the
 * profile is already a call tree with a sample count per node, which is all a flame graph is.
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
}

interface Tree {
  readonly frame: CallFrame;
  readonly self: number;
  readonly total: number;
  readonly children: readonly Tree[];
}

function buildTree(profile: CpuProfile): Tree {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const build = (node: ProfileNode): Tree => {
    const children = (node.children ?? [])
      .map((id) => byId.get(id))
      .filter((child): child is ProfileNode => child !== undefined)
      .map(build)
      .sort((a, b) => a.frame.functionName.localeCompare(b.frame.functionName));
    const self = node.hitCount ?? 0;
    return { frame: node.callFrame, self, total: self + children.reduce((sum, child) => sum + child.total, 0), children };
  };
  const root = profile.nodes[0];
  if (root === undefined) throw new Error('empty profile');
  return build(root);
}

/** Where a frame's code lives: `src/<folder>`, a package, `node:internal`, or the engine's own. */
export function placeOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node (core)';
  const source = url.match(/\/(src|bench)\/([^/]+)\//);
  return source ? `ours: ${source[1]}/${source[2]}` : url;
}

function label(frame: CallFrame): string {
  const file = frame.url.split('/').slice(-1)[0] ?? '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

const escapeXml = (text: string): string => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function colour(frame: CallFrame): string {
  const place = placeOf(frame);
  if (place.startsWith('ours')) return '#e8743b';
  if (place === 'node (core)') return '#7aa6c2';
  if (place.startsWith('(')) return '#bbbbbb';
  // One hue per package, so a library's frames read as one block.
  let hash = 0;
  for (const char of place) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return `hsl(${40 + (hash % 80)}, 70%, 60%)`;
}

/** The flame graph: root at the bottom, width ∝ samples, frames under 0.1% left out. */
export function flameGraphSvg(profile: CpuProfile, title: string): string {
  const tree = buildTree(profile);
  const width = 1600;
  const rowHeight = 16;
  const minSamples = tree.total / 1000;
  const rects: string[] = [];
  let depthMax = 0;
  const place = (node: Tree, x: number, depth: number): void => {
    depthMax = Math.max(depthMax, depth);
    const w = (node.total / tree.total) * width;
    const share = ((100 * node.total) / tree.total).toFixed(1);
    const text = escapeXml(label(node.frame));
    rects.push(
      `<g><title>${text} — ${share}% (${placeOf(node.frame)})</title><rect x="${x.toFixed(2)}" y="${depth}" width="${w.toFixed(2)}" height="${rowHeight - 1}" fill="${colour(node.frame)}"/>` +
        (w > 40
          ? `<text x="${(x + 3).toFixed(2)}" y="${depth}" dy="12">${escapeXml(label(node.frame).slice(0, Math.floor(w / 7)))}</text>`
          : '') +
        '</g>',
    );
    let childX = x;
    for (const child of node.children) {
      if (child.total >= minSamples) place(child, childX, depth + 1);
      childX += (child.total / tree.total) * width;
    }
  };
  place(tree, 0, 0);
  const height = (depthMax + 3) * rowHeight;
  // Depths were recorded as row numbers; flip them so the root sits at the bottom.
  const body = rects.map((rect) => rect.replace(/ y="(\d+)"/g, (_match, row: string) => ` y="${height - (Number(row) + 2) * rowHeight}"`));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<text x="4" y="12">${escapeXml(title)} — ${tree.total} samples; hover a frame for its share. Orange: ours (src/); blue: Node core; grey: engine.</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** Samples under each function (self and callees), a recursive function counted once per stack. */
function totalsByFunction(tree: Tree): Map<string, number> {
  const totals = new Map<string, number>();
  const onStack = new Set<string>();
  const walk = (node: Tree): void => {
    const key = `${label(node.frame)} (${placeOf(node.frame)})`;
    const outermost = !onStack.has(key);
    if (outermost) {
      totals.set(key, (totals.get(key) ?? 0) + node.total);
      onStack.add(key);
    }
    for (const child of node.children) walk(child);
    if (outermost) onStack.delete(key);
  };
  walk(tree);
  return totals;
}

/** Top frames by self time, by total time, and self time by place, as text. */
export function profileSummary(profile: CpuProfile, top = 25): string {
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const key = `${label(node.callFrame)} (${placeOf(node.callFrame)})`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const where = placeOf(node.callFrame);
    byPlace.set(where, (byPlace.get(where) ?? 0) + hits);
  }
  const rows = (map: Map<string, number>, limit: number): string[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`,
    '',
    'Self time by place:',
    ...rows(byPlace, 20),
    '',
    `Top ${top} functions by self time:`,
    ...rows(byFunction, top),
    '',
    `Top ${2 * top} functions by total time (self and callees; the root and the event loop's own frames first):`,
    ...rows(totalsByFunction(buildTree(profile)), 2 * top),
  ].join('\n');
}

/**
 * ForceAtlas2 in a web worker, so the page stays responsive while it runs, stopped once it
 * settles: after MAX_ITERATIONS, or earlier when nodes barely move any more. The worker
 * supervisor writes positions back with `updateEachNodeAttributes`, one call per iteration,
 * which is how iterations are counted here.
 */
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './graph';

const MAX_ITERATIONS = 300;
const MIN_ITERATIONS = 80;
/** Mean movement per iteration, relative to the graph's extent, below which it has settled. */
const SETTLED = 0.001;
/**
 * A last resort: iterations arrive only as fast as the page's main thread takes them, which
 * on a loaded machine rendering WebGL in software can be a few a second. Never spin for ever.
 */
const MAX_RUN_MS = 10_000;

export interface LayoutProgress {
  readonly iterations: number;
  /** Mean movement per node in the last iteration, as a fraction of the drawing's extent. */
  readonly movement: number;
  readonly running: boolean;
}

export class Layout {
  private supervisor: FA2Layout | undefined;
  private previous = new Map<string, { x: number; y: number }>();
  private deadline: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly progressListeners = new Set<(progress: LayoutProgress) => void>();
  /** Iterations of the current or last run (for tests and the status line). */
  iterations = 0;
  /** Mean movement of the last iteration, relative to the drawing's extent. */
  movement = 0;

  constructor(private readonly graph: ExplorerGraph) {
    graph.on('eachNodeAttributesUpdated', () => this.onIteration());
  }

  /**
   * True from `run()` until the run has ended and its `onStop` listeners have run, so that
   * whoever waits for the layout also waits for what those listeners start (a camera move).
   */
  get running(): boolean {
    return this.supervisor !== undefined;
  }

  /** Starts (or restarts, after the graph grew) a run. */
  run(): void {
    this.end(false);
    if (this.graph.order < 2) return;
    this.supervisor = new FA2Layout(this.graph, {
      settings: { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 300, slowDown: 5 },
    });
    this.iterations = 0;
    this.movement = 0;
    this.previous = this.positions();
    this.supervisor.start();
    this.progressListeners.forEach((listener) => listener({ iterations: 0, movement: 0, running: true }));
    this.deadline = window.setTimeout(() => this.stop(), MAX_RUN_MS);
  }

  stop(): void {
    this.end(true);
  }

  private end(notify: boolean): void {
    if (this.deadline !== undefined) window.clearTimeout(this.deadline);
    this.deadline = undefined;
    if (!this.supervisor) return;
    // kill() also ends the worker and unhooks the supervisor from the graph's events.
    this.supervisor.kill();
    this.supervisor = undefined;
    if (notify) this.listeners.forEach((listener) => listener());
  }

  /** Called when a run starts and after each of its iterations. */
  onProgress(listener: (progress: LayoutProgress) => void): void {
    this.progressListeners.add(listener);
  }

  /** Called when a run ends (settled, capped or stopped), not when a new run replaces it. */
  onStop(listener: () => void): void {
    this.listeners.add(listener);
  }

  private positions(): Map<string, { x: number; y: number }> {
    const positions = new Map<string, { x: number; y: number }>();
    this.graph.forEachNode((node, { x, y }) => positions.set(node, { x, y }));
    return positions;
  }

  private onIteration(): void {
    if (!this.supervisor?.isRunning()) return;
    this.iterations += 1;
    const current = this.positions();
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [node, { x, y }] of current) {
      const before = this.previous.get(node) ?? { x, y };
      moved += Math.hypot(x - before.x, y - before.y);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    this.previous = current;
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    this.movement = moved / current.size / extent;
    this.progressListeners.forEach((listener) => listener({ iterations: this.iterations, movement: this.movement, running: true }));
    const settled = this.iterations >= MIN_ITERATIONS && this.movement < SETTLED;
    if (settled || this.iterations >= MAX_ITERATIONS) {
      // We are inside the supervisor's message handler, which goes on using its buffers
      // after this event: pause it now and kill it once the handler has returned.
      this.supervisor?.stop();
      window.setTimeout(() => this.stop(), 0);
    }
  }
}

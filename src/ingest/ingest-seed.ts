/**
 * Public. Loads the seed (read → validate) and writes it to a store, idempotently: a
 * second ingest of the same seed creates and updates nothing.
 *
 * A large seed leaves its parsed JSON and the validator's copies behind as garbage (at a
 * million relations, about a gigabyte the process would otherwise keep resident until V8
 * next needs the room, which an idle server never does): after a load that large the heap
 * is collected, so the service starts at the size of what it holds (at a million relations
 * 350–440 MB instead of 1.3 GB, for about 1.5 s: the first collection finishes the marking
 * V8 had under way, the second compacts and hands the pages back).
 */
import vm from 'node:vm';
import v8 from 'node:v8';
import type { GraphStore, MergeOptions, MergeSummary } from '../store/GraphStore';
import { loadSeed } from './load-seed';

export interface IngestResult extends MergeSummary {
  readonly nodes: number;
  readonly relations: number;
}

/** Nodes and relations above which a load is followed by a full garbage collection. */
const COLLECT_AFTER = 100_000;

export async function ingestSeed(store: GraphStore, seedDir?: string, options: MergeOptions = {}): Promise<IngestResult> {
  // The graph is only reachable inside this call: once it returns, all of it is garbage.
  const result = await loadAndMerge(store, seedDir, options);
  if (result.nodes + result.relations >= COLLECT_AFTER) collectGarbage();
  return result;
}

async function loadAndMerge(store: GraphStore, seedDir: string | undefined, options: MergeOptions): Promise<IngestResult> {
  // The store may start on the nodes (the memory store's name index, in a worker) while the relations are checked.
  let dropPrepared: (() => void) | undefined;
  const graph = await loadSeed(seedDir, { onNodes: (nodes) => (dropPrepared = store.prepareMerge?.(nodes)) }).catch((error: unknown) => {
    dropPrepared?.();
    throw error;
  });
  const summary = await store.mergeGraph(graph, options);
  return { ...summary, nodes: graph.nodes.length, relations: graph.relations.length };
}

let fullCollection: (() => void) | null | undefined;

/**
 * A full garbage collection. Node offers one only behind --expose-gc; setting the flag at
 * run time makes `gc` a global of contexts created after it (as jest's leak detector does),
 * and a context of our own is all it is exposed in. Where that fails, nothing is collected.
 */
function collectGarbage(): void {
  if (fullCollection === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      fullCollection =
        typeof gc === 'function'
          ? () => {
              gc();
              gc();
            }
          : null;
    } catch {
      fullCollection = null;
    }
  }
  fullCollection?.();
}

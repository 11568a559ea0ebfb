/**
 * Where the service's ready time goes, measured in one process on a seed folder: reading
 * the files (readSeed), validating and merging them into one graph (validateGraph), and
 * the memory store's mergeGraph (tables, read index, name index), each with wall and CPU
 * time; validation is also CPU-profiled and its hottest functions listed.
 * Usage: node --expose-gc load-phases.js <seed dir>. Prints one JSON line (LoadPhases).
 */
import { Session, type Profiler } from 'node:inspector';
import path from 'node:path';
import { validateGraph } from '../../src/domain/validate-graph';
import { readSeed } from '../../src/ingest/read-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { reply } from '../lib/child';
import { settledRssMb } from '../lib/memory';
import { timed } from '../lib/stats';

export interface Phase {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface HotSpot {
  /** Function and file:line, or `(garbage collector)`. */
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface LoadPhases {
  readonly read: Phase;
  readonly validate: Phase;
  readonly merge: Phase;
  /** RSS of this process with the store loaded and the input dropped, after a full collection. */
  readonly rssLoadedMb: number;
  /** Top self-time functions while validating. */
  readonly validateHotSpots: readonly HotSpot[];
}

function post<T>(session: Session, method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
}

function hotSpots(profile: Profiler.Profile, count: number): HotSpot[] {
  const selfMs = new Map<number, number>();
  profile.samples?.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}` : `(${functionName || 'native'})`;
    byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
  }
  return [...byPlace]
    .filter(([where]) => where !== '(idle)' && where !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, ms]) => ({ where, selfMs: ms, share: total > 0 ? ms / total : 0 }));
}

/** Read, validate and merge in a function of their own, so the input is dropped when it returns. */
async function load(seedDir: string, store: MemoryGraphStore) {
  const read = await timed(() => readSeed(seedDir));
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.start');
  const validated = await timed(() => validateGraph(read.result));
  const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
  session.disconnect();
  if (validated.result.problems.length > 0) throw new Error(`${seedDir}: ${validated.result.problems.length} validation problems`);
  const merged = await timed(() => store.mergeGraph(validated.result.graph));
  const phase = (run: { wallMs: number; cpuMs: number }): Phase => ({ wallMs: run.wallMs, cpuMs: run.cpuMs });
  return { read: phase(read), validate: phase(validated), merge: phase(merged), validateHotSpots: hotSpots(profile, 8) };
}

async function main(): Promise<void> {
  const [seedDir] = process.argv.slice(2);
  if (!seedDir) throw new Error('usage: load-phases.js <seed dir>');
  const store = new MemoryGraphStore();
  const phases = await load(seedDir, store);
  const result: LoadPhases = { ...phases, rssLoadedMb: await settledRssMb() };
  reply(result);
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

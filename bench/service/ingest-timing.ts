/**
 * The seed load as the server runs it (`ingestSeed` into a memory store), timed in a fresh
 * process: wall time, the whole process's CPU (this thread, V8's helper threads and any
 * worker) and this thread's CPU alone, read from /proc (the machine is shared, so CPU says
 * more than wall time), and RSS once loaded.
 * Usage: node ingest-timing.js <seed dir>. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { loadAverageNow } from '../lib/machine';

/** CPU time of this process's main thread (its task id is the pid), in ms; USER_HZ is 100. */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function main(): Promise<void> {
  const [seedDir] = process.argv.slice(2);
  if (!seedDir) throw new Error('usage: ingest-timing.js <seed dir>');
  const store = new MemoryGraphStore();
  const loadAverage = loadAverageNow();
  const cpu = processCpuMs();
  const thread = mainThreadCpuMs();
  const start = performance.now();
  const result = await ingestSeed(store, seedDir);
  const wallMs = performance.now() - start;
  const line = {
    relations: result.relations,
    nodes: result.nodes,
    wallMs: Math.round(wallMs),
    processCpuMs: Math.round(processCpuMs() - cpu),
    mainThreadCpuMs: mainThreadCpuMs() - thread,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
    loadAverage,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

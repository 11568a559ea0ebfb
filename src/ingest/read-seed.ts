/**
 * Internal. Reads the curated graph files and the source texts from a seed folder, without
 * judging them: validation is `validateGraph`'s job.
 *
 * Graph files are read one at a time as bytes and decoded whole with TextDecoder: only one
 * file's bytes and text are held at once, and JSON.parse gets one flat string (`readFile(…,
 * 'utf8')` decodes chunk by chunk into a rope that JSON.parse must flatten first: about a
 * tenth more CPU at a million relations, 220 MB of JSON).
 *
 * A large seed's files are decoded in a worker thread (graph-decoder.ts) while this thread
 * parses the one before: decoding UTF-8 is a third of the reading at a million relations
 * (2.5 of 7 s), and a decoded text comes back as one copy of its memory.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GraphFile, ValidationInput } from '../domain/validate-graph';
import { PROJECT_ROOT } from '../project-root';
import { GraphDecoder } from './graph-decoder';

/** The seed folder shipped with the project (`seed/`), found from this file's location. */
export const DEFAULT_SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/** Graph bytes from which the files are decoded in a worker (starting one costs some 30 ms). */
export const DECODE_IN_WORKER_BYTES = 32 * 1024 * 1024;

export interface ReadSeedOptions {
  /** Graph bytes from which the files are decoded in a worker thread. @default DECODE_IN_WORKER_BYTES */
  readonly decodeInWorkerBytes?: number;
}

// ignoreBOM keeps a byte-order mark in the text, so such a file fails JSON.parse as before.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export async function readSeed(seedDir: string = DEFAULT_SEED_DIR, options: ReadSeedOptions = {}): Promise<ValidationInput> {
  const graphDir = path.join(seedDir, 'graph');
  const graphNames = (await readdir(graphDir)).filter((name) => name.endsWith('.json')).sort();
  const paths = graphNames.map((name) => path.join(graphDir, name));
  const files: GraphFile[] = [];
  const decoder =
    (await graphBytes(paths)) >= (options.decodeInWorkerBytes ?? DECODE_IN_WORKER_BYTES) ? new GraphDecoder(paths) : undefined;
  try {
    for (const [i, name] of graphNames.entries()) {
      // The worker's text, or (a file it could not read, or no worker) this thread's own reading.
      const text = (await decoder?.text(i)) ?? UTF8.decode(await readFile(path.join(graphDir, name)));
      files.push(parseGraphFile(path.join('graph', name), text));
    }
  } finally {
    await decoder?.close();
  }
  return { files, sourceTexts: await readSourceTexts(seedDir) };
}

/** The source texts of a seed folder by file name (`sources/*.txt`), without its graph. */
export async function readSourceTexts(seedDir: string = DEFAULT_SEED_DIR): Promise<ReadonlyMap<string, string>> {
  const sourcesDir = path.join(seedDir, 'sources');
  const sourceNames = (await readdir(sourcesDir)).filter((name) => name.endsWith('.txt')).sort();
  const sourceTexts = new Map<string, string>();
  for (const name of sourceNames) {
    sourceTexts.set(name, await readFile(path.join(sourcesDir, name), 'utf8'));
  }
  return sourceTexts;
}

async function graphBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  // A file that cannot be looked at counts nothing here; reading it reports why.
  for (const file of paths)
    total += await stat(file).then(
      (info) => info.size,
      () => 0,
    );
  return total;
}

function parseGraphFile(file: string, text: string): GraphFile {
  try {
    return { file, content: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, error: `not valid JSON: ${(error as Error).message}` };
  }
}

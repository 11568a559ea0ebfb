/**
 * Internal. Reads the curated graph files and the source texts from a seed folder, without
 * judging them: validation is `validateGraph`'s job.
 *
 * Graph files are read one at a time as bytes and decoded whole with TextDecoder: only one
 * file's bytes and text are held at once, and JSON.parse gets one flat string (`readFile(…,
 * 'utf8')` decodes chunk by chunk into a rope that JSON.parse must flatten first: about a
 * tenth more CPU at a million relations, 220 MB of JSON).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphFile, ValidationInput } from '../domain/validate-graph';
import { PROJECT_ROOT } from '../project-root';

/** The seed folder shipped with the project (`seed/`), found from this file's location. */
export const DEFAULT_SEED_DIR = path.join(PROJECT_ROOT, 'seed');

// ignoreBOM keeps a byte-order mark in the text, so such a file fails JSON.parse as before.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export async function readSeed(seedDir: string = DEFAULT_SEED_DIR): Promise<ValidationInput> {
  const graphDir = path.join(seedDir, 'graph');
  const graphNames = (await readdir(graphDir)).filter((name) => name.endsWith('.json')).sort();
  const files: GraphFile[] = [];
  for (const name of graphNames) files.push(await readGraphFile(graphDir, name));
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

async function readGraphFile(graphDir: string, name: string): Promise<GraphFile> {
  const file = path.join('graph', name);
  const text = UTF8.decode(await readFile(path.join(graphDir, name)));
  try {
    return { file, content: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, error: `not valid JSON: ${(error as Error).message}` };
  }
}

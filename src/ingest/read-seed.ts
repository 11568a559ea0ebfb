/**
 * Internal. Reads the curated graph files and the source texts from a seed folder, without
 * judging them: validation is `validateGraph`'s job.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphFile, ValidationInput } from '../domain/validate-graph';
import { PROJECT_ROOT } from '../project-root';

/** The seed folder shipped with the project (`seed/`), found from this file's location. */
export const DEFAULT_SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export async function readSeed(seedDir: string = DEFAULT_SEED_DIR): Promise<ValidationInput> {
  const graphDir = path.join(seedDir, 'graph');
  const sourcesDir = path.join(seedDir, 'sources');
  const graphNames = (await readdir(graphDir)).filter((name) => name.endsWith('.json')).sort();
  const files = await Promise.all(graphNames.map((name) => readGraphFile(graphDir, name)));
  const sourceNames = (await readdir(sourcesDir)).filter((name) => name.endsWith('.txt')).sort();
  const sourceTexts = new Map<string, string>();
  for (const name of sourceNames) {
    sourceTexts.set(name, await readFile(path.join(sourcesDir, name), 'utf8'));
  }
  return { files, sourceTexts };
}

async function readGraphFile(graphDir: string, name: string): Promise<GraphFile> {
  const file = path.join('graph', name);
  const text = await readFile(path.join(graphDir, name), 'utf8');
  try {
    return { file, content: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, error: `not valid JSON: ${(error as Error).message}` };
  }
}

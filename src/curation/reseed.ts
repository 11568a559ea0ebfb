/**
 * Public. Loads the seed into a store and layers the curated changes back on top, in order.
 * This is the only safe way to (re)seed a store that has curated changes: a bare
 * `ingestSeed` over a curated node would put the seed's version back until the next replay.
 */
import { ingestSeed, type IngestResult } from '../ingest/ingest-seed';
import type { GraphStore, MergeOptions } from '../store/GraphStore';
import type { CurationService, ReplaySummary } from './CurationService';

export async function reseed(
  store: GraphStore,
  options: { readonly seedDir?: string | undefined; readonly curation: CurationService; readonly onProgress?: MergeOptions['onProgress'] },
): Promise<{ readonly ingest: IngestResult; readonly replay: ReplaySummary }> {
  const ingest = await ingestSeed(store, options.seedDir, options.onProgress ? { onProgress: options.onProgress } : {});
  const replay = await options.curation.replay();
  return { ingest, replay };
}

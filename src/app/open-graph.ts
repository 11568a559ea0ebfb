/**
 * Public. Opens the graph the way the server serves it: a store, the seed as its base, and
 * the curated changes of the journal replayed on top, in order. Shared by `start`, `seed`
 * and `export`, so they can never disagree on what "the graph" is. Whoever opens it closes
 * it (`close()`: the journal, then the store).
 */
import type { AppConfig } from '../config';
import { CurationJournal, type JournalOptions } from '../curation/CurationJournal';
import { CurationService, type ReplaySummary } from '../curation/CurationService';
import { reseed } from '../curation/reseed';
import type { IngestResult } from '../ingest/ingest-seed';
import { readSourceTexts } from '../ingest/read-seed';
import type { Logger } from '../logger';
import { createStore } from '../store/create-store';
import type { GraphStore, MergeOptions } from '../store/GraphStore';
import { withTimeout } from '../store/with-timeout';

export interface OpenGraph {
  readonly store: GraphStore;
  readonly curation: CurationService;
  readonly journal: CurationJournal;
  readonly ingest: IngestResult;
  readonly replay: ReplaySummary;
  /** Closes the journal and the store. */
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /** Which store; the configured one by default. */
  readonly kind?: AppConfig['store'];
  /** A store already made (a test's, say) instead of one from configuration; closed with the graph. */
  readonly store?: GraphStore;
  /** Empty the store first (this graph's labels only). */
  readonly reset?: boolean;
  readonly onReset?: (removedNodes: number) => void;
  readonly onProgress?: MergeOptions['onProgress'];
  /** How to open the curation journal; export and seed only read it. @default { mode: 'read' } */
  readonly journal?: Pick<JournalOptions, 'mode' | 'acceptLoss'>;
}

export async function openGraph(config: AppConfig, logger: Logger, options: OpenGraphOptions = {}): Promise<OpenGraph> {
  const store = options.store ?? (await createStore(config, logger, options.kind ?? config.store));
  let journal: CurationJournal | undefined;
  try {
    journal = CurationJournal.open(config.curation.dbPath, { mode: 'read', ...options.journal, logger });
    const curation = new CurationService({
      store: withTimeout(store, config.security.storeTimeoutMs),
      journal,
      sourceTexts: await readSourceTexts(config.seedDir),
      logger,
    });
    if (options.reset) options.onReset?.(await store.clear());
    const { ingest, replay } = await reseed(store, {
      seedDir: config.seedDir,
      curation,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const opened = journal;
    return {
      store,
      curation,
      journal: opened,
      ingest,
      replay,
      close: async () => {
        opened.close();
        await store.close();
      },
    };
  } catch (error) {
    journal?.close();
    await store.close();
    throw error;
  }
}

/**
 * Public. Curation as a layer around a `GraphStore`: every change is validated against the
 * current graph with the seed's own validator, journalled durably (SQLite, fsynced) and only
 * then applied to the store, so a change that answered success survives a killed process:
 * at start the seed is loaded first and `replay` re-applies the journal in order on top, in
 * one batched write (`replay-journal.ts`). Re-seeding never touches the journal, so it
 * never drops curated changes.
 *
 * Changes run one at a time: each reads the entity, plans, journals and writes without
 * another change interleaving.
 */
import type { NodeRecord, RelationRecord } from '../domain/graph-document';
import type { Logger } from '../logger';
import { InvalidArgumentError, type GraphStore } from '../store/GraphStore';
import type { CheckedChange } from './curation-change';
import type { CurationJournal, JournalEntry, JournalPage, JournalPageQuery } from './CurationJournal';
import { storeView } from './graph-view';
import { planChange, type PlannedChange } from './plan-change';
import { replayJournal, type ReplaySummary } from './replay-journal';
import { validateChange } from './validate-change';

export type { ReplaySummary } from './replay-journal';

export interface CurationServiceOptions {
  readonly store: GraphStore;
  readonly journal: CurationJournal;
  /** Source texts by file name (seed/sources), for the verbatim quote check. */
  readonly sourceTexts: ReadonlyMap<string, string>;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}

export interface AppliedChange {
  readonly entry: JournalEntry;
  /** The entity after the change; null after a removal. */
  readonly after: NodeRecord | RelationRecord | null;
}

/** A live change, planned and validated: what to journal and what to write. */
type Write =
  | { readonly kind: 'node'; readonly entityId: string; readonly before: NodeRecord | null; readonly after: NodeRecord }
  | { readonly kind: 'relation'; readonly entityId: string; readonly before: RelationRecord | null; readonly after: RelationRecord }
  | { readonly kind: 'remove'; readonly entityId: string; readonly before: RelationRecord };

export class CurationService {
  private tail: Promise<unknown> = Promise.resolve();
  private lastReplay: ReplaySummary = { applied: 0, skipped: [] };
  private changes = 0;

  constructor(private readonly options: CurationServiceOptions) {}

  /** Validates, journals and applies one change made by `editor` (an API key's name). */
  apply(change: CheckedChange, editor: string): Promise<AppliedChange> {
    return this.serially(async () => {
      const write = await this.validated(await planChange(storeView(this.options.store), change, 'live'));
      const after = write.kind === 'remove' ? null : write.after;
      const entry = this.options.journal.append({
        at: (this.options.now ?? (() => new Date()))().toISOString(),
        editor,
        change,
        entityId: write.entityId,
        before: write.before,
        after,
      });
      try {
        await this.write(write);
      } catch (error) {
        // A refused write may still have touched the store: what was computed before is out of date.
        this.changes += 1;
        // The store refused (or timed out): take the entry back so the journal and the
        // graph agree, and report the store's error.
        try {
          this.options.journal.retract(entry.seq);
        } catch (retractError) {
          this.options.logger?.error({ err: retractError, seq: entry.seq }, 'could not retract a journal entry the store refused');
        }
        throw error;
      }
      this.changes += 1;
      return { entry, after };
    });
  }

  /**
   * Re-applies every journalled change, oldest first, onto the store (which holds the seed).
   * An entry that no longer fits the seed is skipped with a warning and kept: nothing in the
   * journal is ever dropped by a restart or a re-seed.
   */
  replay(): Promise<ReplaySummary> {
    return this.serially(async () => {
      this.lastReplay = await replayJournal(this.options.store, this.options.journal.changes(), {
        sourceTexts: this.options.sourceTexts,
        logger: this.options.logger,
      });
      this.changes += 1;
      return this.lastReplay;
    });
  }

  /**
   * The graph's generation: moves on each time this service changes the graph (a change
   * applied, a replay), so whatever was computed from the graph can tell it is out of date.
   */
  get generation(): number {
    return this.changes;
  }

  /** The audit log, newest first. */
  auditLog(query: JournalPageQuery): JournalPage {
    return this.options.journal.page(query);
  }

  /** Health: the journal answers, how many changes it holds, how many the last replay skipped. */
  health(): { changes: number; skipped: number; journalMode: string } {
    this.options.journal.ping();
    return {
      changes: this.options.journal.count(),
      skipped: this.lastReplay.skipped.length,
      journalMode: this.options.journal.settings().journalMode,
    };
  }

  close(): void {
    this.options.journal.close();
  }

  /** The planned change checked by the seed's validator against the store's graph. */
  private async validated(planned: PlannedChange): Promise<Write> {
    const view = storeView(this.options.store);
    const { sourceTexts } = this.options;
    switch (planned.kind) {
      case 'node': {
        const [after] = (await validateChange(operationOf(planned), view, { nodes: [planned.draft], relations: [] }, sourceTexts)).nodes;
        if (!after) throw new InvalidArgumentError(`${planned.entityId}: the validator returned no node`);
        return { kind: 'node', entityId: planned.entityId, before: planned.before, after };
      }
      case 'relation': {
        const [after] = (await validateChange('addRelation', view, { nodes: [], relations: [planned.draft] }, sourceTexts)).relations;
        if (!after) throw new InvalidArgumentError(`${planned.entityId}: the validator returned no relation`);
        return { kind: 'relation', entityId: planned.entityId, before: planned.before, after };
      }
      case 'remove':
        return planned;
      case 'none':
        // Live planning never answers "nothing to do"; it refuses instead.
        throw new InvalidArgumentError(`${planned.entityId}: nothing to change`);
    }
  }

  private async write(write: Write): Promise<void> {
    switch (write.kind) {
      case 'node':
        await this.options.store.mergeGraph({ nodes: [write.after], relations: [] });
        return;
      case 'relation':
        await this.options.store.mergeGraph({ nodes: [], relations: [write.after] });
        return;
      case 'remove':
        await this.options.store.removeRelation(write.entityId);
        return;
    }
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function operationOf(planned: Extract<PlannedChange, { kind: 'node' }>): string {
  return planned.before === null ? 'createNode' : 'updateNode';
}

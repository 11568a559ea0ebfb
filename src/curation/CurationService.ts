/**
 * Public. Curation as a layer around a `GraphStore`: every change is validated against the
 * current graph with the seed's own validator, journalled durably (SQLite, fsynced) and only
 * then applied to the store, so a change that answered success survives a killed process:
 * at start the seed is loaded first and `replay` re-applies the journal in order on top.
 * Re-seeding never touches the journal, so it never drops curated changes.
 *
 * Changes run one at a time: each reads the entity, plans, journals and writes without
 * another change interleaving.
 */
import type { NodeRecord, RelationRecord } from '../domain/graph-document';
import type { Logger } from '../logger';
import { InvalidArgumentError, type GraphStore } from '../store/GraphStore';
import { boundsProblems, type CurationChange } from './curation-change';
import type { CurationJournal, JournalEntry, JournalPage, JournalPageQuery } from './CurationJournal';
import { planChange, type PlannedChange } from './plan-change';

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

export interface ReplaySummary {
  readonly applied: number;
  /** Entries that no longer apply to the current seed (kept in the journal, not applied). */
  readonly skipped: readonly { readonly seq: number; readonly entityId: string; readonly reason: string }[];
}

export class CurationService {
  private tail: Promise<unknown> = Promise.resolve();
  private lastReplay: ReplaySummary = { applied: 0, skipped: [] };

  constructor(private readonly options: CurationServiceOptions) {}

  /** Validates, journals and applies one change made by `editor` (an API key's name). */
  apply(change: CurationChange, editor: string): Promise<AppliedChange> {
    return this.serially(async () => {
      const problems = boundsProblems(change);
      if (problems.length > 0) throw new InvalidArgumentError(`${change.kind}: ${problems.join('; ')}`);
      const planned = await planChange(this.options.store, change, 'live', this.options.sourceTexts);
      if (planned.kind === 'none') throw new InvalidArgumentError(`${change.kind}: nothing to change`);
      const entry = this.options.journal.append({
        at: (this.options.now ?? (() => new Date()))().toISOString(),
        editor,
        change,
        entityId: planned.entityId,
        before: planned.before,
        after: planned.kind === 'write' ? planned.after : null,
      });
      try {
        await this.write(planned);
      } catch (error) {
        // The store refused (or timed out): take the entry back so the journal and the
        // graph agree, and report the store's error.
        try {
          this.options.journal.retract(entry.seq);
        } catch (retractError) {
          this.options.logger?.error({ err: retractError, seq: entry.seq }, 'could not retract a journal entry the store refused');
        }
        throw error;
      }
      return { entry, after: planned.kind === 'write' ? planned.after : null };
    });
  }

  /**
   * Re-applies every journalled change, oldest first, onto the store (which holds the seed).
   * An entry that no longer fits the seed is skipped with a warning and kept: nothing in the
   * journal is ever dropped by a restart or a re-seed.
   */
  replay(): Promise<ReplaySummary> {
    return this.serially(async () => {
      let applied = 0;
      const skipped: { seq: number; entityId: string; reason: string }[] = [];
      for (const entry of this.options.journal.entries()) {
        try {
          const planned = await planChange(this.options.store, entry.change, 'replay', this.options.sourceTexts);
          await this.write(planned);
          applied += 1;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          skipped.push({ seq: entry.seq, entityId: entry.entityId, reason });
          this.options.logger?.warn(
            { seq: entry.seq, entityId: entry.entityId, reason },
            'curated change no longer applies; kept in the journal',
          );
        }
      }
      this.lastReplay = { applied, skipped };
      return this.lastReplay;
    });
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

  private async write(planned: PlannedChange): Promise<void> {
    switch (planned.kind) {
      case 'write':
        await this.options.store.mergeGraph(planned.graph);
        return;
      case 'remove':
        await this.options.store.removeRelation(planned.entityId);
        return;
      case 'none':
        return;
    }
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

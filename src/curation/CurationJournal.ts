/**
 * Public. The curation journal: an append-only SQLite table of every curated change, in
 * order, with who made it, when, and what it did to the entity. It is both the durable
 * record the graph is rebuilt from at start (seed first, then these changes in order) and
 * the audit log the API pages through, which shows each entity whole before and after
 * (rebuilt from the stored patches, `journal-rows.ts`).
 *
 * Durability: WAL mode with `synchronous=FULL`, so each append is fsynced before it returns
 * (curation writes are rare and small; the fsync buys "a change that answered success is
 * on disk", power loss included). Each append is one transaction. The WAL is checkpointed
 * into the main file every `checkpointEvery` changes or milliseconds and on close
 * (TRUNCATE), so after a clean stop CURATION_DB alone holds every change.
 *
 * Safety: a writer (`mode: 'write'`, the server) holds the journal's lock (`journal-lock.ts`)
 * and keeps its high-water mark (`journal-head.ts`) after every commit. Opening checks the
 * whole hash chain and the mark, and refuses a journal that lost or changed confirmed
 * entries unless `acceptLoss`. Readers (`mode: 'read'`: export, seed, backup) take neither
 * the lock nor the mark's pen, and may run beside the server.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Logger } from '../logger';
import { storedChangeSchema, type CurationAction, type CurationChange } from './curation-change';
import type { EntityState } from './entity-patch';
import { guardSqlite, JournalError, journalName, JOURNAL_SETTING } from './journal-error';
import { ensureFolder, identityOf, sameFile, type FileIdentity } from './journal-files';
import { headPath, readHead, writeHead, type JournalHead } from './journal-head';
import { createLayout, inspectLayout, upgradeFirstLayout } from './journal-layout';
import { JournalLock } from './journal-lock';
import {
  buildRow,
  EntityHistory,
  isAction,
  readStoredChange,
  rechain,
  ROW_COLUMNS,
  rowFromValues,
  unknownActionError,
  walkChain,
  type ChainSummary,
  type StoredRow,
} from './journal-rows';

export { JournalError, type JournalErrorCode } from './journal-error';

export interface NewJournalEntry {
  /** ISO 8601 time of the change. */
  readonly at: string;
  /** The API key's name. */
  readonly editor: string;
  readonly change: CurationChange;
  readonly entityId: string;
  /** The entity before the change; null when it did not exist. */
  readonly before: EntityState;
  /** The entity after the change; null when it was removed. */
  readonly after: EntityState;
}

/** What a replay needs of an entry. */
export interface JournalChange {
  /** Position in the journal: 1, 2, 3 … in the order the changes were made. */
  readonly seq: number;
  readonly entityId: string;
  readonly change: CurationChange;
}

export interface JournalEntry extends JournalChange {
  readonly at: string;
  readonly editor: string;
  readonly action: CurationAction;
  /** The entity as JSON before the change; null when it did not exist. */
  readonly beforeJson: string | null;
  /** The entity as JSON after the change; null when it was removed. */
  readonly afterJson: string | null;
}

export interface JournalPageQuery {
  readonly first: number;
  /** Only entries older than this sequence number (newest-first paging). */
  readonly beforeSeq?: number;
  readonly entityId?: string;
}

export interface JournalPage {
  readonly entries: readonly JournalEntry[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export interface JournalOptions {
  /**
   * 'write' (the server): takes the journal's lock and keeps its high-water mark. 'read'
   * (export, seed, backup): neither, so it may run beside the server; it cannot append.
   * @default 'write'
   */
  readonly mode?: 'write' | 'read';
  /**
   * Go on with a journal that holds fewer (or other) changes than its high-water mark
   * confirmed, and make what it holds the new mark (`start --accept-journal-loss`).
   * @default false
   */
  readonly acceptLoss?: boolean;
  /** Checkpoint the WAL into the main file after this many changes, or this long after a change. @default { changes: 100, ms: 5000 } */
  readonly checkpointEvery?: { readonly changes: number; readonly ms: number };
  readonly logger?: Pick<Logger, 'info' | 'warn'> | undefined;
}

const DEFAULT_CHECKPOINT = { changes: 100, ms: 5_000 };

interface OpenState {
  readonly lock: JournalLock | undefined;
  readonly identity: FileIdentity | undefined;
  readonly chain: ChainSummary;
  readonly changes: JournalChange[];
}

interface ChangeRow {
  readonly seq: number;
  readonly action: string;
  readonly entityId: string;
  readonly change: string;
}

export class CurationJournal {
  private lastHash: string;
  private held: number;
  /** The changes the walk at open read, until `changes()` takes them (or the journal changes). */
  private readAtOpen: JournalChange[] | undefined;
  private sinceCheckpoint = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
    private readonly options: JournalOptions,
    private readonly state: OpenState,
  ) {
    this.lastHash = state.chain.lastHash;
    this.held = state.chain.count;
    this.readAtOpen = state.changes;
  }

  /** Opens (creating if needed) the journal at `file`; `:memory:` gives a throwaway one for tests. */
  static open(file: string, options: JournalOptions = {}): CurationJournal {
    if (file === ':memory:') {
      const db = new Database(file);
      createLayout(db);
      return new CurationJournal(
        db,
        file,
        { ...options, mode: 'write' },
        { lock: undefined, identity: undefined, chain: walkChain(db, file, undefined), changes: [] },
      );
    }
    ensureFolder(file);
    const writer = (options.mode ?? 'write') === 'write';
    const lock = writer ? JournalLock.acquire(file) : undefined;
    try {
      const head = readHead(file);
      if (!existsSync(file) && head !== undefined && head.count > 0 && !options.acceptLoss) {
        throw lost(
          file,
          head,
          `the file is missing, and its high-water mark ${headPath(file)} confirms ${changes(head.count)} up to entry ${head.lastSeq}`,
          0,
        );
      }
      const db = guardSqlite(file, () => new Database(file));
      try {
        const { chain, changes: read } = guardSqlite(file, () => prepare(db, file, head, lock, options));
        if (writer && !matches(head, chain)) writeHead(file, { count: chain.count, lastSeq: chain.lastSeq, hash: chain.lastHash });
        return new CurationJournal(db, file, options, { lock, identity: identityOf(file), chain, changes: read });
      } catch (error) {
        db.close();
        throw error;
      }
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /** The SQLite settings in force, for health output and tests. */
  settings(): { journalMode: string; synchronous: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  /** Appends one change in its own transaction; it is on disk, and in the mark, when this returns. */
  append(entry: NewJournalEntry): JournalEntry {
    this.assertWritable();
    const change = JSON.stringify(z.encode(storedChangeSchema, entry.change));
    const row = guardSqlite(this.file, () =>
      this.db
        .transaction(() => {
          const last = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").pluck().get() as number | undefined;
          const tip = this.db
            .prepare(
              'SELECT patched_bytes AS patchedBytes, after_hash AS afterHash FROM changes WHERE entity_id = ? ORDER BY seq DESC LIMIT 1',
            )
            .get(entry.entityId) as { patchedBytes: number; afterHash: string } | undefined;
          const built = buildRow(
            {
              seq: (last ?? 0) + 1,
              at: entry.at,
              editor: entry.editor,
              action: entry.change.kind,
              entityId: entry.entityId,
              change,
              before: entry.before,
              after: entry.after,
            },
            this.lastHash,
            tip,
          );
          this.db.prepare(`INSERT INTO changes (${ROW_COLUMNS}) VALUES (${ROW_COLUMNS.replace(/(\w+)/g, '@$1')})`).run(built);
          return built;
        })
        .immediate(),
    );
    try {
      this.mark(this.held + 1, row.seq, row.hash);
    } catch (error) {
      // Unconfirmed is not journalled: take the row back and say why.
      guardSqlite(this.file, () => this.db.prepare('DELETE FROM changes WHERE seq = ?').run(row.seq));
      throw new JournalError(
        'UNAVAILABLE',
        `${journalName(this.file)}: cannot write its high-water mark ${headPath(this.file)}: ${(error as Error).message}`,
      );
    }
    this.held += 1;
    this.lastHash = row.hash;
    this.readAtOpen = undefined;
    this.scheduleCheckpoint();
    return {
      seq: row.seq,
      at: row.at,
      editor: row.editor,
      action: entry.change.kind,
      entityId: row.entity_id,
      change: entry.change,
      beforeJson: entry.before === null ? null : JSON.stringify(entry.before),
      afterJson: entry.after === null ? null : JSON.stringify(entry.after),
    };
  }

  /**
   * Takes back the last append when the store refused to apply it, so the journal never
   * holds a change the graph did not take. Only ever the newest entry. The mark goes back
   * first, so it never confirms more than the journal holds.
   */
  retract(seq: number): void {
    this.assertWritable();
    const newest = this.db.prepare('SELECT seq FROM changes ORDER BY seq DESC LIMIT 1').pluck().get() as number | undefined;
    if (newest !== seq)
      throw new JournalError('NO_ENTRY', `retract: entry ${seq} is not the newest entry of the ${journalName(this.file)}`);
    const previous = this.db.prepare('SELECT seq, hash FROM changes WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(seq) as
      { seq: number; hash: string } | undefined;
    this.mark(this.held - 1, previous?.seq ?? 0, previous?.hash ?? '');
    guardSqlite(this.file, () => this.db.prepare('DELETE FROM changes WHERE seq = ?').run(seq));
    this.held -= 1;
    this.lastHash = previous?.hash ?? '';
    this.readAtOpen = undefined;
  }

  get(seq: number): JournalEntry {
    const row = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM changes WHERE seq = ?`).raw().get(seq) as unknown[] | undefined;
    if (row === undefined) throw new JournalError('NO_ENTRY', `no entry ${seq} in the ${journalName(this.file)}`);
    return this.rebuild(rowFromValues(row));
  }

  /**
   * Every change, oldest first: what a replay applies. Read whole, not iterated: an open
   * iterator would keep the connection busy across the awaits of a replay.
   */
  changes(): JournalChange[] {
    // The walk at open read (and checked) every row already: hand its changes over once.
    const read = this.readAtOpen;
    this.readAtOpen = undefined;
    if (read) return read;
    const rows = guardSqlite(
      this.file,
      () => this.db.prepare('SELECT seq, action, entity_id AS entityId, change FROM changes ORDER BY seq').all() as ChangeRow[],
    );
    return rows.map((row) => ({ seq: row.seq, entityId: row.entityId, change: readStoredChange(this.file, row) }));
  }

  /** Every entry, oldest first, with the entity before and after. */
  entries(): JournalEntry[] {
    const rows = guardSqlite(
      this.file,
      () => this.db.prepare(`SELECT ${ROW_COLUMNS} FROM changes ORDER BY seq`).raw().all() as unknown[][],
    );
    const histories = new Map<string, EntityHistory>();
    return rows.map((values) => {
      const row = rowFromValues(values);
      let history = histories.get(row.entity_id);
      if (!history) histories.set(row.entity_id, (history = new EntityHistory(this.file)));
      return this.toEntry(row, history.step(row));
    });
  }

  /** Newest first. */
  page(query: JournalPageQuery): JournalPage {
    const entity = query.entityId ?? null;
    const before = query.beforeSeq ?? null;
    const rows = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM changes
         WHERE (@entity IS NULL OR entity_id = @entity) AND (@before IS NULL OR seq < @before)
         ORDER BY seq DESC LIMIT @limit`,
      )
      .raw()
      .all({ entity, before, limit: query.first + 1 }) as unknown[][];
    const total = this.db
      .prepare('SELECT COUNT(*) FROM changes WHERE (@entity IS NULL OR entity_id = @entity)')
      .pluck()
      .get({ entity }) as number;
    return {
      entries: rows.slice(0, query.first).map((values) => this.rebuild(rowFromValues(values))),
      totalCount: total,
      hasNextPage: rows.length > query.first,
    };
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM changes').pluck().get() as number;
  }

  /** Throws when the journal cannot take changes: its file is gone or replaced, or SQLite does not answer (for readiness). */
  ping(): void {
    this.assertInPlace();
    guardSqlite(this.file, () => this.db.prepare('SELECT 1').get());
  }

  /** A consistent copy of the journal in `out` (SQLite's online backup), checked by reading it back. */
  async backup(out: string): Promise<{ readonly changes: number; readonly lastSeq: number }> {
    await this.db.backup(out);
    const copy = guardSqlite(out, () => new Database(out, { readonly: true, fileMustExist: true }));
    try {
      const chain = guardSqlite(out, () => walkChain(copy, out, undefined));
      if (chain.firstAltered !== undefined)
        throw new JournalError('ALTERED', `the backup ${out} does not read back as written (entry ${chain.firstAltered})`);
      return { changes: chain.count, lastSeq: chain.lastSeq };
    } finally {
      copy.close();
    }
  }

  close(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    if (this.db.open) {
      if (this.writable()) this.checkpoint('TRUNCATE');
      this.db.close();
    }
    this.state.lock?.release();
  }

  private writable(): boolean {
    return (this.options.mode ?? 'write') === 'write';
  }

  private assertWritable(): void {
    if (!this.writable())
      throw new JournalError('READ_ONLY', `the ${journalName(this.file)} was opened for reading; only the server writes to it`);
    this.assertInPlace();
  }

  /** The file SQLite writes to is still the one at `file` (deleting it would lose every change from here on). */
  private assertInPlace(): void {
    if (this.file === ':memory:' || sameFile(this.state.identity, identityOf(this.file))) return;
    throw new JournalError(
      'UNAVAILABLE',
      `${journalName(this.file)} was deleted or replaced while the service ran; it takes no changes. Put the file back (or restore it) and restart.`,
    );
  }

  private mark(count: number, lastSeq: number, hash: string): void {
    if (this.file !== ':memory:') writeHead(this.file, { count, lastSeq, hash });
  }

  private scheduleCheckpoint(): void {
    const every = this.options.checkpointEvery ?? DEFAULT_CHECKPOINT;
    this.sinceCheckpoint += 1;
    if (this.sinceCheckpoint >= every.changes) {
      this.checkpoint('PASSIVE');
    } else if (!this.checkpointTimer) {
      this.checkpointTimer = setTimeout(() => this.checkpoint('PASSIVE'), every.ms);
      this.checkpointTimer.unref();
    }
  }

  /** Copies the WAL into the main file; a failure is logged, never thrown (it loses nothing). */
  private checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    this.sinceCheckpoint = 0;
    if (this.file === ':memory:') return;
    try {
      this.db.pragma(`wal_checkpoint(${mode})`);
    } catch (error) {
      this.options.logger?.warn({ err: error, file: this.file }, 'curation journal checkpoint failed; the changes stay in its -wal file');
    }
  }

  /** One entry with its entity before and after, rebuilt from the entity's last full copy. */
  private rebuild(row: StoredRow): JournalEntry {
    const rows = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM changes WHERE entity_id = @entity AND seq <= @seq AND seq >= COALESCE(
           (SELECT MAX(seq) FROM changes WHERE entity_id = @entity AND seq <= @seq AND base IS NOT NULL), 0)
         ORDER BY seq`,
      )
      .raw()
      .all({ entity: row.entity_id, seq: row.seq }) as unknown[][];
    const history = new EntityHistory(this.file);
    let states: { before: EntityState; after: EntityState } | undefined;
    for (const values of rows) states = history.step(rowFromValues(values));
    if (!states) throw new JournalError('NO_ENTRY', `no entry ${row.seq} in the ${journalName(this.file)}`);
    return this.toEntry(row, states);
  }

  private toEntry(row: StoredRow, states: { readonly before: EntityState; readonly after: EntityState }): JournalEntry {
    if (!isAction(row.action)) throw unknownActionError(this.file, row.seq, row.action);
    return {
      seq: row.seq,
      at: row.at,
      editor: row.editor,
      action: row.action,
      entityId: row.entity_id,
      change: readStoredChange(this.file, row),
      beforeJson: states.before === null ? null : JSON.stringify(states.before),
      afterJson: states.after === null ? null : JSON.stringify(states.after),
    };
  }
}

/** Settles the file's layout and checks it against its mark, writing nothing until it passes. */
function prepare(
  db: Database.Database,
  file: string,
  head: JournalHead | undefined,
  lock: JournalLock | undefined,
  options: JournalOptions,
): { readonly chain: ChainSummary; readonly changes: JournalChange[] } {
  db.pragma('synchronous = FULL');
  const layout = inspectLayout(db);
  switch (layout.kind) {
    case 'newer':
      throw new JournalError(
        'NEWER_LAYOUT',
        `${journalName(file)} has layout version ${layout.version}; this service reads up to 2. Run a newer cities-kg.`,
      );
    case 'foreign':
      throw new JournalError(
        'UNREADABLE',
        `${journalName(file)} is a SQLite file with tables of its own, not a curation journal; point ${JOURNAL_SETTING} at another file`,
      );
    case 'missing-table':
      if (!options.acceptLoss) {
        throw lost(file, head, `its changes table is missing, though its layout version (${layout.version}) says it was created`, 0);
      }
      break;
    case 'empty':
      if (head !== undefined && head.count > 0 && !options.acceptLoss) {
        throw lost(
          file,
          head,
          `it is empty, and its high-water mark ${headPath(file)} confirms ${changes(head.count)} up to entry ${head.lastSeq}`,
          0,
        );
      }
      if (head !== undefined && head.count > 0) {
        options.logger?.warn(
          { file, confirmed: head.count },
          'the journal is empty though changes were confirmed; accepted (--accept-journal-loss)',
        );
      }
      break;
    case 'first':
    case 'current':
      break;
  }
  db.pragma('journal_mode = WAL');
  if (layout.kind === 'empty' || layout.kind === 'missing-table') {
    if (layout.kind === 'missing-table')
      options.logger?.warn({ file }, 'the journal had lost its changes table; starting it again (--accept-journal-loss)');
    createLayout(db);
  } else if (layout.kind === 'first') {
    withLock(file, lock, () => upgradeFirstLayout(db, file));
    options.logger?.info({ file }, 'curation journal upgraded to layout 2 (patches and a hash chain)');
  }

  const walk = (): { chain: ChainSummary; changes: JournalChange[] } => {
    const read: JournalChange[] = [];
    const chain = walkChain(db, file, head?.lastSeq, (row) =>
      read.push({ seq: row.seq, entityId: row.entity_id, change: readStoredChange(file, row) }),
    );
    return { chain, changes: read };
  };
  const walked = walk();
  const { chain } = walked;
  if (chain.firstAltered !== undefined) {
    if (!options.acceptLoss) {
      throw new JournalError(
        'ALTERED',
        `${journalName(file)}: entry ${chain.firstAltered} is not what was written (its hash does not match); the file was edited or damaged. Restore it from a backup, or start with --accept-journal-loss to go on with what it holds.`,
      );
    }
    rechain(db, chain.firstAltered);
    options.logger?.warn(
      { file, from: chain.firstAltered },
      'journal entries changed since they were written; accepted (--accept-journal-loss)',
    );
    return walk();
  }
  const loss = lossAgainst(head, chain);
  if (loss !== undefined) {
    if (!options.acceptLoss) throw lost(file, head, loss, chain.count);
    options.logger?.warn(
      { file, confirmed: head?.count, held: chain.count },
      'the journal holds fewer changes than confirmed; accepted (--accept-journal-loss)',
    );
  }
  return walked;
}

/** Why the journal does not hold what `head` confirmed; undefined when it does. */
function lossAgainst(head: JournalHead | undefined, chain: ChainSummary): string | undefined {
  if (head === undefined || head.count === 0) return undefined;
  const confirmed = `its high-water mark confirms ${changes(head.count)} up to entry ${head.lastSeq}`;
  if (chain.atMark === undefined)
    return `${confirmed}, but it holds ${changes(chain.count)}${chain.count > 0 ? ` up to entry ${chain.lastSeq}` : ''}`;
  if (chain.atMark.hash !== head.hash) return `${confirmed}, but its entry ${head.lastSeq} is another one (the file was replaced)`;
  if (chain.atMark.count < head.count) return `${confirmed}, but it holds only ${chain.atMark.count} of them`;
  return undefined;
}

function lost(file: string, head: JournalHead | undefined, detail: string, held: number): JournalError {
  const missing = head === undefined ? '' : ` (${changes(Math.max(0, head.count - held))} missing)`;
  return new JournalError(
    'LOST_CHANGES',
    `${journalName(file)} holds fewer changes than were confirmed${missing}: ${detail}. The file or its -wal file was truncated, deleted or replaced. Restore ${JOURNAL_SETTING} from a backup, or start with --accept-journal-loss to go on with what it holds.`,
  );
}

function changes(count: number): string {
  return `${count} change${count === 1 ? '' : 's'}`;
}

function matches(head: JournalHead | undefined, chain: ChainSummary): boolean {
  return head !== undefined && head.count === chain.count && head.lastSeq === chain.lastSeq && head.hash === chain.lastHash;
}

/** Runs `work` under the journal's lock: the caller's, or one taken for the while. */
function withLock<T>(file: string, lock: JournalLock | undefined, work: () => T): T {
  if (lock) return work();
  const taken = JournalLock.acquire(file);
  try {
    return work();
  } finally {
    taken.release();
  }
}

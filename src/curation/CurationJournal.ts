/**
 * Public. The curation journal: an append-only SQLite table of every curated change, in
 * order, with who made it, when, and the entity before and after. It is both the durable
 * record the graph is rebuilt from at start (seed first, then these changes in order) and
 * the audit log the API pages through.
 *
 * Durability: WAL mode with `synchronous=FULL`, so each append is fsynced before it returns.
 * WAL with NORMAL would already survive a killed process (the WAL is in the OS page cache),
 * but could lose the last commits on power loss or an OS crash; curation writes are rare
 * and small, so the extra fsync per change costs nothing that matters and buys "a change
 * that answered success is on disk". Each append is one transaction.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { CURATION_ACTIONS, curationChangeSchema, type CurationAction, type CurationChange } from './curation-change';

/** Version of the table layout, kept in SQLite's `user_version`. */
const SCHEMA_VERSION = 1;

export interface NewJournalEntry {
  /** ISO 8601 time of the change. */
  readonly at: string;
  /** The API key's name. */
  readonly editor: string;
  readonly change: CurationChange;
  readonly entityId: string;
  /** The entity as JSON before the change; null when it did not exist. */
  readonly before: unknown;
  /** The entity as JSON after the change; null when it was removed. */
  readonly after: unknown;
}

export interface JournalEntry {
  /** Position in the journal: 1, 2, 3 … in the order the changes were made. */
  readonly seq: number;
  readonly at: string;
  readonly editor: string;
  readonly action: CurationAction;
  readonly entityId: string;
  readonly change: CurationChange;
  readonly beforeJson: string | null;
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

/** The journal file is unreadable or from a newer version of the service. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
}

const rowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  editor: z.string(),
  action: z.enum(CURATION_ACTIONS),
  entity_id: z.string(),
  change: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export class CurationJournal {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** Opens (creating if needed) the journal at `file`; `:memory:` gives a throwaway one for tests. */
  static open(file: string): CurationJournal {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Another process (a backup, an export) may hold the lock for a moment.
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new JournalError(
          `curation journal ${file} has layout version ${version}; this service reads up to ${SCHEMA_VERSION}. Run a newer cities-kg.`,
        );
      }
      db.exec(`
        CREATE TABLE IF NOT EXISTS changes (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          editor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          change TEXT NOT NULL,
          before TEXT,
          after TEXT
        );
        CREATE INDEX IF NOT EXISTS changes_by_entity ON changes (entity_id, seq);
      `);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } catch (error) {
      db.close();
      throw error;
    }
    return new CurationJournal(db, file);
  }

  /** The SQLite settings in force, for health output and tests. */
  settings(): { journalMode: string; synchronous: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  /** Appends one change in its own transaction; it is on disk when this returns. */
  append(entry: NewJournalEntry): JournalEntry {
    const info = this.db
      .prepare('INSERT INTO changes (at, editor, action, entity_id, change, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        entry.at,
        entry.editor,
        entry.change.kind,
        entry.entityId,
        JSON.stringify(entry.change),
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
      );
    return this.get(Number(info.lastInsertRowid));
  }

  /**
   * Takes back the last append when the store refused to apply it, so the journal never
   * holds a change the graph did not take. Only ever the newest entry.
   */
  retract(seq: number): void {
    const result = this.db.prepare('DELETE FROM changes WHERE seq = ? AND seq = (SELECT MAX(seq) FROM changes)').run(seq);
    if (result.changes !== 1) throw new JournalError(`retract: entry ${seq} is not the newest entry of the journal`);
  }

  get(seq: number): JournalEntry {
    const row: unknown = this.db.prepare('SELECT * FROM changes WHERE seq = ?').get(seq);
    if (row === undefined) throw new JournalError(`no journal entry ${seq}`);
    return toEntry(row);
  }

  /**
   * Every entry, oldest first: the order to replay them in. Read whole, not iterated: an
   * open iterator would keep the connection busy across the awaits of a replay.
   */
  entries(): JournalEntry[] {
    return this.db.prepare('SELECT * FROM changes ORDER BY seq').all().map(toEntry);
  }

  /** Newest first. */
  page(query: JournalPageQuery): JournalPage {
    const entity = query.entityId ?? null;
    const before = query.beforeSeq ?? null;
    const rows = this.db
      .prepare(
        `SELECT * FROM changes
         WHERE (@entity IS NULL OR entity_id = @entity) AND (@before IS NULL OR seq < @before)
         ORDER BY seq DESC LIMIT @limit`,
      )
      .all({ entity, before, limit: query.first + 1 });
    const total = this.db.prepare('SELECT COUNT(*) AS n FROM changes WHERE (@entity IS NULL OR entity_id = @entity)').get({ entity }) as {
      n: number;
    };
    return {
      entries: rows.slice(0, query.first).map(toEntry),
      totalCount: total.n,
      hasNextPage: rows.length > query.first,
    };
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
  }

  /** Throws when the database does not answer (for readiness). */
  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toEntry(raw: unknown): JournalEntry {
  const row = rowSchema.parse(raw);
  const change = curationChangeSchema.safeParse(JSON.parse(row.change));
  if (!change.success) throw new JournalError(`journal entry ${row.seq} holds an unreadable change: ${change.error.message}`);
  return {
    seq: row.seq,
    at: row.at,
    editor: row.editor,
    action: row.action,
    entityId: row.entity_id,
    change: change.data,
    beforeJson: row.before,
    afterJson: row.after,
  };
}

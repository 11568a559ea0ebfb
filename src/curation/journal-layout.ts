/**
 * Internal. The journal's table layout, versioned in SQLite's `user_version`: what a file
 * holds (nothing yet, an older layout, the current one, one from a newer version), creating
 * the current layout, and upgrading the first one (every row with the whole entity before
 * and after) to it, in one transaction, once.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { EntityState } from './entity-patch';
import { JournalError, journalName } from './journal-error';
import { buildRow, CHANGES_TABLE, isAction, ROW_COLUMNS, unknownActionError, type EntityTip } from './journal-rows';

/** The current layout. 1: whole entities before and after; 2: patches and a hash chain. */
export const SCHEMA_VERSION = 2;

export type Layout =
  | { readonly kind: 'empty' }
  | { readonly kind: 'current' }
  /** The `changes` table is gone though `user_version` says it was created. */
  | { readonly kind: 'missing-table'; readonly version: number }
  | { readonly kind: 'first' }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'foreign' };

export function inspectLayout(db: Database.Database): Layout {
  const version = Number(db.pragma('user_version', { simple: true }));
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence'").pluck().all() as string[];
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  if (version === 0) return tables.length === 0 ? { kind: 'empty' } : { kind: 'foreign' };
  if (!tables.includes('changes')) return { kind: 'missing-table', version };
  return version === 1 ? { kind: 'first' } : { kind: 'current' };
}

export function createLayout(db: Database.Database): void {
  db.transaction(() => {
    db.exec(CHANGES_TABLE);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

const firstLayoutRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  editor: z.string(),
  action: z.string(),
  entity_id: z.string(),
  change: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** Rows read at a time while upgrading (a first-layout journal can be gigabytes). */
const UPGRADE_BATCH = 1_000;

/** Upgrades a first-layout journal in place, keeping every entry and its sequence number. */
export function upgradeFirstLayout(db: Database.Database, file: string): void {
  db.transaction(() => {
    const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").pluck().get() as number | undefined;
    db.exec('DROP INDEX IF EXISTS changes_by_entity; ALTER TABLE changes RENAME TO changes_first_layout;');
    db.exec(CHANGES_TABLE);
    const read = db.prepare('SELECT * FROM changes_first_layout WHERE seq > ? ORDER BY seq LIMIT ?');
    const insert = db.prepare(`INSERT INTO changes (${ROW_COLUMNS}) VALUES (${ROW_COLUMNS.replace(/(\w+)/g, '@$1')})`);
    const tips = new Map<string, EntityTip>();
    let previousHash = '';
    let after = 0;
    for (;;) {
      const batch = read.all(after, UPGRADE_BATCH);
      if (batch.length === 0) break;
      for (const raw of batch) {
        const row = firstLayoutRow.parse(raw);
        if (!isAction(row.action)) throw unknownActionError(file, row.seq, row.action);
        const built = buildRow(
          {
            seq: row.seq,
            at: row.at,
            editor: row.editor,
            action: row.action,
            entityId: row.entity_id,
            change: row.change,
            before: entityState(file, row.seq, row.before),
            after: entityState(file, row.seq, row.after),
          },
          previousHash,
          tips.get(row.entity_id),
        );
        insert.run(built);
        tips.set(row.entity_id, { patchedBytes: built.patched_bytes, afterHash: built.after_hash });
        previousHash = built.hash;
        after = row.seq;
      }
    }
    db.exec('DROP TABLE changes_first_layout');
    // Keep numbering after the highest entry ever written (a retracted last entry included).
    if (sequence !== undefined) {
      const updated = db.prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'changes'").run(sequence);
      if (updated.changes === 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('changes', ?)").run(sequence);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
  // The old rows' pages are free now; give them back (once).
  db.exec('VACUUM');
}

function entityState(file: string, seq: number, json: string | null): EntityState {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JournalError('BAD_ENTRY', `${journalName(file)}: entry ${seq} of the first layout holds an entity that is not an object`);
  }
  return value as Record<string, unknown>;
}

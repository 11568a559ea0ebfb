/**
 * Internal. The rows of the journal's `changes` table (layout 2) and the two things that
 * make them trustworthy and small.
 *
 * Small: a row stores the change and a patch of the entity (`entity-patch.ts`), not the
 * entity before and after. The entity in full (`base`) is stored only where the row does
 * not follow from the entity's previous row (its first change, a seed that moved under the
 * journal), and once the patches since the last full copy add up to more than a full copy
 * would take. So the patches never outweigh the copies, the journal grows in proportion to
 * what changed, and rebuilding any entry reads at most about twice the entity's size.
 *
 * Trustworthy: each row carries a hash chained over the previous row's hash and every
 * stored value, so an entry edited, dropped or replaced is caught when the journal opens;
 * each row also pins the entity after (`after_hash`), so a rebuilt entity is the one written.
 */
import type Database from 'better-sqlite3';
import { CURATION_ACTIONS, storedChangeSchema, type CurationAction, type CurationChange } from './curation-change';
import { applyPatch, diffEntity, entityHash, entityPatchSchema, type EntityState } from './entity-patch';
import { JournalError, journalName } from './journal-error';
import { sha256 } from './sha256';

export const CHANGES_TABLE = `
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    editor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    -- The change as made (storedChangeSchema JSON): what a replay applies.
    change TEXT NOT NULL,
    -- The entity before, in full (JSON; 'null' when it did not exist), or NULL when it is
    -- the entity after this entity's previous row.
    base TEXT,
    -- What the change did to the entity (EntityPatch JSON).
    patch TEXT NOT NULL,
    -- Bytes of patch from this entity's last full copy up to this row, this one included.
    patched_bytes INTEGER NOT NULL,
    after_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX changes_by_entity ON changes (entity_id, seq);
`;

export interface StoredRow {
  readonly seq: number;
  readonly at: string;
  readonly editor: string;
  readonly action: string;
  readonly entity_id: string;
  readonly change: string;
  readonly base: string | null;
  readonly patch: string;
  readonly patched_bytes: number;
  readonly after_hash: string;
  readonly hash: string;
}

/** The columns in table order, for `raw()` reads. */
export const ROW_COLUMNS = 'seq, at, editor, action, entity_id, change, base, patch, patched_bytes, after_hash, hash';

export interface RowDraft {
  readonly seq: number;
  readonly at: string;
  readonly editor: string;
  readonly action: CurationAction;
  readonly entityId: string;
  /** The change as stored JSON. */
  readonly change: string;
  readonly before: EntityState;
  readonly after: EntityState;
}

/** The latest row of an entity: what the next row of it may follow from. */
export interface EntityTip {
  readonly patchedBytes: number;
  readonly afterHash: string;
}

export function buildRow(draft: RowDraft, previousHash: string, tip: EntityTip | undefined): StoredRow {
  const patch = JSON.stringify(diffEntity(draft.before, draft.after));
  const patchBytes = Buffer.byteLength(patch);
  const base = JSON.stringify(draft.before);
  const follows =
    tip !== undefined && tip.afterHash === entityHash(draft.before) && tip.patchedBytes + patchBytes <= Buffer.byteLength(base);
  const row = {
    seq: draft.seq,
    at: draft.at,
    editor: draft.editor,
    action: draft.action,
    entity_id: draft.entityId,
    change: draft.change,
    base: follows ? null : base,
    patch,
    patched_bytes: (follows ? tip.patchedBytes : 0) + patchBytes,
    after_hash: entityHash(draft.after),
  };
  return { ...row, hash: rowHash(previousHash, row) };
}

export function rowHash(previousHash: string, row: Omit<StoredRow, 'hash'>): string {
  const values = [
    previousHash,
    row.seq,
    row.at,
    row.editor,
    row.action,
    row.entity_id,
    row.change,
    row.base,
    row.patch,
    row.patched_bytes,
    row.after_hash,
  ];
  return sha256(JSON.stringify(values));
}

export function isAction(action: string): action is CurationAction {
  return (CURATION_ACTIONS as readonly string[]).includes(action);
}

export function unknownActionError(file: string, seq: number, action: string): JournalError {
  return new JournalError(
    'BAD_ENTRY',
    `${journalName(file)}: journal entry ${seq} has the unknown action ${JSON.stringify(action)}; this version knows ${CURATION_ACTIONS.join(', ')}. A newer cities-kg may have written it: run that version.`,
  );
}

/** The change a row holds, read with `storedChangeSchema`; a `JournalError` naming the entry when it cannot be. */
export function readStoredChange(file: string, row: Pick<StoredRow, 'seq' | 'action' | 'change'>): CurationChange {
  if (!isAction(row.action)) throw unknownActionError(file, row.seq, row.action);
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.change);
  } catch {
    parsed = undefined;
  }
  const change = storedChangeSchema.safeParse(parsed);
  if (!change.success) {
    const details = change.error.issues.map((issue) => `${issue.path.join('.') || '(change)'}: ${issue.message}`).join('; ');
    throw new JournalError(
      'BAD_ENTRY',
      `${journalName(file)}: journal entry ${row.seq} holds a change this version cannot read: ${details}`,
    );
  }
  return change.data;
}

/** What a walk over the whole chain found. */
export interface ChainSummary {
  readonly count: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  /** At entry `mark` (when asked): the count up to it and its hash; undefined when no such entry. */
  readonly atMark: { readonly count: number; readonly hash: string } | undefined;
  /** The first entry whose hash does not match, if any. */
  readonly firstAltered: number | undefined;
}

/** Walks every row in order, checking each one's action and chained hash; `visit` sees each row. */
export function walkChain(db: Database.Database, file: string, mark: number | undefined, visit?: (row: StoredRow) => void): ChainSummary {
  let count = 0;
  let lastSeq = 0;
  let lastHash = '';
  let atMark: ChainSummary['atMark'];
  let firstAltered: number | undefined;
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM changes ORDER BY seq`).raw().iterate() as IterableIterator<unknown[]>;
  for (const values of rows) {
    const row = rowFromValues(values);
    if (!isAction(row.action)) throw unknownActionError(file, row.seq, row.action);
    visit?.(row);
    const { hash, ...stored } = row;
    if (firstAltered === undefined && rowHash(lastHash, stored) !== hash) firstAltered = row.seq;
    count += 1;
    lastSeq = row.seq;
    lastHash = hash;
    if (row.seq === mark) atMark = { count, hash };
  }
  return { count, lastSeq, lastHash, atMark, firstAltered };
}

/** Recomputes the chain from entry `from` on (an operator accepted what the journal holds). */
export function rechain(db: Database.Database, from: number): void {
  const previous = db.prepare('SELECT hash FROM changes WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(from) as string | undefined;
  let lastHash = previous ?? '';
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM changes WHERE seq >= ? ORDER BY seq`).raw().all(from) as unknown[][];
  const update = db.prepare('UPDATE changes SET hash = ? WHERE seq = ?');
  for (const values of rows) {
    const { hash: _hash, ...stored } = rowFromValues(values);
    lastHash = rowHash(lastHash, stored);
    update.run(lastHash, stored.seq);
  }
}

export function rowFromValues(values: readonly unknown[]): StoredRow {
  const [seq, at, editor, action, entityId, change, base, patch, patchedBytes, afterHash, hash] = values;
  return {
    seq: Number(seq),
    at: String(at),
    editor: String(editor),
    action: String(action),
    entity_id: String(entityId),
    change: String(change),
    base: base === null ? null : String(base),
    patch: String(patch),
    patched_bytes: Number(patchedBytes),
    after_hash: String(afterHash),
    hash: String(hash),
  };
}

/**
 * Rebuilds entity states along one entity's rows, oldest first: each row gives the entity
 * before (its base, or the state the previous row left) and after (the patch applied).
 */
export class EntityHistory {
  private state: EntityState | undefined;

  constructor(private readonly file: string) {}

  step(row: StoredRow): { readonly before: EntityState; readonly after: EntityState } {
    const before = row.base === null ? this.state : (JSON.parse(row.base) as EntityState);
    if (before === undefined) {
      throw new JournalError(
        'ALTERED',
        `${journalName(this.file)}: entry ${row.seq} follows an earlier entry of ${row.entity_id} that is not there`,
      );
    }
    const patch = entityPatchSchema.safeParse(JSON.parse(row.patch));
    if (!patch.success) throw new JournalError('BAD_ENTRY', `${journalName(this.file)}: entry ${row.seq} holds an unreadable patch`);
    const after = applyPatch(before, patch.data);
    if (entityHash(after) !== row.after_hash) {
      throw new JournalError('ALTERED', `${journalName(this.file)}: entry ${row.seq} does not rebuild the ${row.entity_id} it recorded`);
    }
    this.state = after;
    return { before, after };
  }
}

/**
 * Public. Why the curation journal cannot be used, as a code and a message that names the
 * setting (CURATION_DB), the file and what to do. SQLite's own failures ("file is not a
 * database", "database disk image is malformed", a lock held elsewhere) are turned into
 * these where they surface, so no raw driver error or stack trace reaches an operator.
 */
import { ErrorCode, type ClientFacing } from '../errors';

export type JournalErrorCode =
  /** The journal holds fewer changes than its high-water mark confirmed. */
  | 'LOST_CHANGES'
  /** An entry is not what was written (its hash does not match). */
  | 'ALTERED'
  /** SQLite cannot read the file: not a database, or a damaged one. */
  | 'UNREADABLE'
  /** Another process holds the journal. */
  | 'LOCKED'
  /** Written by a newer version of the service. */
  | 'NEWER_LAYOUT'
  /** An entry this version cannot read (an unknown action, say). */
  | 'BAD_ENTRY'
  /** The journal's folder cannot be created. */
  | 'BAD_PATH'
  /** The file was deleted or replaced while the service ran. */
  | 'UNAVAILABLE'
  /** A write on a journal opened for reading. */
  | 'READ_ONLY'
  /** No such entry, or not the one expected. */
  | 'NO_ENTRY';

/**
 * What a client of the API is told (src/errors.ts reads these two fields): the journal not
 * answering is worth retrying once the operator acts (503); the message itself names the
 * server's file and goes to the operator's log only.
 */
export class JournalError extends Error implements ClientFacing {
  override readonly name = 'JournalError';
  readonly clientCode: ErrorCode;
  readonly clientMessage: string;
  constructor(
    readonly code: JournalErrorCode,
    message: string,
  ) {
    super(message);
    this.clientCode = code === 'NO_ENTRY' ? ErrorCode.NOT_FOUND : ErrorCode.SERVICE_UNAVAILABLE;
    this.clientMessage =
      code === 'NO_ENTRY'
        ? 'no such curation journal entry'
        : `the curation journal cannot take changes now (${code}); the server's log says why, retry once it is fixed`;
  }
}

/** The setting that names the journal file. */
export const JOURNAL_SETTING = 'CURATION_DB';

/** How every message names the journal. */
export function journalName(file: string): string {
  return `curation journal ${JOURNAL_SETTING}=${file}`;
}

/** Runs `work`, turning SQLite's errors into a `JournalError` about `file`. */
export function guardSqlite<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw fromSqliteError(file, error);
  }
}

/**
 * Whether `error` is better-sqlite3's `SqliteError`, by its name and code, not `instanceof`:
 * the native addon keeps the class (and the realm's `Error`) of the first copy of the module
 * loaded, so a second copy (jest loads one per test file, each in its own realm) sees
 * errors that are instances of neither.
 */
export function isSqliteError(error: unknown): error is Error & { readonly code: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && typeof message === 'string';
}

export function fromSqliteError(file: string, error: unknown): unknown {
  if (!isSqliteError(error)) return error;
  const name = journalName(file);
  if (error.code === 'SQLITE_BUSY' || error.code.startsWith('SQLITE_BUSY_') || error.code === 'SQLITE_LOCKED') {
    return new JournalError('LOCKED', `${name} is busy in another process (${error.message}); stop that process or try again`);
  }
  if (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT')) {
    return new JournalError(
      'UNREADABLE',
      `${name} cannot be read: ${error.message}. Restore the file from a backup (npm run backup makes one), or point ${JOURNAL_SETTING} at another file.`,
    );
  }
  return new JournalError('UNREADABLE', `${name}: ${error.message} (${error.code})`);
}

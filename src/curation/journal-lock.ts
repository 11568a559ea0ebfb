/**
 * Internal. One writer per journal: the writing process holds an exclusive SQLite lock on a
 * small lock database beside the journal (`<CURATION_DB>.lock`) for as long as it runs. The
 * lock is the operating system's (fcntl), so it goes with the process however that ends,
 * kill -9 included, and nothing stale is ever left to clean up. It is not taken on the
 * journal itself, so other processes can still read it (`backup`, `export`).
 */
import Database from 'better-sqlite3';
import { isSqliteError, JournalError, journalName, JOURNAL_SETTING } from './journal-error';

export function lockPath(file: string): string {
  return `${file}.lock`;
}

export class JournalLock {
  private constructor(private readonly db: Database.Database) {}

  /** Takes the lock at once, or throws `JournalError` LOCKED. */
  static acquire(file: string): JournalLock {
    // timeout 0: a held lock answers "busy" now, not after the default five seconds.
    const db = new Database(lockPath(file), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // The first write transaction takes the file's exclusive lock; EXCLUSIVE mode keeps it.
      db.exec('BEGIN EXCLUSIVE');
      db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
      db.exec('COMMIT');
    } catch (error) {
      db.close();
      if (isSqliteError(error) && error.code.startsWith('SQLITE_BUSY')) {
        throw new JournalError(
          'LOCKED',
          `${journalName(file)} is in use by another process (it holds ${lockPath(file)}): one process writes a journal at a time. Stop the other one, or give this one its own ${JOURNAL_SETTING}.`,
        );
      }
      throw error;
    }
    return new JournalLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}

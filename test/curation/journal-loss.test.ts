/**
 * A journal that lost confirmed changes is refused, never opened silently with fewer: the
 * main file truncated or deleted, the `changes` table dropped, the -wal file's header or
 * frames overwritten, truncated or deleted after a crash. Each is refused naming
 * CURATION_DB, the file and what is missing; `acceptLoss` (the `--accept-journal-loss`
 * start flag) goes on with what is left and makes that the new mark. SQLite's own errors
 * name the file too, and reach the command line without a stack trace.
 */
import { closeSync, existsSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CurationJournal, JournalError } from '../../src/curation/CurationJournal';
import { temporaryDbPath } from '../support/test-server';
import { crashAfterAppends, runCli, startCli } from './cli-process';
import { sampleEntries } from './sample-entries';

/** A journal with three changes, cleanly closed. */
function stoppedJournal(): string {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file);
  for (const entry of sampleEntries(3)) journal.append(entry);
  journal.close();
  return file;
}

/** A journal with three changes whose process died by SIGKILL: they are in its -wal file. */
function crashedJournal(): string {
  const file = temporaryDbPath();
  crashAfterAppends(file, sampleEntries(3));
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
  return file;
}

function overwrite(file: string, offset: number, bytes: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

/** What opening (and reading) the journal does: its change count, or the error it throws. */
function openAndCount(file: string, options?: Parameters<typeof CurationJournal.open>[1]): number {
  const journal = CurationJournal.open(file, options);
  try {
    return journal.entries().length;
  } finally {
    journal.close();
  }
}

function expectLost(file: string): void {
  let thrown: unknown;
  try {
    openAndCount(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(JournalError);
  expect(thrown).toMatchObject({ code: 'LOST_CHANGES' });
  const message = (thrown as Error).message;
  expect(message).toContain('CURATION_DB');
  expect(message).toContain(file);
  // What is missing: the mark confirms 3 changes.
  expect(message).toMatch(/\b3 changes?\b/);
}

describe('refuses a journal that lost confirmed changes', () => {
  it('main file truncated to 0 bytes after a stop', () => {
    const file = stoppedJournal();
    truncateSync(file, 0);
    expectLost(file);
  });

  it('main file deleted after a stop', () => {
    const file = stoppedJournal();
    rmSync(file);
    expectLost(file);
    // Refusing created nothing in its place.
    expect(existsSync(file)).toBe(false);
  });

  it('changes table dropped while user_version says it was created', () => {
    const file = stoppedJournal();
    const db = new Database(file);
    db.exec('DROP TABLE changes');
    db.close();
    expectLost(file);
  });

  it('-wal header overwritten after a crash', () => {
    const file = crashedJournal();
    overwrite(`${file}-wal`, 0, 32);
    expectLost(file);
  });

  it('-wal frames overwritten after a crash', () => {
    const file = crashedJournal();
    overwrite(`${file}-wal`, statSync(`${file}-wal`).size - 200, 100);
    expectLost(file);
  });

  it('-wal truncated after a crash', () => {
    const file = crashedJournal();
    truncateSync(`${file}-wal`, statSync(`${file}-wal`).size - 1000);
    expectLost(file);
  });

  it('-wal deleted after a crash', () => {
    const file = crashedJournal();
    rmSync(`${file}-wal`);
    rmSync(`${file}-shm`, { force: true });
    expectLost(file);
  });
});

describe('keeps what it can', () => {
  it('opens a crashed journal whose -wal file is intact, with every change', () => {
    expect(openAndCount(crashedJournal())).toBe(3);
  });

  it('goes on deliberately with acceptLoss, and that becomes the new mark', () => {
    const file = crashedJournal();
    rmSync(`${file}-wal`);
    rmSync(`${file}-shm`, { force: true });
    expect(openAndCount(file, { acceptLoss: true })).toBe(0);
    // The next start, without the flag, opens what is there.
    expect(openAndCount(file)).toBe(0);
    const journal = CurationJournal.open(file);
    const [entry] = sampleEntries(1);
    if (!entry) throw new Error('no sample entry');
    journal.append(entry);
    journal.close();
    expect(openAndCount(file)).toBe(1);
  });

  it('opens the main file alone, copied without its sidecars (a restore)', () => {
    const file = stoppedJournal();
    rmSync(`${file}.head`);
    expect(openAndCount(file)).toBe(3);
  });
});

it('start refuses such a journal (exit 1), and serves with --accept-journal-loss', async () => {
  const file = stoppedJournal();
  truncateSync(file, 0);
  const refused = runCli(['start'], file, { LOG_LEVEL: 'silent' });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('--accept-journal-loss');
  const accepted = await startCli(file, ['--accept-journal-loss']);
  expect(accepted.output()).toContain('accepted (--accept-journal-loss)');
  await accepted.stop();
  // The loss is now the mark: a plain start serves.
  const plain = await startCli(file);
  await plain.stop();
});

describe("SQLite's own errors name CURATION_DB and the file", () => {
  it('file is not a database', () => {
    const file = temporaryDbPath();
    writeFileSync(file, 'this is not a SQLite file, it only has its name'.repeat(200));
    expect(() => openAndCount(file)).toThrow(JournalError);
    expect(() => openAndCount(file)).toThrow(new RegExp(`CURATION_DB.*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('database disk image is malformed', () => {
    const file = temporaryDbPath();
    const journal = CurationJournal.open(file);
    for (const entry of sampleEntries(60)) journal.append(entry);
    journal.close();
    rmSync(`${file}.head`);
    // Garble the pages after the schema page: the table's b-tree.
    overwrite(file, 4096, statSync(file).size - 4096);
    expect(() => openAndCount(file)).toThrow(JournalError);
    expect(() => openAndCount(file)).toThrow(/CURATION_DB/);
  });

  it('reaches the command line as one message, without a stack trace', () => {
    const file = temporaryDbPath();
    writeFileSync(file, 'garbage '.repeat(1000));
    const result = runCli(['start'], file, { LOG_LEVEL: 'silent' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CURATION_DB');
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

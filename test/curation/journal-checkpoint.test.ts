/**
 * The main file alone holds every change: after a clean close (even while another
 * connection, a backup or an export, still has the file open), and periodically while the
 * journal runs (every N changes, or some time after the last one), so a copy of CURATION_DB
 * without its -wal file is never behind by more than that.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { temporaryDbPath } from '../support/test-server';
import { sampleEntries } from './sample-entries';

/** Copies only the main file elsewhere and counts the changes the copy holds. */
function countInCopyOfMainFile(file: string): number {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-copy-')), 'copy.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

it('leaves every change in the main file after close, even with another connection open', () => {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file);
  for (const entry of sampleEntries(3)) journal.append(entry);
  // Another process reading the journal (an export, a backup) keeps the file open.
  const reader = new Database(file, { readonly: true });
  reader.prepare('SELECT COUNT(*) AS n FROM changes').get();
  try {
    journal.close();
    expect(countInCopyOfMainFile(file)).toBe(3);
  } finally {
    reader.close();
  }
});

it('checkpoints every N changes while running', () => {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file, { checkpointEvery: { changes: 10, ms: 60_000 } });
  try {
    for (const entry of sampleEntries(10)) journal.append(entry);
    expect(countInCopyOfMainFile(file)).toBe(10);
  } finally {
    journal.close();
  }
});

it('checkpoints a while after the last change while running', async () => {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file, { checkpointEvery: { changes: 1_000, ms: 50 } });
  try {
    for (const entry of sampleEntries(2)) journal.append(entry);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(countInCopyOfMainFile(file)).toBe(2);
  } finally {
    journal.close();
  }
});

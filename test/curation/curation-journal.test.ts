/**
 * The journal file itself: WAL with synchronous=FULL, one row per change in order, entries
 * that survive closing and reopening, newest-first pages, retraction of only the newest
 * entry, and refusal of a file written by a newer layout.
 */
import Database from 'better-sqlite3';
import { CurationJournal, JournalError, type NewJournalEntry } from '../../src/curation/CurationJournal';
import { temporaryDbPath } from '../support/test-server';

function change(n: number, entityId = `city:town-${n}`): NewJournalEntry {
  return {
    at: new Date(Date.UTC(2026, 0, n)).toISOString(),
    editor: n % 2 === 0 ? 'alice' : 'carol',
    entityId,
    change: {
      kind: 'removeRelation',
      relation: { type: 'IN_COUNTRY', from: entityId, to: 'country:pk' },
      source: { doc: 'doc:000', quote: `quote ${n}` },
    },
    before: { id: `${entityId}-IN_COUNTRY->country:pk` },
    after: null,
  };
}

it('runs in WAL mode with synchronous=FULL', () => {
  const journal = CurationJournal.open(temporaryDbPath());
  // SQLite reports synchronous as a number: 2 is FULL.
  expect(journal.settings()).toEqual({ journalMode: 'wal', synchronous: 2 });
  journal.close();
});

it('keeps every entry, in order, across close and reopen', () => {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file);
  const written = [1, 2, 3].map((n) => journal.append(change(n)));
  expect(written.map((entry) => entry.seq)).toEqual([1, 2, 3]);
  journal.close();

  const reopened = CurationJournal.open(file);
  const entries = [...reopened.entries()];
  expect(entries.map((entry) => [entry.seq, entry.editor, entry.entityId])).toEqual([
    [1, 'carol', 'city:town-1'],
    [2, 'alice', 'city:town-2'],
    [3, 'carol', 'city:town-3'],
  ]);
  expect(entries[1]?.change).toEqual(change(2).change);
  expect(entries[1]?.afterJson).toBeNull();
  expect(JSON.parse(entries[1]?.beforeJson ?? 'null')).toEqual(change(2).before);
  reopened.close();
});

it('pages newest first, by entity, and counts', () => {
  const journal = CurationJournal.open(temporaryDbPath());
  for (const n of [1, 2, 3, 4, 5]) journal.append(change(n, n % 2 === 0 ? 'city:even' : `city:odd-${n}`));
  const first = journal.page({ first: 2 });
  expect(first.entries.map((entry) => entry.seq)).toEqual([5, 4]);
  expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
  const last = journal.page({ first: 2, beforeSeq: 2 });
  expect(last.entries.map((entry) => entry.seq)).toEqual([1]);
  expect(last.hasNextPage).toBe(false);
  const even = journal.page({ first: 10, entityId: 'city:even' });
  expect(even.entries.map((entry) => entry.seq)).toEqual([4, 2]);
  expect(even.totalCount).toBe(2);
  journal.close();
});

it('retracts only the newest entry', () => {
  const journal = CurationJournal.open(temporaryDbPath());
  journal.append(change(1));
  const second = journal.append(change(2));
  expect(() => journal.retract(1)).toThrow(JournalError);
  journal.retract(second.seq);
  expect(journal.count()).toBe(1);
  journal.close();
});

it('refuses a journal written by a newer layout', () => {
  const file = temporaryDbPath();
  CurationJournal.open(file).close();
  const db = new Database(file);
  db.pragma('user_version = 99');
  db.close();
  expect(() => CurationJournal.open(file)).toThrow(JournalError);
});

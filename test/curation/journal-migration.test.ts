/**
 * Journals written by earlier versions stay readable: a journal of the first layout
 * (user_version 1, each row holding the whole entity before and after) is upgraded once at
 * open, keeps every entry with the same before and after, replays to the same graph, and
 * takes new changes.
 */
import Database from 'better-sqlite3';
import pino from 'pino';
import { CurationJournal } from '../../src/curation/CurationJournal';
import { CurationService } from '../../src/curation/CurationService';
import { readSeed } from '../../src/ingest/read-seed';
import { ingestSeed } from '../../src/ingest/ingest-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { temporaryDbPath } from '../support/test-server';
import { sampleEntry } from './sample-entries';

const QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';
const source = { doc: 'doc:000', quote: QUOTE };
const town = { id: 'city:old-town', label: 'City', kind: 'city', name: 'Old Town', nameAr: 'بلدة', sources: [source] };
const renamed = {
  ...town,
  name: 'Old Town (renamed)',
  sources: [source, { doc: 'https://example.org/old', quote: 'the old town was renamed' }],
};
const relation = { type: 'IN_COUNTRY', from: 'city:old-town', to: 'country:pk', sources: [source] };
const relationRecord = { ...relation, id: 'city:old-town-IN_COUNTRY->country:pk' };

const V1_ROWS = [
  ['createNode', town.id, { kind: 'createNode', node: town }, null, town],
  ['addRelation', relationRecord.id, { kind: 'addRelation', relation }, null, relationRecord],
  ['updateNode', town.id, { kind: 'updateNode', id: town.id, set: { name: renamed.name }, source: renamed.sources[1] }, town, renamed],
  ['removeRelation', relationRecord.id, { kind: 'removeRelation', id: relationRecord.id, source }, relationRecord, null],
] as const;

function writeV1Journal(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, editor TEXT NOT NULL,
    action TEXT NOT NULL, entity_id TEXT NOT NULL, change TEXT NOT NULL, before TEXT, after TEXT);
    CREATE INDEX changes_by_entity ON changes (entity_id, seq);`);
  const insert = db.prepare('INSERT INTO changes (at, editor, action, entity_id, change, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  V1_ROWS.forEach(([action, entityId, change, before, after], i) =>
    insert.run(
      `2025-06-0${i + 1}T10:00:00.000Z`,
      'alice',
      action,
      entityId,
      JSON.stringify(change),
      before && JSON.stringify(before),
      after && JSON.stringify(after),
    ),
  );
  db.pragma('user_version = 1');
  db.close();
}

it('upgrades a first-layout journal, keeping every entry, its before and after, and its replay', async () => {
  const file = temporaryDbPath();
  writeV1Journal(file);
  const journal = CurationJournal.open(file);
  const entries = journal.entries();
  expect(entries.map((entry) => [entry.seq, entry.action, entry.entityId, entry.editor, entry.at])).toEqual(
    V1_ROWS.map(([action, entityId], i) => [i + 1, action, entityId, 'alice', `2025-06-0${i + 1}T10:00:00.000Z`]),
  );
  entries.forEach((entry, i) => {
    const [, , , before, after] = V1_ROWS[i] ?? [];
    expect(JSON.parse(entry.beforeJson ?? 'null')).toEqual(before);
    expect(JSON.parse(entry.afterJson ?? 'null')).toEqual(after);
  });

  const store = new MemoryGraphStore();
  await ingestSeed(store);
  const curation = new CurationService({ store, journal, sourceTexts: (await readSeed()).sourceTexts, logger: pino({ level: 'silent' }) });
  expect(await curation.replay()).toEqual({ applied: 4, skipped: [] });
  const [node] = await store.getNodes(['city:old-town']);
  expect(node).toMatchObject({ name: 'Old Town (renamed)' });
  expect(node?.sources).toHaveLength(2);
  journal.append(sampleEntry(9));
  expect(journal.count()).toBe(5);
  curation.close();

  const db = new Database(file, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(1);
  db.close();
});

/**
 * Clear errors around the journal: a row with an action this service does not know names
 * the journal and the entry; a CURATION_DB whose folder cannot be created fails at once;
 * and a journal file deleted under a running server makes /readyz fail and mutations answer
 * an error, taking nothing.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CurationJournal, JournalError } from '../../src/curation/CurationJournal';
import { CreateNodeDocument, StatsDocument } from '../operations.generated';
import { execute as call, EDITOR_KEY, startTestServer, temporaryDbPath } from '../support/test-server';
import { runCli } from './cli-process';
import { sampleEntries } from './sample-entries';

it('names the journal and the entry when a row holds an unknown action', () => {
  const file = temporaryDbPath();
  const journal = CurationJournal.open(file);
  for (const entry of sampleEntries(2)) journal.append(entry);
  journal.close();
  const db = new Database(file);
  db.prepare("UPDATE changes SET action = 'deleteNode' WHERE seq = 2").run();
  db.close();

  let thrown: unknown;
  try {
    const reopened = CurationJournal.open(file);
    try {
      reopened.entries();
    } finally {
      reopened.close();
    }
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(JournalError);
  const message = (thrown as Error).message;
  expect(message).toContain(file);
  expect(message).toMatch(/entry 2\b/);
  expect(message).toContain('"deleteNode"');
});

it('fails at once when the folder of CURATION_DB cannot be created', () => {
  const started = Date.now();
  const result = runCli(['start'], '/proc/cities-kg-no-such-dir/curation.sqlite', { LOG_LEVEL: 'silent' }, 15_000);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('CURATION_DB');
  expect(result.stderr).toContain('/proc/cities-kg-no-such-dir');
  expect(Date.now() - started).toBeLessThan(10_000);
});

it('fails readiness and refuses mutations once the journal file is deleted under it', async () => {
  const server = await startTestServer();
  try {
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    rmSync(server.dbPath);
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(503);

    const nodesBefore = (await call(server, StatsDocument, {})).data?.stats.nodes;
    const answer = await call(
      server,
      CreateNodeDocument,
      {
        input: {
          id: 'city:after-deletion',
          type: 'CITY',
          kind: 'CITY',
          name: 'After',
          nameAr: 'بعد',
          provenance: { doc: 'doc:000', quote: 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة' },
        },
      },
      EDITOR_KEY,
    );
    expect(answer.errors?.length).toBeGreaterThan(0);
    // Said as what it is (the journal does not answer, retry later), without the server's file path.
    expect(answer.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(answer.errors?.[0]?.message).not.toContain(server.dbPath);
    expect(answer.data?.createNode ?? null).toBeNull();
    expect((await call(server, StatsDocument, {})).data?.stats.nodes).toBe(nodesBefore);
  } finally {
    await server.stop();
  }
});

/**
 * `cities-kg backup --out FILE` (npm run backup -- --out FILE): a consistent copy of the
 * journal taken with SQLite's online backup API while the server runs, with no other tool.
 * A server started on the copy alone (a restore into a new place) serves every change and
 * its audit entries.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { AuditLogDocument, CreateNodeDocument, CuratedNodeDocument } from '../operations.generated';
import { execute as call, EDITOR_KEY, READER_KEY, temporaryDbPath } from '../support/test-server';
import { runCli, runCliAsync, startCli } from './cli-process';

const QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';

async function createTown(url: string, id: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
    body: JSON.stringify({
      query: print(CreateNodeDocument),
      variables: { input: { id, type: 'CITY', kind: 'CITY', name: id, nameAr: 'مدينة', provenance: { doc: 'doc:000', quote: QUOTE } } },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
}

function outFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-backup-')), 'journal-backup.sqlite');
}

it('backs up the journal of a running server, and a server on the copy has every change', async () => {
  const dbPath = temporaryDbPath();
  const out = outFile();
  const server = await startCli(dbPath);
  try {
    await createTown(server.url, 'city:backed-up-one');
    await createTown(server.url, 'city:backed-up-two');
    const result = await runCliAsync(['backup', '--out', out], dbPath, { LOG_LEVEL: 'silent' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\b2 changes\b/);
  } finally {
    await server.stop();
  }

  const restored = await startCli(out);
  try {
    const node = await call({ url: restored.url }, CuratedNodeDocument, { id: 'city:backed-up-two' });
    expect(node.data?.node?.id).toBe('city:backed-up-two');
    const audit = await call({ url: restored.url }, AuditLogDocument, { first: 5 }, READER_KEY);
    expect(audit.data?.auditLog.edges.map((edge) => edge.node.entityId)).toEqual(['city:backed-up-two', 'city:backed-up-one']);
  } finally {
    await restored.stop();
  }
});

it('needs --out, and never overwrites a file', () => {
  const dbPath = temporaryDbPath();
  expect(runCli(['backup'], dbPath, { LOG_LEVEL: 'silent' }).status).toBe(2);
  const out = outFile();
  writeFileSync(out, 'precious');
  const result = runCli(['backup', '--out', out], dbPath, { LOG_LEVEL: 'silent' });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain(out);
  expect(readFileSync(out, 'utf8')).toBe('precious');
});

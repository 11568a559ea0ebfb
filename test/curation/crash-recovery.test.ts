/**
 * A change that answered success survives `kill -9`: the built server (`node
 * dist/src/cli.js start`, built by `pretest`) takes a mutation with an editor key, is killed
 * with SIGKILL the moment the success arrives, and a new process on the same journal file
 * serves the change and its audit entry.
 */
import { print } from 'graphql';
import { AuditLogDocument, CreateNodeDocument, CuratedNodeDocument } from '../operations.generated';
import { execute as call, EDITOR_KEY, READER_KEY, temporaryDbPath } from '../support/test-server';
import { startCli } from './cli-process';

const QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';

it('keeps a successful mutation after SIGKILL and restart', async () => {
  const dbPath = temporaryDbPath();
  const first = await startCli(dbPath);
  let killedAfterSuccess = false;
  try {
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({
        query: print(CreateNodeDocument),
        variables: {
          input: {
            id: 'city:crash-proof',
            type: 'CITY',
            kind: 'CITY',
            name: 'Crash Proof',
            nameAr: 'مدينة',
            provenance: { doc: 'doc:000', quote: QUOTE },
          },
        },
      }),
    });
    const body = (await response.json()) as { data?: { createNode?: { node: { id: string } } }; errors?: unknown[] };
    if (response.status === 200 && body.data?.createNode?.node.id === 'city:crash-proof') {
      // No graceful shutdown: the process dies the moment the success is in.
      first.child.kill('SIGKILL');
      killedAfterSuccess = true;
    }
    expect(body.errors).toBeUndefined();
  } finally {
    if (!killedAfterSuccess) first.child.kill('SIGKILL');
  }
  await expect(first.exited).resolves.toBe('SIGKILL');
  expect(killedAfterSuccess).toBe(true);

  const second = await startCli(dbPath);
  try {
    const node = await call({ url: second.url }, CuratedNodeDocument, { id: 'city:crash-proof' });
    expect(node.data?.node).toMatchObject({ id: 'city:crash-proof', name: 'Crash Proof' });
    const audit = await call({ url: second.url }, AuditLogDocument, { first: 5 }, READER_KEY);
    expect(audit.data?.auditLog.edges.map((edge) => [edge.node.action, edge.node.entityId, edge.node.editor])).toEqual([
      ['CREATE_NODE', 'city:crash-proof', 'alice'],
    ]);
  } finally {
    await second.stop();
  }
});

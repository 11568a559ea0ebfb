/**
 * One writer per journal, with two real processes: while a server holds CURATION_DB, a
 * second `start` on the same file refuses at once with a clear message; once the holder
 * dies (even by SIGKILL, with no chance to clean up), a new server takes the journal.
 */
import { temporaryDbPath } from '../support/test-server';
import { runCliAsync, startCli } from './cli-process';

it('refuses a second server on the same journal, and lets one in after the holder crashed', async () => {
  const dbPath = temporaryDbPath();
  const first = await startCli(dbPath);
  try {
    const second = await runCliAsync(['start'], dbPath, { LOG_LEVEL: 'silent' }, 15_000);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('CURATION_DB');
    expect(second.stderr).toContain(dbPath);
    expect(second.stderr).toMatch(/another process/);
  } finally {
    first.child.kill('SIGKILL');
    await first.exited;
  }
  const third = await startCli(dbPath);
  expect(third.url).toMatch(/^http:/);
  await third.stop();
});

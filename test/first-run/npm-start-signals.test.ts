/**
 * `npm start` as a user or a process manager runs it: a signal sent to the npm process reaches
 * the server, so after SIGTERM (or SIGINT) nothing of it is left running and its port is free.
 * Uses the build that `pretest` made (prestart finds it up to date). The exit code is the
 * server's own: 0 after a clean stop (closing the store and journal is pinned by test/api/cli.test.ts).
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/project-root';
import { collectOutput, descendants, exitOf, freePort, freshJournal, isAlive, npmCommand, portIsFree, waitForStatus } from './processes';

jest.setTimeout(120_000);

/** Whatever a failed run left behind is killed, so jest can exit. */
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe.each([
  ['SIGTERM', 'production'],
  ['SIGTERM', 'development'],
  ['SIGINT', 'production'],
] as const)('%s to `npm start` (NODE_ENV=%s)', (signal, nodeEnv) => {
  it('stops the server: no process of it is left and the port is free', async () => {
    const port = await freePort();
    const [command, args] = npmCommand(['start']);
    const npm = spawn(command, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: nodeEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CURATION_DB: freshJournal() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(npm);
    const exited = exitOf(npm);
    await waitForStatus(`http://127.0.0.1:${port}/readyz`, npm, 90_000, output);
    const pid = npm.pid;
    if (pid === undefined) throw new Error('npm did not start');
    const tree = descendants(pid);
    started.push(pid, ...tree);
    expect(tree.length).toBeGreaterThan(0); // the server runs below npm

    npm.kill(signal);
    await expect(waitUntil(() => npm.exitCode !== null || npm.signalCode !== null, 15_000)).resolves.toBe(true);
    // npm passes on the server's own exit code: 0 after a clean stop.
    await expect(exited).resolves.toBe(0);
    const left = await waitUntil(() => tree.every((pid) => !isAlive(pid)), 10_000);
    expect({ left: tree.filter(isAlive), output: left ? '' : output() }).toEqual({ left: [], output: '' });
    await expect(portIsFree(port)).resolves.toBe(true);
  });
});

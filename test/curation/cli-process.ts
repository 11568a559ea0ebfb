/**
 * The built command line (`node dist/src/cli.js`, built by `pretest`) as real processes, for
 * the journal tests that need a second process, a crash or a restart: `startCli` runs
 * `start` until it serves, `runCli` runs a command to its end (killed after a time limit,
 * so a command that hangs fails the test instead of hanging it), `crashAfterAppends`
 * appends to a journal in a child process that then dies by SIGKILL.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { PROJECT_ROOT } from '../../src/project-root';
import type { NewJournalEntry } from '../../src/curation/CurationJournal';
import { API_KEYS } from '../support/test-server';

export const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');
const JOURNAL_MODULE = path.join(PROJECT_ROOT, 'dist', 'src', 'curation', 'CurationJournal.js');

export interface StartedCli {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly url: string;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<NodeJS.Signals | number | null>;
}

function cliEnv(dbPath: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CURATION_DB: dbPath, API_KEYS, RATE_LIMIT_MAX: '0', ...env };
}

export async function startCli(dbPath: string, args: readonly string[] = [], env: Record<string, string> = {}): Promise<StartedCli> {
  const child = spawn(process.execPath, [CLI, 'start', ...args], { env: cliEnv(dbPath, env), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited before serving: ${output}`));
    });
  });
  return {
    child,
    url,
    exited,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface CliResult {
  /** The exit code, or the signal when it was killed (by the time limit, say). */
  readonly status: number | NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one command to its end; one that runs past `timeoutMs` is killed (status SIGTERM). */
export function runCli(args: readonly string[], dbPath: string, env: Record<string, string> = {}, timeoutMs = 20_000): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: cliEnv(dbPath, env), encoding: 'utf8', timeout: timeoutMs });
  return { status: result.signal ?? result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `runCli`, without blocking the test's event loop (for a command beside a running server). */
export function runCliAsync(
  args: readonly string[],
  dbPath: string,
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(dbPath, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: signal ?? code, stdout, stderr });
    }),
  );
}

/** Opens `file` in a child process, appends the entries, and dies by SIGKILL without closing. */
export function crashAfterAppends(file: string, entries: readonly NewJournalEntry[]): void {
  const script = `
    const { CurationJournal } = require(${JSON.stringify(JOURNAL_MODULE)});
    const journal = CurationJournal.open(${JSON.stringify(file)});
    for (const entry of ${JSON.stringify(entries)}) journal.append(entry);
    process.kill(process.pid, 'SIGKILL');
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  if (result.signal !== 'SIGKILL') throw new Error(`the appending process did not crash as planned: ${result.stderr}`);
}

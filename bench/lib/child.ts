/**
 * Runs one bench step in a fresh Node process (so its memory readings start from a clean
 * heap) and reads the JSON it prints on its last line of output. Children run the compiled
 * bench (dist/bench-build), exactly as production runs compiled code.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ChildOptions {
  /** Script path relative to the compiled bench folder, e.g. `store/child.js`. */
  readonly script: string;
  readonly args: readonly string[];
  /** Kill the child after this long. */
  readonly timeoutMs: number;
}

export function runChild<T>(options: ChildOptions): Promise<T> {
  const script = path.join(__dirname, '..', options.script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, ...options.args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${options.script} ${options.args.join(' ')} exited with ${code ?? signal}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${options.script} printed no JSON result: ${last.slice(0, 200)}`));
      }
    });
  });
}

/** Prints a child's result as its last line of output. */
export function reply(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

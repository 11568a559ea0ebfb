/**
 * What the numbers were measured on: cores, memory, Node, and how busy the machine was
 * (other engineers' test runs share these two cores, so the load average goes in the report).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly memory: string;
  readonly node: string;
  readonly loadAverage: string;
}

function freeHuman(): string {
  try {
    return execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.trim().replace(/\s+/g, ' ') ?? '';
  } catch {
    return `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`;
  }
}

export function describeMachine(): Machine {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: freeHuman(),
    node: process.version,
    loadAverage: loadAverageNow(),
  };
}

/** The 1, 5 and 15 minute load averages, as the reports print them. */
export function loadAverageNow(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/**
 * Runs one part of the benchmark alone (`bench:cache`, `bench:http`, `bench:analytics`) and
 * prints its markdown lines with the cores and the load average before and after.
 */
export function printPart(run: () => Promise<readonly string[]>): void {
  const before = loadAverageNow();
  run()
    .then((lines) => {
      process.stdout.write(
        `${[...lines, '', `${os.cpus().length} CPUs; load average before ${before}, after ${loadAverageNow()}`].join('\n')}\n`,
      );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

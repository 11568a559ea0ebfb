/**
 * Measuring in rounds, for load runs on a shared machine. One measurement of a few seconds
 * says more about what else ran in those seconds than about the code: the same floor server
 * gave 18k and 37k req/s minutes apart. So every target of a case (the server and the floor
 * for one operation) is measured back to back in each round, the order reversed from one
 * round to the next (AB, BA, AB, …) so that a machine getting busier or quieter during a
 * round hits both sides alike; a ratio is taken within each round, never across rounds, and
 * the report gives the median of the rounds with their range.
 */

/** The median of the rounds' values with the smallest and largest beside it. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  // An even count has two middles; their mean, so two rounds give the midpoint of both.
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * `numerator ÷ denominator`, Infinity when the denominator measured nothing (a server that
 * answered no request is infinitely far from any target, and NaN would not sort).
 */
export function ratioOf(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.POSITIVE_INFINITY;
}

/** One ratio per round (both sides from that round), summarised as median and range. */
export function ratioPerRound<R>(rounds: readonly R[], numerator: (round: R) => number, denominator: (round: R) => number): Spread {
  return spreadOf(rounds.map((round) => ratioOf(numerator(round), denominator(round))));
}

/** The targets in the order round `round` (0-based) measures them: as given in even rounds, reversed in odd ones. */
export function roundOrder<T>(targets: readonly T[], round: number): readonly T[] {
  return round % 2 === 0 ? [...targets] : [...targets].reverse();
}

/** One case's measurements in one round, and the order they were taken in. */
export interface RoundOf<C, T extends string, M> {
  readonly case: C;
  readonly round: number;
  readonly order: readonly T[];
  readonly results: Readonly<Record<T, M>>;
}

/**
 * Measures every case in `rounds` rounds. Rounds are the outer loop, so a case's rounds lie
 * as far apart in time as the run allows (a burst of other work spoils one round of each
 * case, and the median drops it, rather than every round of one case).
 */
export async function measureInRounds<C, T extends string, M>(options: {
  readonly cases: readonly C[];
  readonly targets: readonly T[];
  readonly rounds: number;
  readonly measure: (kase: C, target: T, round: number) => Promise<M>;
}): Promise<RoundOf<C, T, M>[]> {
  const measured: RoundOf<C, T, M>[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const kase of options.cases) {
      const order = roundOrder(options.targets, round);
      const results = new Map<T, M>();
      for (const target of order) results.set(target, await options.measure(kase, target, round));
      measured.push({ case: kase, round, order, results: recordOf(options.targets, results) });
    }
  }
  return measured;
}

function recordOf<T extends string, M>(targets: readonly T[], results: ReadonlyMap<T, M>): Readonly<Record<T, M>> {
  const record = {} as Record<T, M>;
  for (const target of targets) {
    const result = results.get(target);
    if (result === undefined) throw new Error(`no measurement of ${target}`);
    record[target] = result;
  }
  return record;
}

/** How many rounds and how long each measurement runs. */
export interface RoundOptions {
  readonly rounds: number;
  readonly durationSeconds: number;
}

/**
 * `--rounds N` and `--seconds S` from the command line, else BENCH_ROUNDS and BENCH_SECONDS
 * from the environment, else `defaults`. A value that is not a whole number of rounds ≥ 1
 * or a whole number of seconds ≥ 1 (autocannon samples once a second) is refused.
 */
export function roundOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaults: RoundOptions): RoundOptions {
  return {
    rounds: wholeNumber('--rounds', flag(argv, '--rounds') ?? env['BENCH_ROUNDS'], defaults.rounds),
    durationSeconds: wholeNumber('--seconds', flag(argv, '--seconds') ?? env['BENCH_SECONDS'], defaults.durationSeconds),
  };
}

function flag(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at >= 0) return argv[at + 1] ?? '';
  const inline = argv.find((each) => each.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} (or BENCH_${name.slice(2).toUpperCase()}) must be a whole number ≥ 1, got '${text}'`);
  }
  return value;
}

/**
 * The analyst questions at scale (analytics/child.ts, one fresh process per size) and their
 * markdown table, for `npm run bench` and `npm run bench:analytics`.
 */
import { runChild } from '../lib/child';
import type { AnalyticsRun } from './child';

export async function runAnalyticsBench(sizes: readonly number[], samples: number): Promise<AnalyticsRun[]> {
  const runs: AnalyticsRun[] = [];
  for (const relations of sizes) {
    process.stderr.write(`[bench] analyst questions at ${relations.toLocaleString('en')} relations\n`);
    runs.push(
      await runChild<AnalyticsRun>({ script: 'analytics/child.js', args: [String(relations), String(samples)], timeoutMs: 20 * 60_000 }),
    );
  }
  return runs;
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** One row per question, one column group per size: first call, then p50 / max of the rest. */
export function analyticsTable(runs: readonly AnalyticsRun[]): string[] {
  const questions = runs[0]?.questions.map((entry) => entry.question) ?? [];
  const lines = [
    `| question (memory store, in process) | ${runs.map((run) => `${run.relations.toLocaleString('en')}: first / p50 / max ms`).join(' | ')} |`,
    `|---|${runs.map(() => '---:').join('|')}|`,
  ];
  for (const question of questions) {
    const cells = runs.map((run) => {
      const entry = run.questions.find((each) => each.question === question);
      return entry ? `${ms(entry.firstMs)} / ${ms(entry.rest.p50)} / ${ms(entry.maxMs)}` : '–';
    });
    lines.push(`| ${question} | ${cells.join(' | ')} |`);
  }
  const pairs = runs.map((run) =>
    run.allPairs
      ? `${run.programmes.toLocaleString('en')} programmes, ${run.allPairs.pairs.toLocaleString('en')} pairs in ${ms(run.allPairs.ms)} ms (${run.allPairs.nsPerPair.toFixed(0)} ns a pair)`
      : `${run.programmes.toLocaleString('en')} programmes: not run (${((run.programmes * (run.programmes - 1)) / 2).toLocaleString('en')} pairs; refused by the cost limit)`,
  );
  lines.push(`| sharedPartners over every programme | ${pairs.join(' | ')} |`);
  return lines;
}

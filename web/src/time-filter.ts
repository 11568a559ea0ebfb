/**
 * The year-range filter: with a range set, only events that overlap it are drawn (an event
 * with no date is left out, since nothing places it in the range), with the relations that
 * go through them; a node left with no drawn relation goes too (see renderer.ts).
 */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

function yearOf(date: unknown): number | undefined {
  const match = typeof date === 'string' ? /^(\d{4})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}

/** Whether a node is an event outside the range (never true for other nodes or without a range). */
export function outOfRange(
  node: { readonly nodeType: string; readonly startDate?: string; readonly endDate?: string },
  range: YearRange | undefined,
): boolean {
  if (!range || node.nodeType !== 'Event') return false;
  const start = yearOf(node.startDate);
  if (start === undefined) return true;
  const end = yearOf(node.endDate) ?? start;
  return end < range.from || start > range.to;
}

/** The range two year inputs describe, or undefined while either is empty or not a year. */
export function readRange(from: string, to: string): YearRange | undefined {
  const [start, end] = [Number(from), Number(to)];
  if (from.trim() === '' || to.trim() === '' || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}

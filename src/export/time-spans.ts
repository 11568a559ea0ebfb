/**
 * Internal. Dates of the graph as closed day intervals, for GEXF's dynamic mode (Gephi's
 * timeline). The sources give years, months or days ("2023", "2023-05", "2023-05-12"); a
 * coarse date stands for its whole period, so it starts on the period's first day and ends
 * on its last.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface Span {
  readonly start: string;
  readonly end?: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The first and last day of the period a partial date names, or undefined when it is not one. */
export function periodOf(value: unknown): { readonly first: string; readonly last: string } | undefined {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, year = '', month, day] = match;
  if (day !== undefined) return { first: text, last: text };
  if (month !== undefined) {
    // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts it).
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${pad(lastDay)}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** An event from its start to its end date (or through its start period when it has no end). */
export function eventSpan(startDate: unknown, endDate: unknown): Span | undefined {
  const start = periodOf(startDate);
  if (!start) return undefined;
  return { start: start.first, end: (periodOf(endDate) ?? start).last };
}

/** Something that exists from a date on (a declaration adopted, a programme started, a membership since). */
export function openSpan(from: unknown): Span | undefined {
  const period = periodOf(from);
  return period ? { start: period.first } : undefined;
}

/** A fact known to hold at a date (`asOf`): that period only, since the sources say no more. */
export function pointSpan(at: unknown): Span | undefined {
  const period = periodOf(at);
  return period ? { start: period.first, end: period.last } : undefined;
}

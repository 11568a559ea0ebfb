/**
 * Internal. CSV as RFC 4180 says and spreadsheets read it: comma-separated, CRLF line ends,
 * a field quoted (its quotes doubled) when it holds a comma, quote or line break. A field
 * that starts with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet shows it
 * rather than running it as a formula (the names come from documents, not from us).
 */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@]/;

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

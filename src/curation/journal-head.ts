/**
 * Internal. The journal's high-water mark: a small JSON file beside it (`<CURATION_DB>.head`)
 * saying how many changes the journal has confirmed, up to which entry, and that entry's
 * chained hash. It is rewritten atomically (a temporary file, fsynced, renamed over it,
 * the folder fsynced) after each commit, so it never says more than the journal held.
 * It cannot live in the journal itself: what it guards against is the journal (or its
 * -wal file) losing pages, and a file cannot vouch for what it lost.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JournalError, journalName } from './journal-error';

const headSchema = z.strictObject({
  format: z.literal('cities-kg-journal-head'),
  version: z.literal(1),
  /** Changes the journal holds, up to and including `lastSeq`. */
  count: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  /** The chained hash of entry `lastSeq` ('' when the journal is empty). */
  hash: z.string(),
  /** When it was written (for people reading it). */
  at: z.string(),
});

export type JournalHead = z.infer<typeof headSchema>;

export function headPath(file: string): string {
  return `${file}.head`;
}

/** The mark beside `file`; undefined when there is none. */
export function readHead(file: string): JournalHead | undefined {
  let text: string;
  try {
    text = readFileSync(headPath(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new JournalError(
      'UNREADABLE',
      `${journalName(file)}: cannot read its high-water mark ${headPath(file)}: ${(error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const head = headSchema.safeParse(json);
  if (!head.success) {
    throw new JournalError(
      'UNREADABLE',
      `${journalName(file)}: its high-water mark ${headPath(file)} is not one this service wrote; restore it, or start with --accept-journal-loss to write a new one from what the journal holds`,
    );
  }
  return head.data;
}

export function writeHead(file: string, mark: Omit<JournalHead, 'format' | 'version' | 'at'>): void {
  const target = headPath(file);
  const temporary = `${target}.tmp`;
  const head: JournalHead = { format: 'cities-kg-journal-head', version: 1, ...mark, at: new Date().toISOString() };
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, `${JSON.stringify(head)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
  // The rename is durable once the folder is.
  const folder = openSync(path.dirname(target), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

/**
 * Internal. The journal's place on disk: its folder, created level by level, and the
 * identity of its file, to notice when it is deleted or replaced under a running service
 * (SQLite would go on writing to the deleted file, and every change would be lost).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { JournalError, journalName } from './journal-error';

/**
 * Creates the folder of `file` if needed. Not `mkdirSync(..., { recursive: true })`: under
 * /proc that spins at 100 % CPU forever; one level at a time fails at once instead.
 */
export function ensureFolder(file: string): void {
  const folder = path.dirname(path.resolve(file));
  const missing: string[] = [];
  let current = folder;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  try {
    if (!statSync(current).isDirectory()) throw new Error(`${current} is not a folder`);
    for (const level of missing) mkdirSync(level);
  } catch (error) {
    throw new JournalError('BAD_PATH', `${journalName(file)}: cannot create its folder ${folder}: ${(error as Error).message}`);
  }
}

export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export function identityOf(file: string): FileIdentity | undefined {
  try {
    const stats = statSync(file);
    return { dev: stats.dev, ino: stats.ino };
  } catch {
    return undefined;
  }
}

export function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

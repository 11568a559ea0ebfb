/**
 * Internal. `cities-kg backup --out FILE` (`npm run backup -- --out FILE`): a consistent copy
 * of the curation journal, taken with SQLite's online backup API (better-sqlite3's `backup`),
 * safe while the server runs, with no other tool. The copy is one self-contained SQLite file,
 * read back and checked (every entry and its hash chain) before this reports success; it never
 * overwrites a file. To restore it, see README, "Backup and restore".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CurationJournal } from '../curation/CurationJournal';
import { JournalError, journalName } from '../curation/journal-error';
import { UsageError, type Command } from './command';

export const backupCommand: Command = async (args, { config, out }) => {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' } }, strict: true });
  if (values.out === undefined) throw new UsageError('backup needs --out FILE: where to write the copy of the curation journal');
  const target = path.resolve(values.out);
  const file = config.curation.dbPath;
  if (existsSync(target)) throw new UsageError(`backup: ${target} already exists; a backup never overwrites a file, give a new --out`);
  if (!existsSync(file)) throw new JournalError('UNAVAILABLE', `${journalName(file)} does not exist: there is nothing to back up`);
  const journal = CurationJournal.open(file, { mode: 'read' });
  try {
    const copied = await journal.backup(target);
    out.write(`backed up ${copied.changes} changes (up to entry ${copied.lastSeq}) of ${journalName(file)} to ${target}\n`);
    return 0;
  } finally {
    journal.close();
  }
};

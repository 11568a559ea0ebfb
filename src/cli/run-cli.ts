/**
 * Public. The command line: `start`, `validate`, `report`, `seed`, `export`, `import` and `backup`.
 * Reads the configuration once, runs the command and turns every failure into a message that
 * says what to do: exit 2 for wrong words on the command line, 1 for anything else.
 */
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { backupCommand } from './backup-command';
import { UsageError, type Command } from './command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { reportCommand } from './report-command';
import { seedCommand } from './seed-command';
import { startCommand } from './start-command';
import { validateCommand } from './validate-command';

const USAGE = `usage: cities-kg <command>
  start      [--accept-journal-loss]  serve the GraphQL API (GRAPH_STORE=memory|neo4j, PORT)
  validate   check seed/graph against the ontology and the sources
  report     print the coverage report of seed/graph
  seed       [--store memory|neo4j] [--reset --yes]  write the seed graph (and curated changes) to a store
  export     [--format backup|gexf|graphml|json] [--out FILE] [--ids a,b --depth N]
  import     --file FILE [--store memory|neo4j]  restore a backup into an empty store
  backup     --out FILE  copy the curation journal (CURATION_DB), safe while the server runs`;

const COMMANDS: Readonly<Record<string, Command>> = {
  start: startCommand,
  validate: validateCommand,
  report: reportCommand,
  seed: seedCommand,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
};

/** Runs the command named by `argv[0]`; resolves to the process's exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? 'no command given' : `unknown command "${name}"`}\n${USAGE}\n`);
    return 2;
  }
  try {
    const config = loadConfig();
    return await command(args, { config, logger: createLogger(config), out: process.stdout, err: process.stderr });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cities-kg: ${message}\n`);
    // Wrong words on the command line (including unknown flags from parseArgs) exit 2.
    const code = (error as { code?: unknown } | null)?.code;
    return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) ? 2 : 1;
  }
}

#!/usr/bin/env node
/**
 * Public. The command line: `start`, `validate`, `seed`, `report`.
 * Every failure prints a message that says what to do and exits non-zero.
 */
import { startApp, stopOnSignals } from './app';
import { ConfigError, loadConfig } from './config';
import { coverageReport, formatCoverageReport } from './ingest/coverage-report';
import { formatProblems, InvalidSeedError } from './ingest/load-seed';
import { createLogger } from './logger';
import { seedCommand, UsageError } from './ingest/seed-command';
import { exportCommand } from './backup/export-command';
import { importCommand } from './backup/import-command';
import { readSeed } from './ingest/read-seed';
import { validateGraph } from './domain/validate-graph';

const USAGE = `usage: cities-kg <command>
  start      serve the GraphQL API (GRAPH_STORE=memory|neo4j, PORT)
  validate   check seed/graph against the ontology and the sources
  seed       [--store memory|neo4j] [--reset --yes]  write the seed graph (and curated changes) to a store
  export     [--format backup|gexf|graphml|json] [--out FILE] [--ids a,b --depth N]
  import     --file FILE [--store memory|neo4j]  restore a backup into an empty store
  report     print the coverage report of seed/graph`;

async function validateCommand(): Promise<number> {
  const { graph, problems } = validateGraph(await readSeed(loadConfig().seedDir));
  if (problems.length > 0) {
    process.stderr.write(`seed/graph is invalid: ${problems.length} problem(s)\n${formatProblems(problems)}\n`);
    return 1;
  }
  process.stdout.write(`seed/graph is valid: ${graph.nodes.length} nodes, ${graph.relations.length} relations\n`);
  return 0;
}

async function reportCommand(): Promise<number> {
  const { graph, problems } = validateGraph(await readSeed(loadConfig().seedDir));
  if (problems.length > 0) {
    process.stderr.write(`seed/graph is invalid (${problems.length} problem(s)); run npm run validate\n`);
    return 1;
  }
  process.stdout.write(`${formatCoverageReport(coverageReport(graph))}\n`);
  return 0;
}

async function startCommand(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config);
  try {
    const server = await startApp(config, logger);
    stopOnSignals(server, logger);
    return 0;
  } catch (error) {
    if (error instanceof InvalidSeedError) {
      process.stderr.write(
        `cities-kg: refusing to serve an invalid graph. ${error.message}\nFix seed/graph (npm run validate lists the problems).\n`,
      );
      return 1;
    }
    throw error;
  }
}

/** A command that needs the configuration and a logger. */
function withConfig(
  command: (
    args: readonly string[],
    config: ReturnType<typeof loadConfig>,
    logger: ReturnType<typeof createLogger>,
    out: NodeJS.WritableStream,
  ) => Promise<number>,
) {
  return (args: readonly string[]): Promise<number> => {
    const config = loadConfig();
    return command(args, config, createLogger(config), process.stdout);
  };
}

const COMMANDS: Record<string, (args: readonly string[]) => Promise<number>> = {
  start: startCommand,
  seed: withConfig(seedCommand),
  export: withConfig(exportCommand),
  import: withConfig(importCommand),
  validate: validateCommand,
  report: reportCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? 'no command given' : `unknown command "${name}"`}\n${USAGE}\n`);
    return 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`cities-kg: ${message}\n`);
    // Wrong words on the command line (including unknown flags from parseArgs) exit 2.
    const code = (error as { code?: unknown }).code;
    const usage = error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
    process.exitCode = usage ? 2 : 1;
  },
);

/**
 * Test helper (no IO). A stand-in for the Neo4j driver behind `Neo4jExecutor` that records
 * every statement run, with its mode, database, parameters and transaction config, and
 * answers with rows a test supplies. It checks the adapter's batching and mapping logic;
 * it says nothing about whether Neo4j accepts the Cypher (the lint test and the contract
 * suite against a real Neo4j do that).
 */
import pino from 'pino';
import type { Logger } from '../../src/logger';
import {
  Neo4jExecutor,
  type CypherSession,
  type CypherSessionSource,
  type CypherTransaction,
  type CypherTransactionConfig,
} from '../../src/store/neo4j/Neo4jExecutor';

export interface RecordedRun {
  readonly mode: 'read' | 'write';
  readonly database: string;
  readonly text: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly config: CypherTransactionConfig;
}

/** Answers one statement: the rows the driver would return (driver values allowed). */
export type Answer = (text: string, parameters: Readonly<Record<string, unknown>>) => readonly Record<string, unknown>[];

export class RecordingSessions implements CypherSessionSource {
  readonly runs: RecordedRun[] = [];
  opened = 0;
  closed = 0;

  constructor(private readonly answer: Answer = () => []) {}

  session(database: string): CypherSession {
    this.opened += 1;
    const transaction = (mode: RecordedRun['mode'], config: CypherTransactionConfig): CypherTransaction => ({
      run: async (text, parameters) => {
        this.runs.push({ mode, database, text, parameters, config });
        return this.answer(text, parameters);
      },
    });
    return {
      executeRead: (work, config) => work(transaction('read', config)),
      executeWrite: (work, config) => work(transaction('write', config)),
      close: async () => {
        this.closed += 1;
      },
    };
  }

  /** The runs of one statement (recognised by its text). */
  runsOf(text: string): RecordedRun[] {
    return this.runs.filter((run) => run.text === text);
  }
}

export const silentLogger: Logger = pino({ level: 'silent' });

export function recordingExecutor(
  sessions: RecordingSessions,
  options: { readonly logger?: Logger; readonly transactionTimeoutMs?: number; readonly bulkTimeoutMs?: number } = {},
): Neo4jExecutor {
  return new Neo4jExecutor(sessions, {
    database: 'kgtest',
    transactionTimeoutMs: options.transactionTimeoutMs ?? 1234,
    ...(options.bulkTimeoutMs === undefined ? {} : { bulkTimeoutMs: options.bulkTimeoutMs }),
    logger: options.logger ?? silentLogger,
  });
}

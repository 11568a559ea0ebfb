/**
 * Internal. The one place the Neo4j adapter runs Cypher: a session per statement on the
 * named database, `executeRead` for reads and `executeWrite` for writes (the driver retries
 * transient failures of both), the configured transaction timeout, debug logging of each
 * statement, values converted by `neo4j-values.ts` and errors by `mapNeo4jError`.
 *
 * It talks to the driver through the narrow `CypherSessionSource` below, which
 * `createNeo4jStore` builds from a real driver and unit tests replace with a recording fake.
 */
import type { Logger } from '../../logger';
import type { CypherStatement } from './cypher';
import { mapNeo4jError } from './map-neo4j-error';
import { fromNeo4jRow, toNeo4jParameters, type PlainRow } from './neo4j-values';

/** A managed transaction: runs one statement and returns its rows as plain objects of driver values. */
export interface CypherTransaction {
  run(text: string, parameters: Readonly<Record<string, unknown>>): Promise<readonly Readonly<Record<string, unknown>>[]>;
}

export interface CypherTransactionConfig {
  /** Milliseconds; the server terminates the transaction after this. */
  readonly timeout: number;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface CypherSession {
  executeRead<T>(work: (tx: CypherTransaction) => Promise<T>, config: CypherTransactionConfig): Promise<T>;
  executeWrite<T>(work: (tx: CypherTransaction) => Promise<T>, config: CypherTransactionConfig): Promise<T>;
  close(): Promise<void>;
}

export interface CypherSessionSource {
  session(database: string): CypherSession;
}

export interface Neo4jExecutorOptions {
  readonly database: string;
  readonly transactionTimeoutMs: number;
  readonly logger: Logger;
}

/** Checks the rows of a write inside its transaction; throwing rolls the transaction back. */
export type WriteCheck = (rows: readonly PlainRow[]) => void;

function sameNames(declared: readonly string[], given: readonly string[]): boolean {
  const wanted = new Set(declared);
  return wanted.size === given.length && given.every((name) => wanted.has(name));
}

/** Parameters as they go into the debug log: list sizes rather than whole seed batches. */
function describeParameters(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, Array.isArray(value) ? `[${value.length} items]` : value]),
  );
}

export class Neo4jExecutor {
  constructor(
    private readonly sessions: CypherSessionSource,
    private readonly options: Neo4jExecutorOptions,
  ) {}

  /** Runs a read statement in a read transaction (routed to a reader in a cluster). */
  read(statement: CypherStatement, parameters: Readonly<Record<string, unknown>>): Promise<readonly PlainRow[]> {
    return this.execute('read', statement, parameters, undefined);
  }

  /** Runs a write statement in a write transaction; `check` runs inside it and may veto it. */
  write(statement: CypherStatement, parameters: Readonly<Record<string, unknown>>, check?: WriteCheck): Promise<readonly PlainRow[]> {
    return this.execute('write', statement, parameters, check);
  }

  private async execute(
    mode: 'read' | 'write',
    statement: CypherStatement,
    parameters: Readonly<Record<string, unknown>>,
    check: WriteCheck | undefined,
  ): Promise<readonly PlainRow[]> {
    // The lint test checks each statement against its declared parameters; this keeps the
    // call sites honest to the same declaration.
    if (!sameNames(statement.parameters, Object.keys(parameters))) {
      throw new Error(
        `neo4j statement ${statement.name} declares parameters [${statement.parameters.join(', ')}] but was given [${Object.keys(parameters).join(', ')}]`,
      );
    }
    this.options.logger.debug(
      { statement: statement.name, mode, cypher: statement.text, parameters: describeParameters(parameters) },
      'neo4j statement',
    );
    const config: CypherTransactionConfig = {
      timeout: this.options.transactionTimeoutMs,
      metadata: { app: 'cities-kg', statement: statement.name },
    };
    const work = async (tx: CypherTransaction): Promise<readonly PlainRow[]> => {
      const rows = (await tx.run(statement.text, toNeo4jParameters(parameters))).map(fromNeo4jRow);
      check?.(rows);
      return rows;
    };
    const session = this.sessions.session(this.options.database);
    try {
      return mode === 'read' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error, statement.name);
    } finally {
      await session.close();
    }
  }
}

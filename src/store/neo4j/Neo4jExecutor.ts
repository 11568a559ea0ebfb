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
  /** Server-side timeout of a request's transaction: at most STORE_TIMEOUT_MS (see `createNeo4jStore`). */
  readonly transactionTimeoutMs: number;
  /** Server-side timeout of the long operations (seed, clear, dump, project), which no request waits on. */
  readonly bulkTimeoutMs?: number;
  readonly logger: Logger;
}

/** Which timeout a transaction runs under. */
export type TimeoutClass = 'request' | 'bulk';

/** Runs one statement inside an open read transaction (see `Neo4jExecutor.readTransaction`). */
export type RunInTransaction = (statement: CypherStatement, parameters: Readonly<Record<string, unknown>>) => Promise<readonly PlainRow[]>;

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
  async read(
    statement: CypherStatement,
    parameters: Readonly<Record<string, unknown>>,
    timeout: TimeoutClass = 'request',
  ): Promise<readonly PlainRow[]> {
    this.checkParameters(statement, parameters);
    return await this.transaction('read', statement.name, timeout, (run) => run(statement, parameters));
  }

  /** Runs a write statement in a write transaction; `check` runs inside it and may veto it. */
  async write(
    statement: CypherStatement,
    parameters: Readonly<Record<string, unknown>>,
    check?: WriteCheck,
    timeout: TimeoutClass = 'request',
  ): Promise<readonly PlainRow[]> {
    this.checkParameters(statement, parameters);
    return await this.transaction('write', statement.name, timeout, async (run) => {
      const rows = await run(statement, parameters);
      check?.(rows);
      return rows;
    });
  }

  /**
   * Runs several read statements in one read transaction, so they see one state of the
   * graph (a level-by-level traversal, a paged dump). `work` may be run again when the
   * driver retries a transient failure, so it must only read.
   */
  readTransaction<T>(name: string, work: (run: RunInTransaction) => Promise<T>, timeout: TimeoutClass = 'request'): Promise<T> {
    return this.transaction('read', name, timeout, work);
  }

  private async transaction<T>(
    mode: 'read' | 'write',
    name: string,
    timeout: TimeoutClass,
    work: (run: RunInTransaction) => Promise<T>,
  ): Promise<T> {
    const config: CypherTransactionConfig = {
      timeout: timeout === 'bulk' ? (this.options.bulkTimeoutMs ?? this.options.transactionTimeoutMs) : this.options.transactionTimeoutMs,
      metadata: { app: 'cities-kg', statement: name },
    };
    let current = name;
    const inTransaction = (tx: CypherTransaction): Promise<T> =>
      work(async (statement, parameters) => {
        this.checkParameters(statement, parameters);
        current = statement.name;
        this.options.logger.debug(
          { statement: statement.name, mode, cypher: statement.text, parameters: describeParameters(parameters) },
          'neo4j statement',
        );
        return (await tx.run(statement.text, toNeo4jParameters(parameters))).map(fromNeo4jRow);
      });
    const session = this.sessions.session(this.options.database);
    try {
      return mode === 'read' ? await session.executeRead(inTransaction, config) : await session.executeWrite(inTransaction, config);
    } catch (error) {
      throw mapNeo4jError(error, current);
    } finally {
      await session.close();
    }
  }

  /** The lint test checks each statement against its declared parameters; this keeps the call sites honest to the same declaration. */
  private checkParameters(statement: CypherStatement, parameters: Readonly<Record<string, unknown>>): void {
    if (!sameNames(statement.parameters, Object.keys(parameters))) {
      throw new Error(
        `neo4j statement ${statement.name} declares parameters [${statement.parameters.join(', ')}] but was given [${Object.keys(parameters).join(', ')}]`,
      );
    }
  }
}

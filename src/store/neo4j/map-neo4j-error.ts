/**
 * Internal. Turns driver errors into the port's store errors, so that no Neo4j error class
 * or code leaves the adapter. Only codes with a clear meaning for a caller are mapped;
 * anything else (a bug in a statement, an outage, bad credentials) is rethrown unchanged
 * and ends up as an internal error at the API edge.
 */
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, GraphStoreError, InvalidArgumentError, NotFoundError, StoreTimeoutError } from '../GraphStore';

type StoreErrorClass = new (message: string, options?: ErrorOptions) => GraphStoreError;

/** Neo4j status codes (https://neo4j.com/docs/status-codes/current/errors/all-errors/). */
const STORE_ERROR_BY_CODE: Readonly<Record<string, { readonly error: StoreErrorClass; readonly says: string }>> = {
  'Neo.ClientError.Transaction.TransactionTimedOut': {
    error: StoreTimeoutError,
    says: 'the transaction hit the server timeout (db.transaction.timeout)',
  },
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration': {
    error: StoreTimeoutError,
    says: 'the transaction hit its timeout (NEO4J_TX_TIMEOUT_MS); narrow the request or raise the timeout',
  },
  'Neo.ClientError.Schema.ConstraintValidationFailed': {
    error: ConflictError,
    says: 'the write would break a uniqueness constraint (an id already held by another node)',
  },
  'Neo.ClientError.Statement.EntityNotFound': {
    error: NotFoundError,
    says: 'a node or relation was deleted while the statement ran',
  },
  'Neo.ClientError.Statement.ArgumentError': {
    error: InvalidArgumentError,
    says: 'Neo4j refused an argument',
  },
};

/**
 * The store error for `error` raised while running `operation`, or `error` itself when it is
 * already a store error or has no mapping (so callers can `throw mapNeo4jError(…)`).
 */
export function mapNeo4jError(error: unknown, operation: string): unknown {
  if (error instanceof GraphStoreError) return error;
  if (!(error instanceof Neo4jError)) return error;
  const mapped = STORE_ERROR_BY_CODE[error.code];
  if (mapped === undefined) return error;
  return new mapped.error(`${operation}: ${mapped.says} (${error.code})`, { cause: error });
}

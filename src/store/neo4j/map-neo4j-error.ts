/**
 * Internal. Turns driver errors into the port's store errors, so that no Neo4j error class
 * or code leaves the adapter. Only codes with a clear meaning for a caller are mapped;
 * anything else (a bug in a statement, bad credentials) is rethrown unchanged and ends up as
 * an internal error at the API edge. `Statement.ArgumentError` is one of those: every value
 * reaches Neo4j as a parameter the adapter built and checked, so Neo4j refusing one is an
 * adapter bug, not the caller's fault (it was InvalidArgumentError, i.e. BAD_USER_INPUT).
 */
import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import { ConflictError, GraphStoreError, NotFoundError, StoreTimeoutError, StoreUnavailableError } from '../GraphStore';

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
  // The driver's own codes: no server to talk to, or the one it talked to went away.
  [driverErrors.SERVICE_UNAVAILABLE]: {
    error: StoreUnavailableError,
    says: 'Neo4j cannot be reached (retried until the retry time ran out)',
  },
  [driverErrors.SESSION_EXPIRED]: {
    error: StoreUnavailableError,
    says: 'the Neo4j server serving the session went away',
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

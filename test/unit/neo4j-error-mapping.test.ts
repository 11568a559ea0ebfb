/**
 * The Neo4j adapter's error mapper: Neo4j status codes with a meaning for callers become the
 * port's store errors (asserted by class); everything else is rethrown unchanged.
 */
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, toClientError } from '../../src/errors';
import { ConflictError, NotFoundError, StoreTimeoutError, StoreUnavailableError } from '../../src/store/GraphStore';
import { mapNeo4jError } from '../../src/store/neo4j/map-neo4j-error';

const neo4jError = (code: string): Neo4jError =>
  new Neo4jError(`server says ${code}`, code, '50N42', 'error: general processing exception');

describe('mapNeo4jError', () => {
  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOut', StoreTimeoutError],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', StoreTimeoutError],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ConflictError],
    ['Neo.ClientError.Statement.EntityNotFound', NotFoundError],
    ['ServiceUnavailable', StoreUnavailableError],
    ['SessionExpired', StoreUnavailableError],
  ] as const)('maps %s to %p, keeping the driver error as the cause', (code, errorClass) => {
    const original = neo4jError(code);
    const mapped = mapNeo4jError(original, 'search');
    expect(mapped).toBeInstanceOf(errorClass);
    expect((mapped as Error).cause).toBe(original);
  });

  // ArgumentError: the adapter builds every parameter, so Neo4j refusing one is the adapter's bug.
  it.each(['Neo.ClientError.Statement.SyntaxError', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Statement.ArgumentError'])(
    'rethrows %s unchanged',
    (code) => {
      const original = neo4jError(code);
      expect(mapNeo4jError(original, 'search')).toBe(original);
    },
  );

  it('reports an unreachable store as SERVICE_UNAVAILABLE (503), an adapter bug as an internal error (500)', () => {
    expect(toClientError(mapNeo4jError(neo4jError('ServiceUnavailable'), 'search'))).toMatchObject({
      code: ErrorCode.SERVICE_UNAVAILABLE,
      status: 503,
      unexpected: false,
    });
    expect(toClientError(mapNeo4jError(neo4jError('Neo.ClientError.Statement.ArgumentError'), 'search'))).toMatchObject({
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      status: 500,
    });
  });

  it('passes store errors and non-driver errors through unchanged', () => {
    const storeError = new NotFoundError('gone');
    const bug = new TypeError('a bug');
    expect(mapNeo4jError(storeError, 'search')).toBe(storeError);
    expect(mapNeo4jError(bug, 'search')).toBe(bug);
  });
});

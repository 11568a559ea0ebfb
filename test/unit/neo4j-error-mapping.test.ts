/**
 * The Neo4j adapter's error mapper: Neo4j status codes with a meaning for callers become the
 * port's store errors (asserted by class); everything else is rethrown unchanged.
 */
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, InvalidArgumentError, NotFoundError, StoreTimeoutError } from '../../src/store/GraphStore';
import { mapNeo4jError } from '../../src/store/neo4j/map-neo4j-error';

const neo4jError = (code: string): Neo4jError =>
  new Neo4jError(`server says ${code}`, code, '50N42', 'error: general processing exception');

describe('mapNeo4jError', () => {
  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOut', StoreTimeoutError],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', StoreTimeoutError],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ConflictError],
    ['Neo.ClientError.Statement.EntityNotFound', NotFoundError],
    ['Neo.ClientError.Statement.ArgumentError', InvalidArgumentError],
  ] as const)('maps %s to %p, keeping the driver error as the cause', (code, errorClass) => {
    const original = neo4jError(code);
    const mapped = mapNeo4jError(original, 'search');
    expect(mapped).toBeInstanceOf(errorClass);
    expect((mapped as Error).cause).toBe(original);
  });

  it.each(['Neo.ClientError.Statement.SyntaxError', 'Neo.ClientError.Security.Unauthorized', 'ServiceUnavailable'])(
    'rethrows %s unchanged',
    (code) => {
      const original = neo4jError(code);
      expect(mapNeo4jError(original, 'search')).toBe(original);
    },
  );

  it('passes store errors and non-driver errors through unchanged', () => {
    const storeError = new NotFoundError('gone');
    const bug = new TypeError('a bug');
    expect(mapNeo4jError(storeError, 'search')).toBe(storeError);
    expect(mapNeo4jError(bug, 'search')).toBe(bug);
  });
});

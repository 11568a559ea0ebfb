/**
 * Public. A `GraphStore` decorator that bounds every call: a call that has not settled
 * within `timeoutMs` rejects with `StoreTimeoutError` (STORE_TIMEOUT at the API), so a slow
 * or hung store costs a client one bounded wait instead of a hanging request.
 *
 * It wraps whatever methods the store has (the port grows with the traversal queries), so a
 * new port method is bounded without touching this file. The underlying call is not
 * cancelled: for Neo4j, a request transaction times out on the server at the same bound
 * (the smaller of NEO4J_TX_TIMEOUT_MS and STORE_TIMEOUT_MS) and is not retried past it.
 */
import { StoreTimeoutError, type GraphStore } from './GraphStore';

/** Calls left unbounded: closing must finish however long it takes. */
const UNBOUNDED = new Set<PropertyKey>(['close']);

export function withTimeout<S extends GraphStore>(store: S, timeoutMs: number): S {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new RangeError(`withTimeout: timeoutMs must be a positive integer, got ${timeoutMs}`);
  }
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || UNBOUNDED.has(property)) return value;
      let bounded = wrapped.get(property);
      if (bounded === undefined) {
        const method = value as (...args: unknown[]) => unknown;
        bounded = (...args: unknown[]) => race(String(property), method.apply(target, args), timeoutMs);
        wrapped.set(property, bounded);
      }
      return bounded;
    },
  });
}

function race(operation: string, result: unknown, timeoutMs: number): unknown {
  if (!(result instanceof Promise)) return result;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new StoreTimeoutError(`${operation}: the store did not answer within ${timeoutMs} ms; try again later`)),
      timeoutMs,
    );
    // A pending timer must not keep a stopping process alive.
    timer.unref();
  });
  return Promise.race([result, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A store whose calls are counted by method name and forwarded unchanged (a Proxy), so the
 * round-trip benchmark can say how many store calls one GraphQL operation makes. The bench's
 * own: a measuring probe, not product code, and bench/ never imports test support.
 */
import type { GraphStore } from '../../src/store/GraphStore';

export interface CallCounter {
  readonly store: GraphStore;
  /** Calls per method since the last clear(). */
  readonly calls: Map<string, number>;
}

export function countStoreCalls(inner: GraphStore): CallCounter {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...params: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls };
}

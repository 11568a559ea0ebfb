/**
 * A real store whose method calls are counted (for round-trip tests): a Proxy over the
 * store that counts each call by method name and forwards it unchanged.
 */
import type { GraphStore } from '../../src/store/GraphStore';

export interface CountingStore {
  readonly store: GraphStore;
  readonly calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countCalls(inner: GraphStore): CountingStore {
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
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((sum, count) => sum + count, 0),
    reset: () => calls.clear(),
  };
}

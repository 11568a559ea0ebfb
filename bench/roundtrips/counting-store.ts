/**
 * A store whose method calls are counted: a Proxy that counts each call by method name and
 * forwards it unchanged (as test/support/counting-store.ts does for the round-trip test).
 */
import type { GraphStore } from '../../src/store/GraphStore';

export interface CountingStore {
  readonly store: GraphStore;
  readonly calls: Map<string, number>;
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
  return { store, calls };
}

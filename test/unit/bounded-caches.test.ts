/**
 * Every cache of the service has a bound (issue 17, item 4): the LRU under the analytics and
 * document caches, the per-generation analytics cache, Apollo's document store and the
 * rate limit's client counters; and the cost model counts real work.
 */
import { parse } from 'graphql';
import { estimatedMs, stepsOf } from '../../src/analytics/cost';
import { GenerationCache } from '../../src/analytics/generation-cache';
import { LruCache } from '../../src/analytics/lru-cache';
import { createDocumentStore } from '../../src/api/document-store';
import { BoundedRateStore } from '../../src/http/bounded-rate-store';

describe('LruCache', () => {
  it('holds at most its bound, evicting the least recently used', () => {
    const cache = new LruCache<string, number>({ maxSize: 3 });
    for (const key of ['a', 'b', 'c']) cache.set(key, 1);
    cache.get('a');
    cache.set('d', 1);
    expect([cache.has('a'), cache.has('b'), cache.has('c'), cache.has('d')]).toEqual([true, false, true, true]);
    expect(cache.size).toBe(3);
  });

  it('bounds the total size of its entries, and never holds one larger than the bound', () => {
    const cache = new LruCache<string, string>({ maxSize: 10, sizeOf: (value) => value.length });
    cache.set('a', 'xxxx');
    cache.set('b', 'xxxx');
    cache.set('c', 'xxxx');
    expect(cache.weight).toBeLessThanOrEqual(10);
    expect(cache.has('a')).toBe(false);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.has('huge')).toBe(false);
  });
});

describe('GenerationCache', () => {
  it('computes once per key and generation, shares a computation in flight, and forgets failures', async () => {
    let generation = 0;
    const cache = new GenerationCache(10, () => generation);
    let runs = 0;
    const compute = async (): Promise<number> => {
      runs += 1;
      return generation;
    };
    await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect(runs).toBe(1);
    generation = 1;
    expect(await cache.get('k', compute)).toBe(1);
    expect(runs).toBe(2);
    await expect(cache.get('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
  });

  it('holds at most its bound of entries', async () => {
    const cache = new GenerationCache(5, () => 0);
    for (let i = 0; i < 50; i += 1) await cache.get(`k${i}`, async () => i);
    expect(cache.stats().entries).toBe(5);
  });
});

describe('document store', () => {
  it('holds at most its bound of operation text, however many operations clients send', async () => {
    const store = createDocumentStore(10_000);
    for (let i = 0; i < 2_000; i += 1) {
      const document = parse(`{ a${i}: stats { nodes } }`);
      await store.set(`hash${i}`, document);
    }
    expect(store.characters).toBeLessThanOrEqual(10_000);
    expect(store.size).toBeLessThan(2_000);
    expect(await store.get('hash1999')).toBeDefined();
    expect(await store.get('hash0')).toBeUndefined();
  });
});

describe('BoundedRateStore', () => {
  it('counts hits per client within a window and holds at most maxClients clients', () => {
    const store = new BoundedRateStore(100);
    store.init({ windowMs: 60_000 } as Parameters<BoundedRateStore['init']>[0]);
    expect(store.increment('1.2.3.4').totalHits).toBe(1);
    expect(store.increment('1.2.3.4').totalHits).toBe(2);
    for (let i = 0; i < 10_000; i += 1) store.increment(`10.0.${i >> 8}.${i & 255}`);
    expect(store.size).toBe(100);
    // The oldest windows were forgotten first.
    expect(store.get('1.2.3.4')).toBeUndefined();
    expect(store.get('10.0.39.15')?.totalHits).toBe(1);
  });

  it('forgets expired windows', () => {
    const store = new BoundedRateStore(100);
    store.init({ windowMs: -1 } as Parameters<BoundedRateStore['init']>[0]);
    store.increment('a');
    store.increment('b');
    expect(store.get('a')).toBeUndefined();
    expect(store.increment('a').totalHits).toBe(1);
  });
});

describe('cost model', () => {
  it('counts ForceAtlas2 by pairs of nodes per iteration and betweenness by V·(V+E)', () => {
    const small = estimatedMs({ kind: 'subgraph', size: { nodes: 100, edges: 200 }, layout: 'FORCEATLAS2' });
    const large = estimatedMs({ kind: 'subgraph', size: { nodes: 400, edges: 800 }, layout: 'FORCEATLAS2' });
    expect(large / small).toBeGreaterThan(12); // quadratic in nodes
    expect(stepsOf({ kind: 'centrality', metric: 'BETWEENNESS', size: { nodes: 10, edges: 20 } })).toEqual([
      { algorithm: 'betweenness', steps: 300 },
    ]);
    expect(estimatedMs({ kind: 'subgraph', size: { nodes: 400, edges: 800 }, layout: 'NONE' })).toBeLessThan(large / 10);
  });
});

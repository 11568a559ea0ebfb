/**
 * The store timeout decorator: a call that never settles fails with StoreTimeoutError, a
 * call that settles passes its value or error through untouched, and plain properties and
 * `close` are not bounded.
 */
import { StoreTimeoutError, type GraphCounts } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { withTimeout } from '../../src/store/with-timeout';

class HangingStore extends MemoryGraphStore {
  closed = false;
  override counts(): Promise<GraphCounts> {
    return new Promise<GraphCounts>(() => undefined);
  }
  override async removeRelation(id: string): Promise<boolean> {
    throw new RangeError(`no ${id}`);
  }
  override async close(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 30));
    this.closed = true;
  }
}

it('fails a call that does not settle in time with StoreTimeoutError', async () => {
  const store = withTimeout(new HangingStore(), 20);
  await expect(store.counts()).rejects.toBeInstanceOf(StoreTimeoutError);
});

it('passes values and errors of calls that settle', async () => {
  const store = withTimeout(new HangingStore(), 1_000);
  await expect(store.getNodes(['city:nowhere'])).resolves.toEqual([null]);
  await expect(store.removeRelation('x')).rejects.toBeInstanceOf(RangeError);
  expect(store.kind).toBe('memory');
});

it('lets close take as long as it needs', async () => {
  const inner = new HangingStore();
  await withTimeout(inner, 5).close();
  expect(inner.closed).toBe(true);
});

it('refuses a timeout that is not a positive integer', () => {
  expect(() => withTimeout(new MemoryGraphStore(), 0)).toThrow(RangeError);
});

/**
 * The memory store's name index built in a worker thread (the compiled
 * dist/src/store/memory/names/term-index-worker.js that `pretest` builds) answers exactly as
 * the one built in this thread, and a search made before the worker's answer is in finds
 * the same (the index is then built here instead).
 */
import type { NodeRecord } from '../../src/domain/graph-document';
import { NameIndex, type IndexedNode, type NamedNodes } from '../../src/store/memory/names/NameIndex';
import * as background from '../../src/store/memory/names/background-terms';

// The real worker builds, counted (which builds a prepared index saves is what is tested).
jest.mock('../../src/store/memory/names/background-terms', () => {
  const actual = jest.requireActual<typeof background>('../../src/store/memory/names/background-terms');
  return { ...actual, buildInBackground: jest.fn(actual.buildInBackground) };
});

const NAMES = ['Karachi', 'Lahore', 'Mombasa', 'Nairobi', 'Karak', 'Kampala', 'Lamu', 'Dubai', 'Doha', 'Muscat'];

function cities(count: number): NodeRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `city:c${i}`,
    label: 'City',
    name: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length)}`,
    nameAr: `مدينة ${i}`,
    ...(i % 3 === 0 ? { aliases: [`Alias${i}`, 'Old Town'] } : {}),
    sources: [{ doc: 'doc:1', quote: 'a quote' }],
  })) as NodeRecord[];
}

function indexOf(records: readonly NodeRecord[], buildInWorkerFrom: number): NameIndex {
  const nodes: NamedNodes = {
    size: records.length,
    record: (node) => records[node] as NodeRecord,
    stringOf: (node, key) => records[node]?.[key],
    labelCodeOf: () => 0,
    rankOf: (node) => node,
  };
  const index = new NameIndex(nodes, { buildInWorkerFrom });
  const changed: IndexedNode[] = records.map((record, node) => ({ node, record }));
  index.upsert(changed);
  return index;
}

const QUERIES = ['karachi', 'kara', 'karachy 3', 'old town', 'مدينة 17', 'alias9', 'nothing here', 'lam'];

it('answers as the index built in this thread, once ready', async () => {
  const records = cities(600);
  const here = indexOf(records, Number.POSITIVE_INFINITY);
  const inWorker = indexOf(records, 0);
  await Promise.all([here.ready(), inWorker.ready()]);
  for (const query of QUERIES)
    expect({ query, found: inWorker.search(query, undefined, 20) }).toEqual({ query, found: here.search(query, undefined, 20) });
});

it('answers a search made before the worker is done, and takes later changes', async () => {
  const records = cities(600);
  const here = indexOf(records, Number.POSITIVE_INFINITY);
  const early = indexOf(records, 0);
  for (const query of QUERIES) expect(early.search(query, undefined, 20)).toEqual(here.search(query, undefined, 20));
  await early.ready();
  const renamed = { ...(records[5] as NodeRecord), name: 'Zanzibar' } as NodeRecord;
  records[5] = renamed;
  early.upsert([{ node: 5, record: renamed }]);
  here.upsert([{ node: 5, record: renamed }]);
  expect(early.search('zanzibar', undefined, 5)).toEqual(here.search('zanzibar', undefined, 5));
  expect(early.search('zanzibar', undefined, 5).map((match) => match.node)).toEqual([5]);
});

describe('a first index prepared before its merge (prepare)', () => {
  /** An index over a node table that is empty until `fill` (as a store's is before its first merge). */
  function emptyIndex(records: readonly NodeRecord[]) {
    let size = 0;
    const nodes: NamedNodes = {
      get size() {
        return size;
      },
      record: (node) => records[node] as NodeRecord,
      stringOf: (node, key) => records[node]?.[key],
      labelCodeOf: () => 0,
      rankOf: (node) => node,
    };
    const index = new NameIndex(nodes, { buildInWorkerFrom: 0 });
    const fill = (given: readonly NodeRecord[]): void => {
      size = given.length;
      index.upsert(given.map((record, node) => ({ node, record })));
    };
    return { index, fill };
  }

  const builds = jest.mocked(background.buildInBackground);
  beforeEach(() => builds.mockClear());

  it('is taken up by a merge bringing the same records as the same nodes, and answers as one built here', async () => {
    const records = cities(600);
    const { index, fill } = emptyIndex(records);
    index.prepare(records);
    fill(records);
    await index.ready();
    expect(builds).toHaveBeenCalledTimes(1);
    const here = indexOf(records, Number.POSITIVE_INFINITY);
    for (const query of QUERIES) expect(index.search(query, undefined, 20)).toEqual(here.search(query, undefined, 20));
  });

  it('is stopped, and the index built for what the merge brings, when the records differ', async () => {
    const prepared = cities(600);
    const merged = prepared.map((record, i) => (i === 7 ? ({ ...record, name: 'Zanzibar' } as NodeRecord) : record));
    const { index, fill } = emptyIndex(merged);
    index.prepare(prepared);
    const first = builds.mock.results[0]?.value as background.BackgroundBuild;
    const stop = jest.spyOn(first, 'stop');
    fill(merged);
    await index.ready();
    expect(stop).toHaveBeenCalled();
    expect(builds).toHaveBeenCalledTimes(2);
    expect(index.search('zanzibar', undefined, 5).map((match) => match.node)).toEqual([7]);
  });

  it('is stopped by its answer (the merge is not coming)', () => {
    const records = cities(600);
    const { index } = emptyIndex(records);
    const drop = index.prepare(records);
    const stop = jest.spyOn(builds.mock.results[0]?.value as background.BackgroundBuild, 'stop');
    drop();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

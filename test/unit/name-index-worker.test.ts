/**
 * The memory store's name index built in a worker thread (the compiled
 * dist/src/store/memory/names/term-index-worker.js that `pretest` builds) answers exactly as
 * the one built in this thread, and a search made before the worker's answer is in finds
 * the same (the index is then built here instead).
 */
import type { NodeRecord } from '../../src/domain/graph-document';
import { NameIndex, type IndexedNode, type NamedNodes } from '../../src/store/memory/names/NameIndex';

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

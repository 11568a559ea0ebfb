/**
 * The memory store's node table keeps each node's name and Arabic name in columns of their
 * own (not in the record's packed words), so a subgraph or a list reads them without
 * decoding. Whatever is written, replaced, put back after a failed merge or cut off by a
 * truncate, the names read alone and the records decoded whole must stay what was merged.
 */
import type { NodeRecord } from '../../src/domain/graph-document';
import { NodeTable } from '../../src/store/memory/node-table';
import { StringPool } from '../../src/store/memory/string-pool';

function city(id: string, name: string, nameAr: string, extra: Partial<Record<'population' | 'aliases', unknown>> = {}): NodeRecord {
  return { id, label: 'City', name, nameAr, sources: [{ doc: 'doc:000', quote: 'كراتشي' }], ...extra } as NodeRecord;
}

function expectNode(table: NodeTable, node: number, record: NodeRecord): void {
  expect(table.stringOf(node, 'name')).toBe(record.name);
  expect(table.stringOf(node, 'nameAr')).toBe(record.nameAr);
  expect(table.record(node)).toEqual(record);
  // Keys come back in the order they were merged, the names among them.
  expect(Object.keys(table.record(node))).toEqual(Object.keys(record));
}

describe('memory node table: names in columns', () => {
  const karachi = city('city:karachi', 'Karachi', 'كراتشي', { aliases: ['Karachi city'] });
  const lahore = city('city:lahore', 'Lahore', 'لاهور');

  it('reads each name alone and in the whole record, keys in merged order', () => {
    const table = new NodeTable(new StringPool());
    const nameLast = { id: 'city:x', label: 'City', sources: [{ doc: 'doc:000', quote: 'م' }], nameAr: 'س', name: 'X' } as NodeRecord;
    [karachi, lahore, nameLast].forEach((record) => table.add(record));
    expectNode(table, 0, karachi);
    expectNode(table, 1, lahore);
    expectNode(table, 2, nameLast);
  });

  it('follows a replace, and a restore puts the old names back', () => {
    const table = new NodeTable(new StringPool());
    table.add(karachi);
    table.add(lahore);
    const renamed = city('city:karachi', 'Karāchi', 'كَراتشي');
    const before = table.replace(0, renamed);
    expectNode(table, 0, renamed);
    table.restore(before);
    expectNode(table, 0, karachi);
    expectNode(table, 1, lahore);
  });

  it('forgets the names of nodes a truncate drops, and the next node gets its own', () => {
    const table = new NodeTable(new StringPool());
    table.add(karachi);
    const mark = table.mark;
    table.add(lahore);
    table.truncate(mark);
    expect(table.size).toBe(1);
    const quetta = city('city:quetta', 'Quetta', 'كويتا');
    expect(table.add(quetta)).toBe(1);
    expectNode(table, 0, karachi);
    expectNode(table, 1, quetta);
  });
});

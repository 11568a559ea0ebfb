/**
 * The memory store's relation table gives each row its id whether the id is derived from
 * the row's columns (`from-TYPE->to`, not stored) or kept in its words (any other id). Which
 * of the two a row's shape holds is remembered per shape code, so the test mixes both in one
 * table, replaces a row's record by one of the other kind, and fills the table again after
 * clear() (the codec keeps its shapes through it, and so does the table's memory of them).
 */
import { relationId, type RelationRecord } from '../../src/domain/graph-document';
import { RelationTable } from '../../src/store/memory/relation-table';
import { StringPool } from '../../src/store/memory/string-pool';

const NODES = ['city:a', 'city:b', 'city:c'];

function relation(from: number, to: number, id?: string): RelationRecord {
  const ends = { type: 'PART_OF' as const, from: NODES[from] ?? '', to: NODES[to] ?? '' };
  return { ...ends, confidence: 'STATED', sources: [{ doc: 'doc:000', quote: 'م' }], id: id ?? relationId(ends) };
}

function tableOf(records: readonly { readonly record: RelationRecord; readonly from: number; readonly to: number }[]): RelationTable {
  const table = new RelationTable(new StringPool(), (node) => NODES[node] ?? '');
  for (const { record, from, to } of records) table.add(record, from, to);
  return table;
}

function expectIds(table: RelationTable, ids: readonly string[]): void {
  ids.forEach((id, row) => {
    expect(table.idOf(row)).toBe(id);
    expect(table.record(row).id).toBe(id);
    expect(table.rowOf(id)).toBe(row);
  });
}

describe('memory relation table: derived and stored ids', () => {
  const derived = { record: relation(0, 1), from: 0, to: 1 };
  const stored = { record: relation(1, 2, 'rel:kept-as-written'), from: 1, to: 2 };
  const alsoDerived = { record: relation(0, 2), from: 0, to: 2 };
  const alsoStored = { record: relation(2, 0, 'rel:also-written'), from: 2, to: 0 };

  it('gives the derived id and the stored one, in either order of first sight', () => {
    expectIds(tableOf([derived, stored, alsoDerived]), [derived.record.id, stored.record.id, alsoDerived.record.id]);
    expectIds(tableOf([stored, derived, alsoStored]), [stored.record.id, derived.record.id, alsoStored.record.id]);
  });

  it('follows a row whose record is replaced by one with an id of the other kind', () => {
    const table = tableOf([derived]);
    expect(table.idOf(0)).toBe(derived.record.id);
    table.replace(0, { ...derived.record, id: 'rel:renamed' });
    expect(table.idOf(0)).toBe('rel:renamed');
  });

  it('gives the same ids after clear() and the other kind first', () => {
    const table = tableOf([derived, stored]);
    expectIds(table, [derived.record.id, stored.record.id]);
    table.clear();
    for (const { record, from, to } of [stored, derived]) table.add(record, from, to);
    expectIds(table, [stored.record.id, derived.record.id]);
  });
});

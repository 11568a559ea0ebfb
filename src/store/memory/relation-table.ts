/**
 * Internal. The relations of the memory store as columns: ends as node indices and the type
 * as a code (what traversals read), plus the record as written (what reads return).
 *
 * The id → row map is built only when something asks for a relation by id (a merge into a
 * store that already holds relations, or removeRelation): a bulk load into an empty store
 * never needs it, and at a million relations it would cost more than the rest of the load.
 */
import type { RelationRecord } from '../../domain/graph-document';
import { TYPE_CODE } from './codes';
import { ensureInt32, ensureUint8 } from './growable';

/** Type code of a removed row. */
export const REMOVED = 255;

export class RelationTable {
  /** The record per row; undefined once removed. */
  readonly records: (RelationRecord | undefined)[] = [];
  from: Int32Array = new Int32Array(0);
  to: Int32Array = new Int32Array(0);
  types: Uint8Array = new Uint8Array(0);
  private live = 0;
  private byId: Map<string, number> | undefined;

  /** Rows ever written, removed ones included (the bound for loops over rows). */
  get rows(): number {
    return this.records.length;
  }

  /** Relations in the store now. */
  get size(): number {
    return this.live;
  }

  add(record: RelationRecord, from: number, to: number): number {
    const row = this.records.length;
    this.records.push(record);
    this.from = ensureInt32(this.from, row + 1);
    this.to = ensureInt32(this.to, row + 1);
    this.types = ensureUint8(this.types, row + 1);
    this.from[row] = from;
    this.to[row] = to;
    this.types[row] = TYPE_CODE[record.type];
    this.live += 1;
    this.byId?.set(record.id, row);
    return row;
  }

  /** Replaces the record of a row whose id, type and ends are unchanged. */
  replace(row: number, record: RelationRecord): void {
    this.records[row] = record;
  }

  rowOf(id: string): number | undefined {
    return this.idIndex().get(id);
  }

  remove(row: number): void {
    const record = this.records[row];
    if (!record) return;
    this.byId?.delete(record.id);
    this.records[row] = undefined;
    this.types[row] = REMOVED;
    this.live -= 1;
  }

  /** Drops the rows added from `rows` on (a bulk load that has to be redone row by row). */
  truncate(rows: number): void {
    for (let row = rows; row < this.records.length; row += 1) {
      const record = this.records[row];
      if (!record) continue;
      this.byId?.delete(record.id);
      this.live -= 1;
    }
    this.records.length = rows;
  }

  clear(): void {
    this.records.length = 0;
    this.from = new Int32Array(0);
    this.to = new Int32Array(0);
    this.types = new Uint8Array(0);
    this.live = 0;
    this.byId = undefined;
  }

  private idIndex(): Map<string, number> {
    if (!this.byId) {
      const byId = new Map<string, number>();
      this.records.forEach((record, row) => {
        if (record) byId.set(record.id, row);
      });
      this.byId = byId;
    }
    return this.byId;
  }
}

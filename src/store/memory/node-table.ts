/**
 * Internal. The nodes of the memory store: each node gets a dense index at its first merge
 * (never reused: nodes are only ever corrected, not removed one by one), and the record is
 * kept as written, by reference, so reads return it without copying.
 */
import type { NodeRecord } from '../../domain/graph-document';
import { LABEL_CODE } from './codes';
import { ensureUint8 } from './growable';

export class NodeTable {
  /** Node index by id. */
  readonly index = new Map<string, number>();
  readonly records: NodeRecord[] = [];
  /** Label code per node index (see codes.ts). */
  labels: Uint8Array = new Uint8Array(0);

  get size(): number {
    return this.records.length;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  record(index: number): NodeRecord {
    return this.records[index]!;
  }

  idOf(index: number): string {
    return this.records[index]!.id;
  }

  add(record: NodeRecord): number {
    const index = this.records.length;
    this.records.push(record);
    this.index.set(record.id, index);
    this.labels = ensureUint8(this.labels, index + 1);
    this.labels[index] = LABEL_CODE[record.label];
    return index;
  }

  /** Replaces a record in place; the label never changes (the merge refuses that first). */
  replace(index: number, record: NodeRecord): void {
    this.records[index] = record;
  }

  /** Drops the nodes added from `length` on (a merge that failed its checks). */
  truncate(length: number): void {
    for (let index = length; index < this.records.length; index += 1) this.index.delete(this.records[index]!.id);
    this.records.length = length;
  }

  clear(): void {
    this.index.clear();
    this.records.length = 0;
    this.labels = new Uint8Array(0);
  }
}

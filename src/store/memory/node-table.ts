/**
 * Internal. The nodes of the memory store: each node gets a dense index at its first merge
 * (never reused: nodes are only ever corrected, not removed one by one). Typed columns hold
 * what traversals read (label and kind codes); the rest of the record is packed by the
 * RecordCodec and read back equal to what was merged.
 */
import type { NodeRecord } from '../../domain/graph-document';
import { NODE_LABELS, type NodeLabel } from '../../domain/ontology';
import { LABEL_CODE } from './codes';
import { growInt32, growUint8, int32At, itemAt, uint8At } from './columns';
import { IdHash } from './id-hash';
import { RecordCodec } from './record-codec';
import type { StringPool } from './string-pool';

/** What a node row held before a write, so a merge that fails its checks can put it back. */
export interface NodeRowState {
  readonly node: number;
  readonly shape: number;
  readonly start: number;
  readonly kind: number;
  readonly name: string | undefined;
  readonly nameAr: string | undefined;
}

/**
 * Node values kept in columns rather than in the packed record: the id and label, and the
 * names (when strings, as every valid record has them). A drawing or a list reads the
 * names of hundreds of scattered nodes a call; from the packed words each read cost four
 * cache misses (the row's shape and start, its words, the string pool), from a column one.
 */
const isNodeColumn = (key: string, value: unknown): boolean =>
  key === 'id' || key === 'label' || ((key === 'name' || key === 'nameAr') && typeof value === 'string');

export class NodeTable {
  private readonly ids: string[] = [];
  /** The name and Arabic name per node, undefined where the record has none as a string. */
  private readonly names: (string | undefined)[] = [];
  private readonly namesAr: (string | undefined)[] = [];
  /**
   * Nodes by id: node numbers in an open-addressing table that compares with `ids` (no
   * map entry per node; at 334k nodes half the time of a Map's lookups and inserts).
   */
  private byId = new IdHash((node) => this.idOf(node));
  /** Label code per node (see codes.ts). */
  labels = new Uint8Array(0);
  /** StringPool code of the node's `kind` (event, programme, city, organisation kinds), or -1. */
  kinds = new Int32Array(0);
  private shapes = new Int32Array(0);
  private starts = new Int32Array(0);
  private readonly codec: RecordCodec;

  constructor(private readonly strings: StringPool) {
    this.codec = new RecordCodec(strings);
  }

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  idOf(node: number): string {
    return itemAt(this.ids, node);
  }

  labelCodeOf(node: number): number {
    return uint8At(this.labels, node);
  }

  labelOf(node: number): NodeLabel {
    return itemAt(NODE_LABELS, uint8At(this.labels, node));
  }

  /** The record as merged (a fresh object each time: callers may keep or change it). */
  record(node: number): NodeRecord {
    // The codec returns the keys and values that were merged; their type is the merged one.
    return this.codec.decode(int32At(this.shapes, node), int32At(this.starts, node), this.column, node) as NodeRecord;
  }

  /** One string property of a node (`name`, `nameAr`…), read without decoding the record. */
  stringOf(node: number, key: string): string | undefined {
    if (key === 'name') return this.names[node];
    if (key === 'nameAr') return this.namesAr[node];
    return this.codec.stringValue(int32At(this.shapes, node), int32At(this.starts, node), key);
  }

  /** A column's value of a node, for the codec's decoders (a name is a column only where it is a string). */
  private readonly column = (key: string, node: number): string => {
    switch (key) {
      case 'id':
        return this.idOf(node);
      case 'label':
        return this.labelOf(node);
      case 'name':
        return this.names[node] ?? '';
      default:
        return this.namesAr[node] ?? '';
    }
  };

  /** Makes room for `more` nodes (a bulk load). */
  reserve(more: number): void {
    const length = this.size + more;
    this.labels = growUint8(this.labels, length);
    this.kinds = growInt32(this.kinds, length);
    this.shapes = growInt32(this.shapes, length);
    this.starts = growInt32(this.starts, length);
    this.codec.reserve(more * 8);
  }

  add(record: NodeRecord): number {
    const node = this.ids.length;
    if (node >= this.labels.length) this.reserve(1);
    this.ids.push(record.id);
    this.byId.add(record.id, node);
    this.labels[node] = LABEL_CODE[record.label];
    this.write(node, record);
    return node;
  }

  /** Replaces a record in place; the label never changes (the merge refuses that first). */
  replace(node: number, record: NodeRecord): NodeRowState {
    const before = this.state(node);
    this.codec.release(before.shape, before.start);
    this.write(node, record);
    return before;
  }

  /** Puts a row back as it was before a replace (a merge that failed its checks). */
  restore(state: NodeRowState): void {
    this.shapes[state.node] = state.shape;
    this.starts[state.node] = state.start;
    this.kinds[state.node] = state.kind;
    this.names[state.node] = state.name;
    this.namesAr[state.node] = state.nameAr;
  }

  /** How many payload words are written: with `truncate`, what a failed merge undoes. */
  get mark(): { readonly nodes: number; readonly words: number } {
    return { nodes: this.size, words: this.codec.size };
  }

  /** Drops the nodes and words added after `mark` (a merge that failed its checks). */
  truncate(mark: { readonly nodes: number; readonly words: number }): void {
    for (let node = mark.nodes; node < this.ids.length; node += 1) this.byId.delete(this.idOf(node));
    this.ids.length = mark.nodes;
    this.names.length = mark.nodes;
    this.namesAr.length = mark.nodes;
    this.codec.truncate(mark.words);
  }

  /** Rewrites the payloads without the words of replaced records, once they are many (after a merge). */
  compactIfWorthIt(): void {
    if (this.codec.needsCompaction()) this.codec.compact(this.shapes, this.starts, this.size);
  }

  clear(): void {
    this.byId = new IdHash((node) => this.idOf(node));
    this.ids.length = 0;
    this.names.length = 0;
    this.namesAr.length = 0;
    this.labels = new Uint8Array(0);
    this.kinds = new Int32Array(0);
    this.shapes = new Int32Array(0);
    this.starts = new Int32Array(0);
    this.codec.clear();
  }

  private state(node: number): NodeRowState {
    return {
      node,
      shape: int32At(this.shapes, node),
      start: int32At(this.starts, node),
      kind: int32At(this.kinds, node),
      name: this.names[node],
      nameAr: this.namesAr[node],
    };
  }

  private write(node: number, record: NodeRecord): void {
    this.starts[node] = this.codec.size;
    this.shapes[node] = this.codec.encode(record, isNodeColumn);
    // Set whether or not the record has them, so a replaced record leaves no old name behind.
    this.names[node] = stringOrUndefined(record.name);
    this.namesAr[node] = stringOrUndefined(record.nameAr);
    this.kinds[node] = 'kind' in record && typeof record.kind === 'string' ? this.strings.intern(record.kind) : -1;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

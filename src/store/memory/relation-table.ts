/**
 * Internal. The relations of the memory store as columns: ends as node indices and the type
 * as a code (what traversals read), and the rest of the record packed by the RecordCodec.
 * An id derived from the ends and type (graph-document.ts `relationId`, as every id the
 * ingest and curation make is) is not stored at all: it is derived again on read; any other
 * id is kept with the record.
 *
 * Rows by id are found through an IdHash, built only when something first asks for a
 * relation by id (a merge into a store that already holds relations, or removeRelation): a
 * bulk load into an empty store never needs it.
 */
import { relationId, type RelationRecord } from '../../domain/graph-document';
import { RELATION_TYPES, type RelationType } from '../../domain/ontology';
import { confidenceCode, TYPE_CODE } from './codes';
import { growInt32, growUint8, int32At, itemAt, uint8At } from './columns';
import { hashOf, hashOfParts, IdHash } from './id-hash';
import { RecordCodec } from './record-codec';
import type { StringPool } from './string-pool';

/** Type code of a removed row. */
export const REMOVED = 255;

/** `-TYPE->`, the middle of a derived id, per type. */
const ID_MIDDLE = Object.fromEntries(RELATION_TYPES.map((type) => [type, `-${type}->`])) as Readonly<Record<RelationType, string>>;
/** Whether relationId still writes `from-TYPE->to`, which isDerivedId reads without building it. */
const ID_FORMAT_HOLDS = relationId({ from: 'a', type: 'IN_COUNTRY', to: 'b' }) === 'a-IN_COUNTRY->b';

/**
 * Whether a relation's id is the one relationId derives, compared piece by piece: building
 * the derived id to compare would make (and flatten) a million strings at a million relations.
 */
function isDerivedId(record: RelationRecord): boolean {
  if (!ID_FORMAT_HOLDS) return record.id === relationId(record);
  const { id, from, type, to } = record;
  const middle = ID_MIDDLE[type];
  return (
    id.length === from.length + middle.length + to.length && id.startsWith(from) && id.startsWith(middle, from.length) && id.endsWith(to)
  );
}

/** Relation values kept in typed columns rather than in the packed record. */
const isEndOrType = (key: string): boolean => key === 'type' || key === 'from' || key === 'to';
/** The same, for a record whose id is the derived one (read back from the columns). */
const isEndTypeOrId = (key: string): boolean => key === 'id' || isEndOrType(key);

export class RelationTable {
  from = new Int32Array(0);
  to = new Int32Array(0);
  /** Type code per row; REMOVED once removed. */
  types = new Uint8Array(0);
  /** Confidence code per row (`confidenceCode`), for minConfidence filters without decoding records. */
  confidences = new Uint8Array(0);
  private shapes = new Int32Array(0);
  private starts = new Int32Array(0);
  /**
   * 1 where a row keeps its id in its words, 0 where the id is derived from the columns:
   * asked first, so reading a derived id (most rows) never touches the row's shape and
   * start, two cache misses of a subgraph's ~800 relations each at a million relations.
   */
  private idsStored = new Uint8Array(0);
  private rowCount = 0;
  private live = 0;
  private readonly codec: RecordCodec;
  private byId: IdHash | undefined;

  /** @param idOfNode the id of a node index (relations hold ends as indices). */
  constructor(
    strings: StringPool,
    private readonly idOfNode: (node: number) => string,
  ) {
    this.codec = new RecordCodec(strings);
  }

  /** Rows ever written, removed ones included (the bound for loops over rows). */
  get rows(): number {
    return this.rowCount;
  }

  /** Relations in the store now. */
  get size(): number {
    return this.live;
  }

  isLive(row: number): boolean {
    return uint8At(this.types, row) !== REMOVED;
  }

  typeOf(row: number): RelationType {
    return itemAt(RELATION_TYPES, uint8At(this.types, row));
  }

  confidenceOf(row: number): number {
    return uint8At(this.confidences, row);
  }

  fromOf(row: number): number {
    return int32At(this.from, row);
  }

  toOf(row: number): number {
    return int32At(this.to, row);
  }

  /** The id of a live row. */
  idOf(row: number): string {
    return this.storedId(row) ?? this.derivedId(row);
  }

  /**
   * The id of a live row whose ends and type code the caller has read already (from an
   * adjacency run): a derived id is built from them without reading the row's columns.
   */
  idOfParts(row: number, from: number, typeCode: number, to: number): string {
    return this.storedId(row) ?? this.joinedId(from, typeCode, to);
  }

  /** The id kept in a row's words, or undefined where it is derived from the row's columns. */
  private storedId(row: number): string | undefined {
    if (uint8At(this.idsStored, row) === 0) return undefined;
    return this.codec.stringValue(int32At(this.shapes, row), int32At(this.starts, row), 'id');
  }

  /** One string property of a live row (`role`, `title`…), read without decoding the record. */
  stringOf(row: number, key: string): string | undefined {
    return this.codec.stringValue(int32At(this.shapes, row), int32At(this.starts, row), key);
  }

  /** The record of a live row as merged (a fresh object each time). */
  record(row: number): RelationRecord {
    // The codec returns the keys and values that were merged; their type is the merged one.
    return this.codec.decode(int32At(this.shapes, row), int32At(this.starts, row), this.column, row) as RelationRecord;
  }

  /**
   * Whether the ids of `rows`, in this order, are in string order, known from the ends
   * alone: derived ids order as (from id, type, to id) (the caller sorted them so) except
   * where a from id is another's followed by a hyphen (`city:a`, `city:a-1`), which the
   * check finds between neighbours without building any id. `froms` holds each row's from
   * node (the caller has it from an adjacency run).
   */
  idsInOrder(rows: Int32Array, froms: Int32Array): boolean {
    if (!ID_FORMAT_HOLDS) return false;
    let previous = '';
    for (let i = 0; i < rows.length; i += 1) {
      if (uint8At(this.idsStored, int32At(rows, i)) === 1) return false;
      const from = this.idOfNode(int32At(froms, i));
      if (
        from !== previous &&
        previous !== '' &&
        from.length > previous.length &&
        from.startsWith(previous) &&
        from.charCodeAt(previous.length) === 45
      ) {
        return false;
      }
      previous = from;
    }
    return true;
  }

  /** Type, ends and derived id of a row, for the codec's decoders. */
  private readonly column = (key: string, row: number): string => {
    switch (key) {
      case 'type':
        return this.typeOf(row);
      case 'from':
        return this.idOfNode(this.fromOf(row));
      case 'to':
        return this.idOfNode(this.toOf(row));
      default:
        return this.derivedId(row);
    }
  };

  /** Makes room for `more` rows (a bulk load). */
  reserve(more: number): void {
    const length = this.rowCount + more;
    this.from = growInt32(this.from, length);
    this.to = growInt32(this.to, length);
    this.types = growUint8(this.types, length);
    this.confidences = growUint8(this.confidences, length);
    this.shapes = growInt32(this.shapes, length);
    this.starts = growInt32(this.starts, length);
    this.idsStored = growUint8(this.idsStored, length);
    this.codec.reserve(more * 6);
  }

  /** @param derivedId whether the caller knows the id to be relationId's (else the table compares). */
  add(record: RelationRecord, from: number, to: number, derivedId = isDerivedId(record)): number {
    const row = this.rowCount;
    if (row >= this.types.length) this.reserve(1);
    this.from[row] = from;
    this.to[row] = to;
    this.types[row] = TYPE_CODE[record.type];
    this.confidences[row] = confidenceCode(record.confidence);
    this.write(row, record, derivedId);
    this.rowCount += 1;
    this.live += 1;
    this.byId?.add(record.id, row);
    return row;
  }

  /** Replaces the record of a row whose id, type and ends are unchanged. */
  replace(row: number, record: RelationRecord): void {
    this.codec.release(int32At(this.shapes, row), int32At(this.starts, row));
    this.confidences[row] = confidenceCode(record.confidence);
    this.write(row, record, isDerivedId(record));
  }

  rowOf(id: string): number | undefined {
    return this.idIndex().get(id);
  }

  remove(row: number): void {
    if (!this.isLive(row)) return;
    this.byId?.delete(this.idOf(row));
    this.codec.release(int32At(this.shapes, row), int32At(this.starts, row));
    this.types[row] = REMOVED;
    this.shapes[row] = -1;
    this.live -= 1;
  }

  /** Rewrites the payloads without the words of replaced or removed records, once they are many. */
  compactIfWorthIt(): void {
    if (this.codec.needsCompaction()) this.codec.compact(this.shapes, this.starts, this.rowCount);
  }

  clear(): void {
    this.from = new Int32Array(0);
    this.to = new Int32Array(0);
    this.types = new Uint8Array(0);
    this.confidences = new Uint8Array(0);
    this.shapes = new Int32Array(0);
    this.starts = new Int32Array(0);
    this.idsStored = new Uint8Array(0);
    this.rowCount = 0;
    this.live = 0;
    this.codec.clear();
    this.byId = undefined;
  }

  /** The hash of a row's id; a derived id is hashed in parts, without building it (a million at the first lookup). */
  private idHash(row: number): number {
    const stored = this.storedId(row);
    if (stored !== undefined) return hashOf(stored);
    if (!ID_FORMAT_HOLDS) return hashOf(this.derivedId(row));
    return hashOfParts([this.idOfNode(this.fromOf(row)), ID_MIDDLE[this.typeOf(row)], this.idOfNode(this.toOf(row))]);
  }

  private derivedId(row: number): string {
    return this.joinedId(this.fromOf(row), uint8At(this.types, row), this.toOf(row));
  }

  /** The derived id of a relation of type code `typeCode` from node `fromNode` to node `toNode`. */
  private joinedId(fromNode: number, typeCode: number, toNode: number): string {
    const from = this.idOfNode(fromNode);
    const type = itemAt(RELATION_TYPES, typeCode);
    const to = this.idOfNode(toNode);
    // Joined here where the format holds: no key object for relationId per id read (a
    // subgraph reads some 500 a call, and those objects were a ninth of what it allocated).
    return ID_FORMAT_HOLDS ? from + ID_MIDDLE[type] + to : relationId({ from, type, to });
  }

  private write(row: number, record: RelationRecord, derived: boolean): void {
    // The id is left out of the words when reading it back from the columns gives it again.
    this.starts[row] = this.codec.size;
    this.shapes[row] = this.codec.encode(record, derived ? isEndTypeOrId : isEndOrType);
    this.idsStored[row] = derived ? 0 : 1;
  }

  private idIndex(): IdHash {
    if (!this.byId) {
      const byId = new IdHash((row) => this.idOf(row), this.live);
      for (let row = 0; row < this.rowCount; row += 1) if (this.isLive(row)) byId.addHashed(this.idHash(row), row);
      this.byId = byId;
    }
    return this.byId;
  }
}

/**
 * Internal. Records as rows of integers: each record's keys, in the order it was written,
 * form a shape (interned, like the hidden classes of a JavaScript engine), and its values
 * are packed into a run of 32-bit words that the shape tells how to read back:
 *
 * - a string is a code of the shared StringPool (names, kinds, roles, quotes, document ids);
 * - a small integer is itself; any other number, an index into a number list;
 * - an array of strings (aliases) is a count and the codes;
 * - an array of objects whose values are all strings (sources: `{ doc, quote }`) is a count
 *   and, per object, its interned key list and the codes;
 * - true, false, null and undefined are in the shape and take no words;
 * - a value a table keeps in a typed column (ids, labels, types, ends) takes no words;
 * - anything else is kept as given, by reference.
 *
 * So no property is known in advance: a property or value type added to the ontology flows
 * through unchanged, and a record reads back equal to the one written, keys in order.
 */
import { growFloat64, growInt32, int32At, itemAt } from './columns';
import type { StringPool } from './string-pool';

const COLUMN = 0;
const UNDEFINED = 1;
const NULL = 2;
const TRUE = 3;
const FALSE = 4;
const STRING = 5;
const INT = 6;
const NUMBER = 7;
const STRINGS = 8;
const OBJECTS = 9;
const OTHER = 10;

/** Builds the record of one shape from its words (compileDecoder). */
type Decoder = (
  words: Int32Array,
  start: number,
  strings: readonly string[],
  column: ColumnReader,
  row: number,
  numbers: Float64Array,
  others: readonly unknown[],
  elements: readonly ElementDecoder[],
) => Record<string, unknown>;

/** Builds one object of an array of string-valued objects, from its words, and says how many it reads. */
interface ElementDecoder {
  readonly keys: readonly string[];
  readonly build: (words: Int32Array, at: number, strings: readonly string[]) => Record<string, string>;
}

interface Shape {
  readonly keys: readonly string[];
  readonly kinds: readonly number[];
  decoder?: Decoder;
  /** Per key, where its words start from the row's start, or -1 past a value of varying width (fixedOffsets). */
  offsets?: Int32Array;
}

/** Words a value of `kind` takes when that is the same for every value, else -1 (string arrays, arrays of objects). */
function fixedWidth(kind: number): number {
  switch (kind) {
    case COLUMN:
    case UNDEFINED:
    case NULL:
    case TRUE:
    case FALSE:
      return 0;
    case STRINGS:
    case OBJECTS:
      return -1;
    default:
      return 1;
  }
}

/**
 * Each key's offset in a row of this shape, as far as the widths before it are fixed: a
 * key read alone (a relation's `id`, a node's `name`) is found without walking the words
 * of the values before it, such as a record's sources, which is what reading it used to cost.
 */
function fixedOffsets(kinds: readonly number[]): Int32Array {
  const offsets = new Int32Array(kinds.length);
  let at = 0;
  kinds.forEach((kind, i) => {
    offsets[i] = at;
    const width = fixedWidth(kind);
    at = at < 0 || width < 0 ? -1 : at + width;
  });
  return offsets;
}

/** A property name for generated code: quoted (JSON strings are JavaScript strings); `__proto__` computed, so it stays an own key. */
function propertyName(key: string): string {
  return key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key);
}

/**
 * A decoder for one shape, compiled once: one object literal with the shape's keys in
 * order, so V8 builds each record with a fixed layout in a single step. Assigning keys one
 * by one to an empty object would go through megamorphic stores (every shape a different
 * layout), several times slower, and reading records is what every query does last. The
 * generated code holds only property names (quoted as above) and reads of the words.
 */
function compileDecoder(shape: Shape): Decoder {
  const lines = ['let p = start;'];
  const fields: string[] = [];
  shape.kinds.forEach((kind, i) => {
    const value = `v${i}`;
    const key = itemAt(shape.keys, i);
    switch (kind) {
      case COLUMN:
        lines.push(`const ${value} = column(${JSON.stringify(key)}, row);`);
        break;
      case UNDEFINED:
        lines.push(`const ${value} = undefined;`);
        break;
      case NULL:
        lines.push(`const ${value} = null;`);
        break;
      case TRUE:
        lines.push(`const ${value} = true;`);
        break;
      case FALSE:
        lines.push(`const ${value} = false;`);
        break;
      case STRING:
        lines.push(`const ${value} = strings[words[p++]];`);
        break;
      case INT:
        lines.push(`const ${value} = words[p++];`);
        break;
      case NUMBER:
        lines.push(`const ${value} = numbers[words[p++]];`);
        break;
      case STRINGS:
        lines.push(
          `const ${value} = new Array(words[p++]);`,
          `for (let j = 0; j < ${value}.length; j++) ${value}[j] = strings[words[p++]];`,
        );
        break;
      case OBJECTS:
        lines.push(
          `const ${value} = new Array(words[p++]);`,
          `for (let j = 0; j < ${value}.length; j++) { const element = elements[words[p++]]; ${value}[j] = element.build(words, p, strings); p += element.keys.length; }`,
        );
        break;
      default:
        lines.push(`const ${value} = others[words[p++]];`);
    }
    fields.push(`${propertyName(key)}: ${value}`);
  });
  lines.push(`return { ${fields.join(', ')} };`);
  return new Function('words', 'start', 'strings', 'column', 'row', 'numbers', 'others', 'elements', lines.join('\n')) as Decoder;
}

function compileElement(keys: readonly string[]): ElementDecoder {
  const fields = keys.map((key, i) => `${propertyName(key)}: strings[words[at + ${i}]]`);
  const build = new Function('words', 'at', 'strings', `return { ${fields.join(', ')} };`) as ElementDecoder['build'];
  return { keys, build };
}

/** A step of the trie that interns key sequences: by key, then (for shapes) by value kind. */
class KeyTrie {
  code = -1;
  /** The coding of this step's key's values, shared by every step of that key (RecordCodec.statsOf). */
  stats: ValueStats | undefined;
  /** Per element code, the coding of each key of such objects under this step's key (arrays of objects). */
  elementStats: (readonly ValueStats[] | undefined)[] | undefined;
  private readonly next = new Map<string, KeyTrie[]>();
  /**
   * The last step taken from here. Records come in runs of one shape (a million relations
   * in a handful), and keys parsed from JSON are one string each, so most steps are a
   * pointer comparison instead of a map lookup.
   */
  private lastKey: string | undefined;
  private lastKind = -1;
  private lastChild: KeyTrie | undefined;

  step(key: string, kind: number): KeyTrie {
    if (key === this.lastKey && kind === this.lastKind && this.lastChild) return this.lastChild;
    let byKind = this.next.get(key);
    if (!byKind) {
      byKind = [];
      this.next.set(key, byKind);
    }
    let child = byKind[kind];
    if (!child) {
      child = new KeyTrie();
      byKind[kind] = child;
    }
    this.lastKey = key;
    this.lastKind = kind;
    this.lastChild = child;
    return child;
  }
}

/** Values of a key seen before deciding whether interning them pays. */
const SAMPLE = 512;

interface ValueStats {
  seen: number;
  /** Of those, how many were new to the pool. */
  added: number;
  mode: 'sample' | 'intern' | 'append';
}

/** Reads the value of a key a table keeps in a column, for the row being decoded. */
type ColumnReader = (key: string, row: number) => unknown;

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0);
}

function isStringArray(value: readonly unknown[]): boolean {
  return value.every((item) => typeof item === 'string');
}

function isStringObject(value: unknown): value is Readonly<Record<string, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  // for…in, not Object.values: no array per object (a million sources at a million relations).
  const values = value as Readonly<Record<string, unknown>>;
  for (const key in values) if (Object.hasOwn(values, key) && typeof values[key] !== 'string') return false;
  return true;
}

function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'number':
      return isInt32(value) ? INT : NUMBER;
    case 'boolean':
      return value ? TRUE : FALSE;
    case 'undefined':
      return UNDEFINED;
    case 'object':
      if (value === null) return NULL;
      if (Array.isArray(value)) {
        if (isStringArray(value)) return STRINGS;
        if (value.every(isStringObject)) return OBJECTS;
      }
      return OTHER;
    default:
      return OTHER;
  }
}

export class RecordCodec {
  private readonly shapes: Shape[] = [];
  private readonly shapeTrie = new KeyTrie();
  private readonly elements: ElementDecoder[] = [];
  private readonly keyListTrie = new KeyTrie();
  private numbers = new Float64Array(0);
  private numberCount = 0;
  private readonly others: unknown[] = [];
  private readonly valueStats = new Map<string, Map<string, ValueStats>>();
  private words = new Int32Array(0);
  private used = 0;
  /** Words of payloads no row points at any more (replaced or removed records). */
  private garbage = 0;

  constructor(private readonly strings: StringPool) {}

  /** Words in use, garbage included. */
  get size(): number {
    return this.used;
  }

  /** Makes room for `more` words without regrowing (a bulk load knows roughly how many). */
  reserve(more: number): void {
    this.words = growInt32(this.words, this.used + more);
  }

  /**
   * Appends the record's values (from `size` on) and returns its shape code. `isColumn`
   * says which values the table keeps in its own typed columns.
   */
  encode(record: object, isColumn: (key: string, value: unknown) => boolean): number {
    const values = record as Readonly<Record<string, unknown>>;
    let step = this.shapeTrie;
    // for…in allocates nothing (no key or value arrays): a million records make no garbage here.
    for (const key in values) {
      const value = values[key];
      const kind = isColumn(key, value) ? COLUMN : kindOf(value);
      step = step.step(key, kind);
      this.write(step, key, kind, value);
    }
    if (step.code < 0) {
      const keys = Object.keys(values);
      step.code = this.shapes.length;
      this.shapes.push({ keys, kinds: keys.map((key) => (isColumn(key, values[key]) ? COLUMN : kindOf(values[key]))) });
    }
    return step.code;
  }

  /** The record of `row` whose values start at `start`, keys in their written order. */
  decode(shapeCode: number, start: number, column: ColumnReader, row: number): Record<string, unknown> {
    const shape = itemAt(this.shapes, shapeCode);
    shape.decoder ??= compileDecoder(shape);
    return shape.decoder(this.words, start, this.strings.list, column, row, this.numbers, this.others, this.elements);
  }

  /** The string value of `key` in a row, without decoding the rest; undefined if not a string (or absent). */
  stringValue(shapeCode: number, start: number, key: string): string | undefined {
    const shape = itemAt(this.shapes, shapeCode);
    const { keys, kinds } = shape;
    for (let i = 0; i < keys.length; i += 1) {
      if (keys[i] !== key) continue;
      if (itemAt(kinds, i) !== STRING) return undefined;
      const offset = int32At((shape.offsets ??= fixedOffsets(kinds)), i);
      return this.strings.at(int32At(this.words, offset >= 0 ? start + offset : this.wordAt(kinds, start, i)));
    }
    return undefined;
  }

  /** Marks a row's words as unused (its record was replaced or removed). */
  release(shapeCode: number, start: number): void {
    this.garbage += this.lengthOf(shapeCode, start);
  }

  /** Whether enough words are unused that rewriting the live ones is worth it. */
  needsCompaction(): boolean {
    return this.garbage > 65_536 && this.garbage * 2 > this.used;
  }

  /**
   * Rewrites the words of the live rows end to end, dropping the unused ones, and moves
   * each row's start (rows without a record have shape -1).
   */
  compact(shapes: Int32Array, starts: Int32Array, rows: number): void {
    const compacted = new Int32Array(Math.max(16, this.used - this.garbage));
    let used = 0;
    for (let row = 0; row < rows; row += 1) {
      const shape = int32At(shapes, row);
      if (shape < 0) continue;
      const start = int32At(starts, row);
      const length = this.lengthOf(shape, start);
      compacted.set(this.words.subarray(start, start + length), used);
      starts[row] = used;
      used += length;
    }
    this.words = compacted;
    this.used = used;
    this.garbage = 0;
  }

  /** Drops the words written from `used` on (a write rolled back). */
  truncate(used: number): void {
    this.used = Math.min(this.used, used);
  }

  clear(): void {
    this.words = new Int32Array(0);
    this.used = 0;
    this.garbage = 0;
    this.numbers = new Float64Array(0);
    this.numberCount = 0;
    this.others.length = 0;
    // How each key's values are coded (valueStats) is kept, as the shapes are: the shape
    // tries' steps hold on to it, and it only decides whether a key's values are interned.
  }

  private lengthOf(shapeCode: number, start: number): number {
    const { kinds } = itemAt(this.shapes, shapeCode);
    return this.wordAt(kinds, start, kinds.length) - start;
  }

  /** Where the words of value number `index` of a row starting at `start` begin, walking the values before it. */
  private wordAt(kinds: readonly number[], start: number, index: number): number {
    let at = start;
    for (let i = 0; i < index; i += 1) at += this.wordsOf(itemAt(kinds, i), at);
    return at;
  }

  /** How many words a value of `kind` starting at `at` takes. */
  private wordsOf(kind: number, at: number): number {
    switch (kind) {
      case STRINGS:
        return 1 + int32At(this.words, at);
      case OBJECTS: {
        const count = int32At(this.words, at);
        let length = 1;
        for (let j = 0; j < count; j += 1) length += 1 + itemAt(this.elements, int32At(this.words, at + length)).keys.length;
        return length;
      }
      default:
        return fixedWidth(kind);
    }
  }

  private push(word: number): void {
    if (this.used === this.words.length) this.words = growInt32(this.words, this.used + 1);
    this.words[this.used] = word;
    this.used += 1;
  }

  /** Writes one value; `step` is the shape trie's step for its key, which caches how its values are coded. */
  private write(step: KeyTrie, key: string, kind: number, value: unknown): void {
    switch (kind) {
      case STRING:
        this.push(this.stringCode((step.stats ??= this.statsOf(key)), value as string));
        return;
      case INT:
        this.push(value as number);
        return;
      case NUMBER:
        this.numbers = growFloat64(this.numbers, this.numberCount + 1);
        this.numbers[this.numberCount] = value as number;
        this.push(this.numberCount);
        this.numberCount += 1;
        return;
      case STRINGS: {
        const items = value as readonly string[];
        const stats = (step.stats ??= this.statsOf(key));
        this.push(items.length);
        for (const item of items) this.push(this.stringCode(stats, item));
        return;
      }
      case OBJECTS: {
        const items = value as readonly Readonly<Record<string, string>>[];
        this.push(items.length);
        const byElement = (step.elementStats ??= []);
        for (const item of items) {
          const element = this.keyListCode(item);
          this.push(element);
          const stats = (byElement[element] ??= itemAt(this.elements, element).keys.map((objectKey) => this.statsOf(key, objectKey)));
          let i = 0;
          for (const objectKey in item) {
            const text = item[objectKey];
            if (typeof text !== 'string') throw new TypeError(`memory store: ${key}.${objectKey} changed while it was written`);
            this.push(this.stringCode(itemAt(stats, i), text));
            i += 1;
          }
        }
        return;
      }
      case OTHER:
        this.push(this.others.length);
        this.others.push(value);
        return;
      default:
      // COLUMN, UNDEFINED, NULL, TRUE, FALSE: the shape says it all.
    }
  }

  /** How the values of one key (or of one key of the objects in an array) have been coded. */
  private statsOf(key: string, objectKey?: string): ValueStats {
    let byKey = this.valueStats.get(key);
    if (!byKey) {
      byKey = new Map();
      this.valueStats.set(key, byKey);
    }
    const inner = objectKey ?? '';
    let stats = byKey.get(inner);
    if (!stats) {
      stats = { seen: 0, added: 0, mode: 'sample' };
      byKey.set(inner, stats);
    }
    return stats;
  }

  /**
   * The pool code of a string value. Values of a key are interned while the first SAMPLE of
   * them are seen; if most were new strings (names, quotes that each record has its own),
   * later values of that key are kept without the lookup, since interning what never repeats
   * costs a map entry and a hash for nothing. Either way a value is kept once per record.
   */
  private stringCode(stats: ValueStats, value: string): number {
    if (stats.mode === 'append') return this.strings.add(value);
    if (stats.mode === 'intern') return this.strings.intern(value);
    const before = this.strings.size;
    const code = this.strings.intern(value);
    stats.seen += 1;
    if (this.strings.size > before) stats.added += 1;
    if (stats.seen === SAMPLE) stats.mode = stats.added * 2 > SAMPLE ? 'append' : 'intern';
    return code;
  }

  private keyListCode(item: object): number {
    let step = this.keyListTrie;
    for (const key in item) step = step.step(key, 0);
    if (step.code < 0) {
      step.code = this.elements.length;
      this.elements.push(compileElement(Object.keys(item)));
    }
    return step.code;
  }
}

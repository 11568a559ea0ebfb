/**
 * Internal. The validator's fast path for records: a hand-written check that gives, for a
 * node or relation entry zod would accept unchanged, exactly what zod's parse gives (the
 * entry itself when its keys already come in the schema's order, else a copy in that
 * order), and `undefined` for anything else, which then goes through zod as before, so
 * zod stays the schema and the only wording of every problem. At a million relations
 * zod's parses (two per relation, each a copy) were most of validateGraph's time and
 * garbage.
 *
 * Which keys each label and relation type takes, which are required, and the values of
 * enums and literals are read from the zod schemas themselves; the value rules of each key
 * (`FIELD_CHECKS`) mirror graph-document.ts. A key this table does not know turns the
 * fast path off for that label or type (zod then reads all of them). The property test
 * (test/unit/canonical-records.test.ts) holds the two to each other: whatever the fast
 * path accepts, zod accepts with an equal result, keys in the same order.
 */
import type { z } from 'zod';
import {
  isWebAddress,
  nodeRecordSchema,
  relationInputSchema,
  relationShapeSchema,
  type NodeRecord,
  type RelationInput,
} from './graph-document';

/** A value check: the canonical value (the same one when nothing changes), or REFUSED. */
type Check = (value: unknown) => unknown;

const REFUSED = Symbol('refused');

/**
 * Whether zod's `nonEmpty` (graph-document.ts) keeps `text` as it is: a string with nothing
 * to trim, not empty, without control, bidirectional-control or lone-surrogate characters
 * (text.ts UNSAFE_TEXT, written out as one pass over the code units).
 */
export function isCanonicalText(text: unknown): text is string {
  if (typeof text !== 'string' || text.length === 0 || text.trim() !== text) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    } else if (code >= 0x7f && code <= 0x9f) {
      return false;
    } else if (code >= 0x202a && (code <= 0x202e || (code >= 0x2066 && code <= 0x2069))) {
      return false;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
}

const text: Check = (value) => (isCanonicalText(value) ? value : REFUSED);
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const partialDate: Check = (value) => (typeof value === 'string' && PARTIAL_DATE.test(value) ? value : REFUSED);
const COUNTRY_CODE = /^[A-Z]{2}$/;
const countryCode: Check = (value) => (typeof value === 'string' && COUNTRY_CODE.test(value) ? value : REFUSED);
const integerIn =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : REFUSED;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** An array whose items all pass `item`: itself if no item changed, else a new array. */
const arrayOf =
  (item: Check, minLength = 0): Check =>
  (value) => {
    if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length < minLength) return REFUSED;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const element: unknown = value[i];
      const checked = item(element);
      if (checked === REFUSED) return REFUSED;
      if (checked !== element) copy ??= value.slice(0, i);
      copy?.push(checked);
    }
    return copy ?? value;
  };

/**
 * A document source `{ doc, quote }`; a page's address in `doc` (the earlier web spelling,
 * which zod's codec rewrites) and web sources (`url`) are left to zod.
 */
const documentSource: Check = (value) => {
  if (!isPlainObject(value)) return REFUSED;
  let count = 0;
  let inOrder = true;
  for (const key in value) {
    if (key !== 'doc' && key !== 'quote') return REFUSED;
    if ((key === 'doc') !== (count === 0)) inOrder = false;
    count += 1;
  }
  const { doc, quote } = value;
  if (count !== 2 || !isCanonicalText(doc) || !isCanonicalText(quote) || isWebAddress(doc)) return REFUSED;
  return inOrder ? value : { doc, quote };
};

/** The value rules of every key a node or relation may have (graph-document.ts), but enums and literals. */
const FIELD_CHECKS: Readonly<Record<string, Check>> = {
  id: text,
  name: text,
  nameAr: text,
  aliases: arrayOf(text),
  note: text,
  sources: arrayOf(documentSource),
  population: integerIn(1, Number.MAX_SAFE_INTEGER),
  code: countryCode,
  acronym: text,
  startYear: integerIn(1900, 2100),
  number: integerIn(1, Number.MAX_SAFE_INTEGER),
  text,
  textAr: text,
  date: partialDate,
  startDate: partialDate,
  endDate: partialDate,
  place: text,
  title: text,
  file: text,
  published: partialDate,
  updated: partialDate,
  from: text,
  to: text,
  asOf: partialDate,
  since: partialDate,
  context: text,
  forCity: text,
  // A new array, as zod gives: the validator compares `through` between files by reference
  // (conflictingFacts), so the same input array named twice must still read as two.
  through: (value) => {
    const checked = arrayOf(text, 1)(value);
    return Array.isArray(checked) ? [...checked] : checked;
  },
  at: text,
};

interface Field {
  readonly key: string;
  readonly check: Check;
  /** The entry may leave this key out and zod leaves it out too: optional, neither required nor defaulted. */
  readonly mayBeAbsent: boolean;
}

/** One label's or relation type's keys in the order zod writes them, with their checks. */
type Plan = readonly Field[];

/** The schema inside an optional or default wrapper. */
function inner(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { readonly innerType?: z.ZodType };
  return def.innerType ? inner(def.innerType) : schema;
}

/** The check of one key of a schema: enums and literals from zod, the rest from FIELD_CHECKS. */
function checkOf(key: string, schema: z.ZodType): Check | undefined {
  const def = inner(schema)._zod.def as { readonly type: string; readonly entries?: Record<string, unknown>; readonly values?: unknown[] };
  if (def.type === 'enum' && def.entries) {
    const allowed = new Set(Object.values(def.entries));
    return (value) => (typeof value === 'string' && allowed.has(value) ? value : REFUSED);
  }
  if (def.type === 'literal' && def.values) {
    const allowed = def.values;
    return (value) => (allowed.includes(value) ? value : REFUSED);
  }
  return FIELD_CHECKS[key];
}

/**
 * The plan of an object schema, its keys in `order` (zod writes a parse's keys in the order
 * of the schema it parses with), or undefined if a key has no check here.
 */
function planOf(shape: Readonly<Record<string, z.ZodType>>, order: readonly string[]): Plan | undefined {
  const fields: Field[] = [];
  for (const key of order) {
    const schema = shape[key];
    if (schema === undefined) continue;
    const check = checkOf(key, schema);
    if (!check) return undefined;
    // A defaulted key (confidence) also accepts undefined, but zod fills it in: not absent in the result.
    const absent = schema.safeParse(undefined);
    fields.push({ key, check, mayBeAbsent: absent.success && absent.data === undefined });
  }
  return fields.length === Object.keys(shape).length ? fields : undefined;
}

/**
 * `entry` itself if its keys come in the plan's order and every value passes unchanged; null
 * if the keys are out of order or a value would be rewritten (`canonicalize` then looks
 * again); undefined if zod must judge it. One pass, reading each value as for…in meets its
 * key (the engine's enumeration cache), where looking the plan's keys up would be a
 * keyed lookup each: the common case at a million relations.
 */
function passesInOrder(entry: Record<string, unknown>, plan: Plan): Record<string, unknown> | null | undefined {
  let next = 0;
  for (const key in entry) {
    let field = plan[next];
    // A plan key skipped must be one that may be absent, unless it comes later, out of order.
    while (field !== undefined && field.key !== key) {
      if (!field.mayBeAbsent) return null;
      next += 1;
      field = plan[next];
    }
    if (field === undefined) return null;
    next += 1;
    const value = entry[key];
    if (value === undefined) return undefined;
    const checked = field.check(value);
    if (checked === REFUSED) return undefined;
    if (checked !== value) return null;
  }
  for (; next < plan.length; next += 1) {
    const field = plan[next];
    if (field === undefined || !field.mayBeAbsent) return undefined;
  }
  return entry;
}

/** `entry` as zod would give it under `plan`, or undefined. */
function canonicalize(entry: unknown, plan: Plan): Record<string, unknown> | undefined {
  if (!isPlainObject(entry)) return undefined;
  const inOrder = passesInOrder(entry, plan);
  if (inOrder !== null) return inOrder;
  return canonicalizeAnyOrder(entry, plan);
}

/** `canonicalize` for an entry whose keys are out of order or whose values a check rewrites. */
function canonicalizeAnyOrder(entry: Record<string, unknown>, plan: Plan): Record<string, unknown> | undefined {
  // Every key must be the plan's (a strict object), each once; note whether they come in order.
  let next = 0;
  let inOrder = true;
  let count = 0;
  for (const key in entry) {
    count += 1;
    while (next < plan.length && plan[next]?.key !== key) next += 1;
    if (next < plan.length) {
      next += 1;
      continue;
    }
    inOrder = false;
    if (!plan.some((field) => field.key === key)) return undefined;
  }
  // Checked without keeping the values (no array per record): only a record that changes is built again.
  let valuesChanged = false;
  let present = 0;
  for (const field of plan) {
    const value = entry[field.key];
    if (value === undefined) {
      // A key given as undefined (not from JSON) or a missing required or defaulted key: zod's to judge.
      if (!field.mayBeAbsent || field.key in entry) return undefined;
      continue;
    }
    const checked = field.check(value);
    if (checked === REFUSED) return undefined;
    if (checked !== value) valuesChanged = true;
    present += 1;
  }
  if (present !== count) return undefined;
  if (inOrder && !valuesChanged) return entry;
  // Most copies only put the keys in order (every node of a seed that writes `label` second):
  // their values are the entry's own. Only a value a check rewrote is checked again (the
  // checks are pure: run again, they give the same canonical values).
  const copy: Record<string, unknown> = {};
  for (const field of plan) {
    const value = entry[field.key];
    if (value !== undefined) copy[field.key] = valuesChanged ? field.check(value) : value;
  }
  return copy;
}

const NODE_PLANS = new Map<unknown, Plan | undefined>(
  nodeRecordSchema.options.map((schema) => [schema.shape.label.value, planOf(schema.shape, Object.keys(schema.shape))]),
);

const SHAPE_ORDER = Object.keys(relationShapeSchema.shape);
// Each type's own keys, in the order of the shape schema the validator reads relations with.
const RELATION_PLANS = new Map<unknown, Plan | undefined>(
  relationInputSchema.options.map((schema) => [schema.shape.type.value, planOf(schema.shape, SHAPE_ORDER)]),
);

/**
 * A node entry as `nodeRecordSchema` parses it, if it passes unchanged; undefined means
 * "ask zod" (invalid, or something zod would rewrite).
 */
export function canonicalNode(entry: unknown): NodeRecord | undefined {
  const plan = isPlainObject(entry) ? NODE_PLANS.get(entry.label) : undefined;
  // The plan checked every key and value of this label's schema.
  return plan ? (canonicalize(entry, plan) as NodeRecord | undefined) : undefined;
}

/**
 * A relation entry as `relationShapeSchema` parses it, if it passes unchanged and also
 * meets its type's rules (`relationInputSchema`, its note rule included); undefined means
 * "ask zod".
 */
export function canonicalRelation(entry: unknown): RelationInput | undefined {
  const plan = isPlainObject(entry) ? RELATION_PLANS.get(entry.type) : undefined;
  const relation = plan ? canonicalize(entry, plan) : undefined;
  if (relation === undefined || (relation.confidence !== 'STATED' && relation.note === undefined)) return undefined;
  // The plan checked every key and value of this type's schema, a subset of the shape's.
  return relation as RelationInput;
}

/**
 * Internal. The one serializer between JavaScript values and Neo4j values, applied at the
 * boundary of every statement (parameters in, rows out) and nowhere else.
 *
 * In: a JavaScript number is sent by the driver as a FLOAT, which `LIMIT` refuses and which
 * would store `population` or `startYear` as 1.2E6-style floats. The ontology has no
 * fractional properties, so every integer-valued number goes in as a Neo4j INTEGER.
 * Out: INTEGER comes back as the driver's 64-bit `Integer`; it becomes a number (or, beyond
 * 2^53, a decimal string rather than a silently wrong number). Temporal values become ISO
 * 8601 strings, the form the rest of the project uses for dates.
 */
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isRelationship, isTime } from 'neo4j-driver';

/** A value as the adapter sees it after conversion: JSON-shaped, nothing driver-specific. */
export type PlainValue = null | boolean | number | string | readonly PlainValue[] | PlainMap;

export type PlainMap = { readonly [key: string]: PlainValue };

export function isPlainMap(value: PlainValue | undefined): value is PlainMap {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

export function isStringList(value: PlainValue | undefined): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A result row after conversion. */
export type PlainRow = Readonly<Record<string, PlainValue>>;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNeo4jValue(inner)]));
  }
  return value;
}

/** Statement parameters as Neo4j should receive them (integers as INTEGER). */
export function toNeo4jParameters(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, toNeo4jValue(value)]));
}

/** A value read from Neo4j, converted to a plain value; throws on types the adapter never reads. */
export function fromNeo4jValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return value.toString();
  }
  // Statements return properties(n), but a node or relation read whole is its properties.
  if (isNode(value) || isRelationship(value)) return fromNeo4jValue(value.properties);
  if (Array.isArray(value)) return value.map(fromNeo4jValue);
  if (typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fromNeo4jValue(inner)]));
  }
  throw new TypeError(`Neo4j returned a value the store does not read: ${Object.prototype.toString.call(value)}`);
}

/** A row from the driver (`record.toObject()`), converted. */
export function fromNeo4jRow(row: Readonly<Record<string, unknown>>): PlainRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, fromNeo4jValue(value)]));
}

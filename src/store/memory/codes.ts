/**
 * Internal. Small integer codes for labels and relation types, so that the memory store's
 * indexes are typed arrays (one byte per node or relation) instead of strings on objects.
 */
import { CONFIDENCE_LEVELS, NODE_LABELS, RELATION_TYPES, type Confidence, type NodeLabel, type RelationType } from '../../domain/ontology';

export const TYPE_COUNT = RELATION_TYPES.length;

export const TYPE_CODE = Object.fromEntries(RELATION_TYPES.map((type, code) => [type, code])) as Readonly<Record<RelationType, number>>;
export const LABEL_CODE = Object.fromEntries(NODE_LABELS.map((label, code) => [label, code])) as Readonly<Record<NodeLabel, number>>;

/** Every type code, for traversals that follow all relation types. */
const ALL_TYPE_CODES: readonly number[] = RELATION_TYPES.map((_type, code) => code);

/**
 * Position of each type code in alphabetical order of the type names: relations are listed
 * "by type" as strings compare, which is not the ontology's order.
 */
export const TYPE_SORT_KEY: Int32Array = (() => {
  const sorted = [...RELATION_TYPES].sort();
  return Int32Array.from(RELATION_TYPES, (type) => sorted.indexOf(type));
})();

/** The codes of some types, or of every type when none are given. */
export function typeCodes(types: Iterable<RelationType> | undefined): readonly number[] {
  const codes = types ? [...new Set([...types].map((type) => TYPE_CODE[type]))].sort((a, b) => a - b) : [];
  return codes.length > 0 ? codes : ALL_TYPE_CODES;
}

/** A bit per type code, for the type test in traversal loops. */
export function typeMask(codes: readonly number[]): number {
  let mask = 0;
  for (const code of codes) mask |= 1 << code;
  return mask;
}

/** The mask of every type: loops may skip the type test. */
export const ALL_TYPES_MASK = typeMask(ALL_TYPE_CODES);

/**
 * Position of each type code in the order of the middle part of derived relation ids,
 * `-TYPE->`: two relations from one node compare, as id strings, by this and then by the
 * id of the node they go to (no type name is a prefix of another).
 */
export const TYPE_ID_KEY: Int32Array = (() => {
  const middles = RELATION_TYPES.map((type) => `-${type}->`);
  const sorted = [...middles].sort();
  return Int32Array.from(middles, (middle) => sorted.indexOf(middle));
})();

/**
 * A relation's confidence as a code, strongest first (STATED 0, INFERRED 1, DOUBTFUL 2), so
 * "at least as sure as" is `code <= confidenceCode(minimum)`. A record without one (merged
 * before confidences existed) is STATED, as the schema's default says.
 */
export function confidenceCode(confidence: Confidence | undefined): number {
  if (confidence === undefined) return 0;
  const code = CONFIDENCE_LEVELS.indexOf(confidence);
  // A value outside the ontology (never validated) is the weakest.
  return code < 0 ? CONFIDENCE_LEVELS.length - 1 : code;
}

/** The weakest code a `minConfidence` keeps; every code when there is no minimum. */
export function confidenceLimit(minimum: Confidence | undefined): number {
  return minimum === undefined ? CONFIDENCE_LEVELS.length - 1 : confidenceCode(minimum);
}

/** The limit that keeps every relation: filters may skip the test. */
export const ANY_CONFIDENCE = CONFIDENCE_LEVELS.length - 1;

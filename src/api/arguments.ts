/**
 * Internal. Argument checks at the GraphQL edge; each error names the argument and its bound.
 */
import { isNodeId, labelOfId, type NodeLabel } from '../domain/ontology';
import { MAX_PAGE_SIZE } from '../store/GraphStore';
import { badUserInput } from '../errors';

/** Longest search text accepted. */
const MAX_SEARCH_TEXT = 200;

export function checkFirst(first: number | null | undefined, fallback: number, argumentName = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`${argumentName} must be between 1 and ${MAX_PAGE_SIZE} (the page-size bound), got ${value}`, argumentName);
  }
  return value;
}

export function checkNodeId(id: string, argumentName: string, label?: NodeLabel): string {
  if (!isNodeId(id)) {
    throw badUserInput(
      `${argumentName}: ${JSON.stringify(id.slice(0, 100))} is not a node id; ids look like "city:karachi" or "person:murtaza-wahab"`,
      argumentName,
    );
  }
  if (label && labelOfId(id) !== label) {
    throw badUserInput(`${argumentName}: ${JSON.stringify(id)} is not a ${label} id`, argumentName);
  }
  return id;
}

export function checkSearchText(text: string): string {
  if (text.trim().length === 0) throw badUserInput('text is empty; give a name in English or Arabic', 'text');
  if (text.length > MAX_SEARCH_TEXT) {
    throw badUserInput(`text is ${text.length} characters; the bound is ${MAX_SEARCH_TEXT}`, 'text');
  }
  return text;
}

export function checkIdList(ids: readonly string[], argumentName: string): readonly string[] {
  if (ids.length > MAX_PAGE_SIZE) {
    throw badUserInput(`${argumentName} holds ${ids.length} ids; the bound is ${MAX_PAGE_SIZE}`, argumentName);
  }
  ids.forEach((id) => checkNodeId(id, argumentName));
  return ids;
}

/** An integer argument within [min, max], with the bound named in the error. */
export function checkRange(value: number | null | undefined, fallback: number, min: number, max: number, argumentName: string): number {
  const checked = value ?? fallback;
  if (!Number.isInteger(checked) || checked < min || checked > max) {
    throw badUserInput(`${argumentName} must be between ${min} and ${max}, got ${checked}`, argumentName);
  }
  return checked;
}

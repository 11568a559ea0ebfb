/**
 * Internal. What one change did to one entity (a node or a relation, as JSON), stored in
 * the journal instead of the entity before and after: the properties set, the ones
 * removed, and what was appended to a list that only grew (sources, aliases), so adding
 * the 50th source stores one source, not fifty twice. `applyPatch` rebuilds the entity
 * after from the entity before; `entityHash` pins each rebuilt state, so a journal whose
 * patches do not lead where they did when written is caught, never shown.
 */
import { z } from 'zod';
import { stableJson } from '../store/stable-json';
import { sha256 } from './sha256';

/** A node or relation as JSON; null when it does not exist. */
export type EntityState = Readonly<Record<string, unknown>> | null;

export type EntityPatch =
  /** The entity is gone (a removed relation). */
  | { readonly removed: true }
  | {
      readonly set?: Readonly<Record<string, unknown>>;
      readonly unset?: readonly string[];
      /** Items added at the end of a list whose earlier items did not change. */
      readonly append?: Readonly<Record<string, readonly unknown[]>>;
    };

export const entityPatchSchema: z.ZodType<EntityPatch> = z.union([
  z.strictObject({ removed: z.literal(true) }),
  z.strictObject({
    set: z.record(z.string(), z.unknown()).optional(),
    unset: z.array(z.string()).optional(),
    append: z.record(z.string(), z.array(z.unknown())).optional(),
  }),
]);

export function diffEntity(before: EntityState, after: EntityState): EntityPatch {
  if (after === null) return { removed: true };
  const known = before ?? {};
  const set: Record<string, unknown> = {};
  const append: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = known[key];
    if (previous !== undefined && stableJson(previous) === stableJson(value)) continue;
    const grown = appendedItems(previous, value);
    if (grown) append[key] = grown;
    else set[key] = value;
  }
  const unset = Object.keys(known).filter((key) => known[key] !== undefined && after[key] === undefined);
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(unset.length > 0 ? { unset } : {}),
    ...(Object.keys(append).length > 0 ? { append } : {}),
  };
}

/** The items `value` adds at the end of the list `previous`, or undefined when it is not that. */
function appendedItems(previous: unknown, value: unknown): unknown[] | undefined {
  if (!Array.isArray(previous) || !Array.isArray(value) || value.length <= previous.length || previous.length === 0) return undefined;
  return stableJson(value.slice(0, previous.length)) === stableJson(previous) ? value.slice(previous.length) : undefined;
}

export function applyPatch(before: EntityState, patch: EntityPatch): EntityState {
  if ('removed' in patch) return null;
  const unset = new Set(patch.unset);
  const after: Record<string, unknown> = Object.fromEntries(Object.entries(before ?? {}).filter(([key]) => !unset.has(key)));
  Object.assign(after, patch.set);
  for (const [key, items] of Object.entries(patch.append ?? {})) {
    const list = after[key];
    after[key] = [...(Array.isArray(list) ? list : []), ...items];
  }
  return after;
}

/** A digest of an entity state, independent of key order. */
export function entityHash(state: EntityState): string {
  return sha256(stableJson(state));
}

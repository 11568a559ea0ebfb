/**
 * Internal. Reads `SHOW INDEXES` rows (`INDEX_STATES`) against the schema the adapter needs:
 * a uniqueness constraint on `id` for every label, the two full-text name indexes and the two
 * range indexes of similarCities. Pure.
 *
 * - `notOnline`: readiness. Until an index is ONLINE, id lookups scan and search misses
 *   nodes, so `/readyz` answers 503 instead of letting requests wait on a population that
 *   can take longer than STORE_TIMEOUT_MS.
 * - `blockingPlainIndexes`: `CREATE CONSTRAINT … IF NOT EXISTS` does nothing when a plain
 *   index on the same `:Label(id)` exists (Neo4j keeps one index per schema), so ids would
 *   silently not be unique; the adapter refuses to start and names the index to drop.
 */
import { NODE_LABELS, type NodeLabel } from '../../domain/ontology';
import { ARABIC_NAME_INDEX, ENDORSED_FOR_CITY_INDEX, PROGRAMME_KIND_INDEX, STANDARD_NAME_INDEX, uniqueIdConstraintName } from './cypher';
import type { PlainRow, PlainValue } from './neo4j-values';

export interface IndexState {
  readonly name: string;
  readonly type: string;
  readonly state: string;
  readonly populationPercent: number | null;
  readonly labelsOrTypes: readonly string[];
  readonly properties: readonly string[];
  readonly owningConstraint: string | null;
}

const strings = (value: PlainValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export function indexStatesFromRows(rows: readonly PlainRow[]): IndexState[] {
  return rows.map((row) => ({
    name: typeof row['name'] === 'string' ? row['name'] : '',
    type: typeof row['type'] === 'string' ? row['type'] : '',
    state: typeof row['state'] === 'string' ? row['state'] : '',
    populationPercent: typeof row['populationPercent'] === 'number' ? row['populationPercent'] : null,
    labelsOrTypes: strings(row['labelsOrTypes']),
    properties: strings(row['properties']),
    owningConstraint: typeof row['owningConstraint'] === 'string' ? row['owningConstraint'] : null,
  }));
}

/** Every index the adapter needs, by name. */
export function requiredIndexNames(): readonly string[] {
  return [
    ...NODE_LABELS.map(uniqueIdConstraintName),
    STANDARD_NAME_INDEX,
    ARABIC_NAME_INDEX,
    PROGRAMME_KIND_INDEX,
    ENDORSED_FOR_CITY_INDEX,
  ];
}

/** What keeps the store from being ready: each needed index missing or not ONLINE, in words. */
export function notOnline(states: readonly IndexState[]): string[] {
  const byName = new Map(states.map((state) => [state.name, state]));
  return requiredIndexNames().flatMap((name) => {
    const state = byName.get(name);
    if (state === undefined) return [`index ${name} is missing`];
    if (state.state === 'ONLINE') return [];
    const progress = state.populationPercent === null ? '' : ` (${state.populationPercent.toFixed(1)}%)`;
    return [`index ${name} is ${state.state}${progress}`];
  });
}

/** Plain indexes on `:Label(id)` standing where the uniqueness constraint of that label should be. */
export function blockingPlainIndexes(states: readonly IndexState[]): { readonly label: NodeLabel; readonly index: string }[] {
  return NODE_LABELS.flatMap((label) => {
    const onId = states.filter(
      (state) =>
        state.labelsOrTypes.length === 1 &&
        state.labelsOrTypes[0] === label &&
        state.properties.length === 1 &&
        state.properties[0] === 'id',
    );
    if (onId.some((state) => state.owningConstraint !== null)) return [];
    return onId.filter((state) => state.type !== 'FULLTEXT').map((state) => ({ label, index: state.name }));
  });
}

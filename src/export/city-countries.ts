/**
 * Internal. The country of each city, for the `country` attribute of every city node in the
 * exports. A city's own IN_COUNTRY relations say it; a district or division with none takes
 * its country from the city it is PART_OF (the sources name Karachi's districts as parts of
 * Karachi, and Karachi as in Pakistan). Read through the store port, one batched call per
 * level of PART_OF, so a neighbourhood export gets its cities' countries even when the
 * country nodes are outside the selection.
 */
import type { GraphStore } from '../store/GraphStore';

export interface CityCountry {
  /** Country ids, `;`-separated when the sources place a city in more than one. */
  readonly countryId: string;
  /** Their English names, in the same order. */
  readonly country: string;
}

/** How many PART_OF levels are climbed (district → city → province → …). */
const MAX_PART_OF_LEVELS = 4;

export async function cityCountries(store: GraphStore, cityIds: readonly string[]): Promise<ReadonlyMap<string, CityCountry>> {
  const direct = new Map<string, Set<string>>();
  const parents = new Map<string, Set<string>>();
  const seen = new Set(cityIds);
  let frontier = [...seen];
  for (let level = 0; level <= MAX_PART_OF_LEVELS && frontier.length > 0; level += 1) {
    const next: string[] = [];
    for (const relation of await store.getRelations({ nodeIds: frontier, direction: 'OUT', types: ['IN_COUNTRY', 'PART_OF'] })) {
      const into = relation.type === 'IN_COUNTRY' ? direct : parents;
      if (relation.type === 'PART_OF' && !relation.to.startsWith('city:')) continue;
      into.set(relation.from, (into.get(relation.from) ?? new Set()).add(relation.to));
      if (relation.type === 'PART_OF' && !seen.has(relation.to)) {
        seen.add(relation.to);
        next.push(relation.to);
      }
    }
    frontier = next;
  }

  const countriesOf = (city: string, path: ReadonlySet<string>): string[] => {
    const own = direct.get(city);
    if (own) return [...own];
    const inherited = [...(parents.get(city) ?? [])].filter((parent) => !path.has(parent));
    return [...new Set(inherited.flatMap((parent) => countriesOf(parent, new Set([...path, parent]))))];
  };
  const resolved = cityIds.map((city) => [city, countriesOf(city, new Set([city])).sort()] as const);
  const countryIds = [...new Set(resolved.flatMap(([, ids]) => ids))];
  const names = new Map((await store.getNodes(countryIds)).flatMap((node) => (node ? [[node.id, node.name] as const] : [])));
  const result = new Map<string, CityCountry>();
  for (const [city, ids] of resolved) {
    if (ids.length === 0) continue;
    result.set(city, { countryId: ids.join(';'), country: ids.map((id) => names.get(id) ?? id).join(';') });
  }
  return result;
}

/**
 * Public. The examples of a commitment, built from the ADVANCES relations into it, the
 * same way whatever store holds them (the API and the coverage report both call this).
 *
 * The rule (README, "Ontology"): one example per City that ADVANCES the commitment, with
 * the programmes and organisations its relation's `through` lists; each of those ADVANCES
 * the commitment too, and is part of that city's example rather than one of its own. Any
 * other ADVANCES (a programme, organisation or event no city's example names) is an example
 * by itself, without a city. Cities' examples come first, by city id, then the others by id.
 */
import type { RelationRecord, SourceRef } from './graph-document';
import { labelOfId, type Confidence } from './ontology';

export interface CommitmentExampleRecord {
  readonly commitmentId: string;
  /** The example's city; null when no city's example names it. */
  readonly cityId: string | null;
  readonly programmeIds: readonly string[];
  readonly organizationIds: readonly string[];
  readonly eventIds: readonly string[];
  /** The example's quote: the sources of its city's relation (or of its only relation). */
  readonly sources: readonly SourceRef[];
  readonly confidence: Confidence;
  readonly note: string | null;
  /** The ADVANCES relations the example is made of: the city's first, then its `through` in order. */
  readonly relations: readonly RelationRecord[];
}

const byId = (a: RelationRecord, b: RelationRecord): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** The nodes of an example other than its city, sorted into their labels. */
function membersOf(ids: readonly string[]): Pick<CommitmentExampleRecord, 'programmeIds' | 'organizationIds' | 'eventIds'> {
  return {
    programmeIds: ids.filter((id) => labelOfId(id) === 'Programme'),
    organizationIds: ids.filter((id) => labelOfId(id) === 'Organization'),
    eventIds: ids.filter((id) => labelOfId(id) === 'Event'),
  };
}

/**
 * The examples of every commitment the given relations point to (relations of other types
 * are ignored), grouped per commitment in commitment id order.
 */
export function commitmentExamples(relations: readonly RelationRecord[]): CommitmentExampleRecord[] {
  const byCommitment = new Map<string, RelationRecord[]>();
  for (const relation of relations) {
    if (relation.type !== 'ADVANCES') continue;
    const list = byCommitment.get(relation.to);
    if (list) list.push(relation);
    else byCommitment.set(relation.to, [relation]);
  }
  return [...byCommitment.keys()].sort().flatMap((commitmentId) => examplesOf(commitmentId, byCommitment.get(commitmentId) ?? []));
}

function examplesOf(commitmentId: string, advances: readonly RelationRecord[]): CommitmentExampleRecord[] {
  const byFrom = new Map(advances.map((relation) => [relation.from, relation]));
  const cities = advances.filter((relation) => labelOfId(relation.from) === 'City').sort(byId);
  const named = new Set(cities.flatMap((city) => city.through ?? []));
  const cityExamples = cities.map((city): CommitmentExampleRecord => {
    const through = city.through ?? [];
    return {
      commitmentId,
      cityId: city.from,
      ...membersOf(through),
      sources: city.sources,
      confidence: city.confidence,
      note: city.note ?? null,
      relations: [city, ...through.flatMap((id) => byFrom.get(id) ?? [])],
    };
  });
  const standalone = advances
    .filter((relation) => labelOfId(relation.from) !== 'City' && !named.has(relation.from))
    .sort(byId)
    .map((relation): CommitmentExampleRecord => ({
      commitmentId,
      cityId: null,
      ...membersOf([relation.from]),
      sources: relation.sources,
      confidence: relation.confidence,
      note: relation.note ?? null,
      relations: [relation],
    }));
  return [...cityExamples, ...standalone];
}

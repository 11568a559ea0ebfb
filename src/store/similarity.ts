/**
 * Internal. Rarity weights of suggested peers and shared partners, shared by both stores so
 * they score alike. A shared item says more the fewer hold it: each weighs its reason's base
 * weight times ln(1 + N / holders) (N: cities, or programmes with partners; holders: how
 * many of them hold the item) — an IDF weight, so a hub every programme or city touches
 * weighs little and an item two cities share weighs most.
 */
import type { CitySuggestionResult, CitySuggestionsResult, SharedReason, SuggestionsEmptyReason } from './GraphStore';

/** Base weight per reason: a partner or an event in common says more than a country or a kind. */
export const REASON_WEIGHT: Readonly<Record<SharedReason, number>> = {
  PARTNER: 3,
  EVENT: 2,
  COMMITMENT: 2,
  COUNTRY: 2,
  MEMBERSHIP: 1,
  ENDORSEMENT: 1,
  PROGRAMME_KIND: 0.5,
};
export const REASONS = Object.keys(REASON_WEIGHT) as SharedReason[];

export function rarityWeight(total: number, holders: number): number {
  return Math.log(1 + total / Math.max(1, holders));
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface SharedHolding {
  readonly reason: SharedReason;
  readonly value: string;
  /** How many cities hold it (the asking city included). */
  readonly holders: number;
}

/** Scores candidates from what each shares with the asking city; best first, then id; cut at `first`. */
export function rankSuggestions(
  cityCount: number,
  candidates: readonly { readonly cityId: string; readonly shared: readonly SharedHolding[] }[],
  first: number,
): CitySuggestionResult[] {
  return candidates
    .map((candidate) => {
      const shared = [...candidate.shared]
        .sort((a, b) => REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason) || compare(a.value, b.value))
        .map((item) => ({
          reason: item.reason,
          value: item.value,
          holders: item.holders,
          weight: round(REASON_WEIGHT[item.reason] * rarityWeight(cityCount, item.holders)),
        }));
      return { cityId: candidate.cityId, score: round(shared.reduce((sum, item) => sum + item.weight, 0)), shared };
    })
    .filter((suggestion) => suggestion.shared.length > 0)
    .sort((a, b) => b.score - a.score || compare(a.cityId, b.cityId))
    .slice(0, first);
}

export interface SuggestionCandidate {
  readonly cityId: string;
  readonly shared: readonly SharedHolding[];
}

/**
 * A city's suggestions from every city sharing at least one of its `itemCount` items: the
 * asking city itself is dropped, the `linked` ones are counted as excluded, the rest ranked
 * (rankSuggestions). Both stores answer through it, so their counts and reasons agree.
 */
export function suggestionsFor(
  cityId: string,
  cityCount: number,
  itemCount: number,
  sharing: readonly SuggestionCandidate[],
  linked: ReadonlySet<string>,
  first: number,
): CitySuggestionsResult {
  const candidates = sharing.filter((candidate) => candidate.cityId !== cityId && candidate.shared.length > 0);
  const kept = candidates.filter((candidate) => !linked.has(candidate.cityId));
  const emptyReason: SuggestionsEmptyReason | null =
    kept.length > 0 ? null : itemCount === 0 ? 'NO_SIGNALS' : candidates.length === 0 ? 'NOTHING_SHARED' : 'ALL_CANDIDATES_EXCLUDED';
  return {
    suggestions: rankSuggestions(cityCount, kept, first),
    itemCount,
    candidateCount: candidates.length,
    excludedCount: candidates.length - kept.length,
    emptyReason,
  };
}

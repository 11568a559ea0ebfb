/**
 * How the explorer names and draws each relation type: a human label (the filter list, the
 * legend, the edge tooltip and the details panel show it instead of the enum name), a colour,
 * and whether the edge gets an arrow. New relation types get their label here.
 */
import { allowsLabelPair, RELATION_LABEL_PAIRS, RELATION_TYPES, type RelationType } from '../../src/domain/ontology';

export const RELATION_LABELS: Readonly<Record<RelationType, string>> = {
  IN_COUNTRY: 'in country',
  PART_OF: 'part of',
  LEADS: 'leads',
  WORKS_FOR: 'works for',
  MEMBER_OF: 'member of',
  PARTICIPATED_IN: 'took part in',
  RUNS: 'runs',
  PARTNER_IN: 'partner in',
  PARTNERS_WITH: 'partners with',
  ADVANCES: 'advances',
  HAS_COMMITMENT: 'has commitment',
  ENDORSED: 'endorsed',
  HELD_IN: 'held in',
  BASED_IN: 'based in',
  TAKES_PART_IN: 'takes part in',
  LEARNED_FROM: 'learned from',
};

/** Sixteen hues far enough apart to tell the types in the legend (and darker than the faded grey). */
export const RELATION_COLOURS: Readonly<Record<RelationType, string>> = {
  IN_COUNTRY: '#c9a66b',
  PART_OF: '#8c8c8c',
  LEADS: '#d62728',
  WORKS_FOR: '#ff7f0e',
  MEMBER_OF: '#9467bd',
  PARTICIPATED_IN: '#e377c2',
  RUNS: '#2ca02c',
  PARTNER_IN: '#17becf',
  PARTNERS_WITH: '#1f77b4',
  ADVANCES: '#bcbd22',
  HAS_COMMITMENT: '#8c564b',
  ENDORSED: '#7b4173',
  HELD_IN: '#ad494a',
  BASED_IN: '#637939',
  TAKES_PART_IN: '#3182bd',
  LEARNED_FROM: '#e6550d',
};

/**
 * Whether direction matters on screen: when the node types at the two ends already say which
 * way a relation reads (a city is IN_COUNTRY a country, never the reverse) an arrow adds only
 * clutter; when a type can join two nodes either way round (a city PART_OF a city, a city
 * LEARNED_FROM a city) the arrow is the only way to tell.
 */
export function needsArrow(type: RelationType): boolean {
  return RELATION_LABEL_PAIRS[type].some(([from, to]) => allowsLabelPair(type, to, from));
}

export const ARROWED_TYPES: ReadonlySet<RelationType> = new Set(RELATION_TYPES.filter(needsArrow));

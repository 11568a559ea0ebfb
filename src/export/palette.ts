/**
 * Public. One colour per node label and one human label per relation type, shared by the
 * exports (GEXF `viz:color`, the sigma-ready graphology JSON) and the explorer page, so a
 * graph looks and reads the same in Gephi and in the browser. Pure data: the web bundle
 * imports this file too, so it must stay free of Node APIs.
 */
import type { NodeLabel, RelationType } from '../domain/ontology';

/** Colour-blind-friendly enough to tell nine labels apart (Tableau 10 hues). */
export const LABEL_COLOURS: Readonly<Record<NodeLabel, string>> = {
  City: '#4e79a7',
  Country: '#f28e2b',
  Person: '#e15759',
  Organization: '#76b7b2',
  Programme: '#59a14f',
  Commitment: '#edc948',
  Declaration: '#b07aa1',
  Event: '#ff9da7',
  Document: '#9c755f',
};

/**
 * What each relation type says, as a legend or filter shows it (read "from … to"). A Record,
 * so a type added to the ontology cannot go unlabelled.
 */
export const RELATION_LABELS: Readonly<Record<RelationType, string>> = {
  IN_COUNTRY: 'in country',
  PART_OF: 'part of',
  LEADS: 'leads',
  WORKS_FOR: 'works for',
  MEMBER_OF: 'member of',
  PARTICIPATED_IN: 'took part in (event)',
  RUNS: 'runs',
  PARTNER_IN: 'partner in',
  PARTNERS_WITH: 'partners with',
  ADVANCES: 'example of (commitment)',
  HAS_COMMITMENT: 'has commitment',
  ENDORSED: 'endorsed',
  HELD_IN: 'held in',
  BASED_IN: 'based in',
  TAKES_PART_IN: 'takes part in (programme)',
  LEARNED_FROM: 'learned from',
};

/** Node size for drawing: grows with the square root of the degree so hubs stand out without swamping. */
export function nodeSize(degree: number): number {
  return Math.round((4 + 2 * Math.sqrt(Math.max(0, degree))) * 100) / 100;
}

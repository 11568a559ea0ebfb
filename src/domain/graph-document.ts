/**
 * Public. The shape of a curated graph document (`seed/graph/*.json`) and of the node and
 * relation records that every store holds. zod checks the shape of one file; the semantic
 * checks that need the whole graph (ids, endpoints, provenance) live in `validate-graph.ts`.
 */
import { z } from 'zod';
import {
  CITY_KINDS,
  EVENT_KINDS,
  ORGANIZATION_KINDS,
  PARTICIPATION_ROLES,
  PARTNER_ROLES,
  PROGRAMME_KINDS,
  RELATION_TYPES,
} from './ontology';

const nonEmpty = z.string().trim().min(1);

/** A partial ISO date: `2023`, `2023-08` or `2023-08-02`. */
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const sourceRefSchema = z.strictObject({
  /** The source document's node id, `doc:000` … */
  doc: nonEmpty,
  /** A verbatim span of that document (compared after whitespace normalisation). */
  quote: nonEmpty,
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

const nodeBase = {
  id: nonEmpty,
  /** English name: a translation or transliteration, with the real official spelling. */
  name: nonEmpty,
  /** The name exactly as the Arabic source writes it. */
  nameAr: nonEmpty,
  /** Other spellings the sources use (Arabic or Latin), searched like the name. */
  aliases: z.array(nonEmpty).optional(),
  /** Why a name departs from the source, or anything a reader should know. */
  note: nonEmpty.optional(),
  sources: z.array(sourceRefSchema),
};

export const cityNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('City'),
  kind: z.enum(CITY_KINDS),
  population: z.number().int().positive().optional(),
});
export const countryNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Country'),
  /** ISO 3166-1 alpha-2, upper case. */
  code: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "PK"'),
});
export const personNodeSchema = z.strictObject({ ...nodeBase, label: z.literal('Person') });
export const organizationNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Organization'),
  kind: z.enum(ORGANIZATION_KINDS),
  acronym: nonEmpty.optional(),
});
export const programmeNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Programme'),
  kind: z.enum(PROGRAMME_KINDS),
  startYear: z.number().int().min(1900).max(2100).optional(),
});
export const commitmentNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Commitment'),
  number: z.number().int().positive(),
  /** English text of the commitment. */
  text: nonEmpty,
  /** The commitment's text as the Arabic source writes it. */
  textAr: nonEmpty,
});
export const declarationNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Declaration'),
  date: partialDate.optional(),
});
export const eventNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Event'),
  kind: z.enum(EVENT_KINDS),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  /** Where it took place, in English. */
  place: nonEmpty.optional(),
});
export const documentNodeSchema = z.strictObject({
  ...nodeBase,
  label: z.literal('Document'),
  /** English title. */
  title: nonEmpty,
  /** File name under `seed/sources/`. */
  file: nonEmpty,
  published: partialDate.optional(),
  updated: partialDate.optional(),
});

export const nodeRecordSchema = z.discriminatedUnion('label', [
  cityNodeSchema,
  countryNodeSchema,
  personNodeSchema,
  organizationNodeSchema,
  programmeNodeSchema,
  commitmentNodeSchema,
  declarationNodeSchema,
  eventNodeSchema,
  documentNodeSchema,
]);

export type CityNode = z.infer<typeof cityNodeSchema>;
export type CountryNode = z.infer<typeof countryNodeSchema>;
export type PersonNode = z.infer<typeof personNodeSchema>;
export type OrganizationNode = z.infer<typeof organizationNodeSchema>;
export type ProgrammeNode = z.infer<typeof programmeNodeSchema>;
export type CommitmentNode = z.infer<typeof commitmentNodeSchema>;
export type DeclarationNode = z.infer<typeof declarationNodeSchema>;
export type EventNode = z.infer<typeof eventNodeSchema>;
export type DocumentNode = z.infer<typeof documentNodeSchema>;
export type NodeRecord = z.infer<typeof nodeRecordSchema>;
/** The record type of one label: `NodeOf<'City'>` is `CityNode`. */
export type NodeOf<L extends NodeRecord['label']> = Extract<NodeRecord, { label: L }>;

export const relationInputSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  from: nonEmpty,
  to: nonEmpty,
  /** LEADS, WORKS_FOR, ENDORSED: the person's title (Mayor, Governor, Lord Mayor, …). */
  title: nonEmpty.optional(),
  /** LEADS: the date or year the source places the leadership at. */
  asOf: partialDate.optional(),
  /** PARTICIPATED_IN and PARTNER_IN: the role. */
  role: z.enum([...PARTICIPATION_ROLES, ...PARTNER_ROLES]).optional(),
  /** MEMBER_OF: the year or date of joining. */
  since: partialDate.optional(),
  /** PARTNERS_WITH: what the partnership is about. */
  context: nonEmpty.optional(),
  /** ENDORSED: the city the person endorsed for (a City id). */
  forCity: nonEmpty.optional(),
  note: nonEmpty.optional(),
  sources: z.array(sourceRefSchema),
});
export type RelationInput = z.infer<typeof relationInputSchema>;

/** A relation as stores hold it: its input plus a stable id derived from type and endpoints. */
export type RelationRecord = RelationInput & { readonly id: string };

/** One relation per (type, from, to): `person:a-LEADS->city:b`. */
export function relationId(relation: Pick<RelationInput, 'type' | 'from' | 'to'>): string {
  return `${relation.from}-${relation.type}->${relation.to}`;
}

export const graphDocumentSchema = z.strictObject({
  $comment: z.string().optional(),
  nodes: z.array(z.unknown()).default([]),
  relations: z.array(z.unknown()).default([]),
});

/** A whole graph: what ingest writes to a store. */
export interface GraphData {
  readonly nodes: readonly NodeRecord[];
  readonly relations: readonly RelationRecord[];
}

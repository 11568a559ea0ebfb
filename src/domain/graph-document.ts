/**
 * Public. The shape of a curated graph document (`seed/graph/*.json`) and of the node and
 * relation records that every store holds. zod checks the shape of one file; the semantic
 * checks that need the whole graph (ids, endpoints, provenance) live in `validate-graph.ts`.
 */
import { z } from 'zod';
import { unsafeTextReason } from './text';
import {
  CITY_KINDS,
  EVENT_KINDS,
  ORGANIZATION_KINDS,
  PARTICIPATION_ROLES,
  PARTNER_ROLES,
  PROGRAMME_KINDS,
  PROGRAMME_ROLES,
  RELATION_TYPES,
  CONFIDENCE_LEVELS,
  isNodeId,
  type RelationType,
} from './ontology';

/** Curated text: not blank, and free of control, bidirectional-override and lone-surrogate characters. */
const nonEmpty = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, context) => {
    const reason = unsafeTextReason(text);
    if (reason) context.addIssue({ code: 'custom', message: reason });
  });

/** A partial ISO date: `2023`, `2023-08` or `2023-08-02`. */
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** Whether `text` is a web page's address (http or https) a curated fact may cite. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/[^\s]+$/.test(text)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * The quote of a source: a verbatim span (compared after whitespace normalisation) that can
 * state a fact: at least three words or twelve characters, no format characters (the
 * validator checks both with the provenance).
 */
const quote = nonEmpty;

/** A fact as one of the source documents states it. */
export const documentSourceSchema = z.strictObject({
  /** The source document's node id, `doc:000` … */
  doc: nonEmpty,
  quote,
});

export type DocumentSource = z.infer<typeof documentSourceSchema>;

/** A curated fact citing a web page (never a seed fact: the seed cites only its documents). */
export const webSourceSchema = z.strictObject({
  url: nonEmpty.refine(isWebAddress, 'expected an http(s) URL'),
  quote,
});

export type WebSource = z.infer<typeof webSourceSchema>;
export type SourceRef = DocumentSource | WebSource;

/** Where a fact comes from: a document and its words, or a web page and its words. */
export const sourceUnionSchema = z.union([documentSourceSchema, webSourceSchema]);

/**
 * A source schema (its two kinds as given) that also reads the earlier spelling of a web
 * source: journals and backups written before sources said what they cite kept the page's
 * address in `doc`. A codec, so changes can still be encoded for the journal.
 */
export function readingEarlierWebSources(document: z.ZodType<DocumentSource>, web: z.ZodType<WebSource>) {
  return z.codec(z.union([document, web]), sourceUnionSchema, {
    decode: (source): SourceRef => ('doc' in source && isWebAddress(source.doc) ? { url: source.doc, quote: source.quote } : source),
    encode: (source) => source,
  });
}

export const sourceRefSchema = readingEarlierWebSources(documentSourceSchema, webSourceSchema);
export function isDocumentSource(source: SourceRef): source is DocumentSource {
  return 'doc' in source;
}

/** What a source cites, as one string: the document id or the page's address. */
export function citedBy(source: SourceRef): string {
  return isDocumentSource(source) ? source.doc : source.url;
}

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

/**
 * One label's schema, its keys in the order the seed files write them: id, label, kind,
 * the names, the label's own properties, then aliases, note and sources. A parse gives its
 * keys in the schema's order, and the validator's fast path (canonical-records.ts) passes
 * an entry already in that order through as it is: at a million relations, written any
 * other way, every record was copied once more only to reorder its keys.
 */
function nodeOf<const L extends string, const K extends z.ZodRawShape, const S extends z.ZodRawShape>(label: L, kind: K, shape: S) {
  const { id, name, nameAr, aliases, note, sources } = nodeBase;
  return z.strictObject({ id, label: z.literal(label), ...kind, name, nameAr, ...shape, aliases, note, sources });
}

export const cityNodeSchema = nodeOf('City', { kind: z.enum(CITY_KINDS) }, { population: z.number().int().positive().optional() });
export const countryNodeSchema = nodeOf(
  'Country',
  {},
  {
    /** ISO 3166-1 alpha-2, upper case. */
    code: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "PK"'),
  },
);
export const personNodeSchema = nodeOf('Person', {}, {});
export const organizationNodeSchema = nodeOf('Organization', { kind: z.enum(ORGANIZATION_KINDS) }, { acronym: nonEmpty.optional() });
export const programmeNodeSchema = nodeOf(
  'Programme',
  { kind: z.enum(PROGRAMME_KINDS) },
  { startYear: z.number().int().min(1900).max(2100).optional() },
);
export const commitmentNodeSchema = nodeOf(
  'Commitment',
  {},
  {
    number: z.number().int().positive(),
    /** English text of the commitment. */
    text: nonEmpty,
    /** The commitment's text as the Arabic source writes it. */
    textAr: nonEmpty,
  },
);
export const declarationNodeSchema = nodeOf('Declaration', {}, { date: partialDate.optional() });
export const eventNodeSchema = nodeOf(
  'Event',
  { kind: z.enum(EVENT_KINDS) },
  {
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    /** Where it took place, in English. */
    place: nonEmpty.optional(),
  },
);
export const documentNodeSchema = nodeOf(
  'Document',
  {},
  {
    /** English title. */
    title: nonEmpty,
    /** File name under `seed/sources/`. */
    file: nonEmpty,
    published: partialDate.optional(),
    updated: partialDate.optional(),
  },
);

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

/** Properties every relation may carry, whatever its type: the head comes before a type's own, the tail after. */
const relationHead = {
  from: nonEmpty,
  to: nonEmpty,
  /** How sure the graph is: STATED unless said otherwise (the seed always says it). */
  confidence: z.enum(CONFIDENCE_LEVELS).default('STATED'),
};
const relationTail = {
  /** How an INFERRED relation follows from its quote, why a DOUBTFUL one is doubted, or any remark. */
  note: nonEmpty.optional(),
  sources: z.array(sourceRefSchema),
};

/** One type's schema, its keys in the seed files' order (type, ends, confidence, its own, note, sources; see nodeOf). */
function relationOf<const T extends RelationType, const S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), ...relationHead, ...shape, ...relationTail });
}

/** Every relation property with its value type; which types take which is `relationInputSchema`. */
const relationProperties = {
  /** LEADS, WORKS_FOR, ENDORSED: the person's title (Mayor, Governor, Lord Mayor, …). */
  title: nonEmpty,
  /** LEADS: the date the source places the leadership at (the document's date where it gives no other). */
  asOf: partialDate,
  /** MEMBER_OF: the year or date of joining. */
  since: partialDate,
  /** PARTNERS_WITH, LEARNED_FROM: what the partnership or the learning is about. */
  context: nonEmpty,
  /** ENDORSED: the city the person endorsed for (a City id). */
  forCity: nonEmpty,
  /**
   * ADVANCES from a City: the Programmes or Organizations its example names, in the order
   * the example names them (each ADVANCES the commitment too).
   */
  through: z.array(nonEmpty).min(1),
  /** LEARNED_FROM: the Event where the learning happened. */
  at: nonEmpty,
} as const;
const { title, asOf, since, context, forCity, through, at } = relationProperties;

/**
 * One relation of the graph: the property rules of each type as one discriminated union
 * (a type takes only its own properties; LEADS needs a title and an `asOf`, roles come from
 * their type's vocabulary).
 */
export const relationInputSchema = z
  .discriminatedUnion('type', [
    relationOf('IN_COUNTRY', {}),
    relationOf('PART_OF', {}),
    relationOf('LEADS', { title, asOf }),
    relationOf('WORKS_FOR', { title: title.optional() }),
    relationOf('MEMBER_OF', { since: since.optional() }),
    relationOf('PARTICIPATED_IN', { role: z.enum(PARTICIPATION_ROLES) }),
    relationOf('RUNS', {}),
    relationOf('PARTNER_IN', { role: z.enum(PARTNER_ROLES) }),
    relationOf('PARTNERS_WITH', { context: context.optional() }),
    relationOf('ADVANCES', { through: through.optional() }),
    relationOf('HAS_COMMITMENT', {}),
    relationOf('ENDORSED', { title, forCity: forCity.optional() }),
    relationOf('HELD_IN', {}),
    relationOf('BASED_IN', {}),
    relationOf('TAKES_PART_IN', { role: z.enum(PROGRAMME_ROLES) }),
    relationOf('LEARNED_FROM', { context: context.optional(), at: at.optional() }),
  ])
  .superRefine((relation, context_) => {
    if (relation.confidence !== 'STATED' && relation.note === undefined) {
      context_.addIssue({
        code: 'custom',
        path: ['note'],
        message: `a ${relation.confidence} relation needs a note saying ${relation.confidence === 'INFERRED' ? 'how it follows from its quote' : 'why it is doubted'}`,
      });
    }
  });

/**
 * The shape any relation has, whatever its type: every known property, each of its own
 * value type. The validator reads a file's relations with this first (a wrong shape is a
 * SHAPE problem), then applies `relationInputSchema`'s rules (a BAD_PROPERTY problem).
 */
export const relationShapeSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  ...relationHead,
  title: title.optional(),
  asOf: asOf.optional(),
  role: z.enum([...PARTICIPATION_ROLES, ...PARTNER_ROLES, ...PROGRAMME_ROLES]).optional(),
  since: since.optional(),
  context: context.optional(),
  forCity: forCity.optional(),
  through: through.optional(),
  at: at.optional(),
  ...relationTail,
});

/** Adds the issues of the per-type rules (`relationInputSchema`) to a relation read by its shape. */
export function checkRelationRules(relation: z.output<typeof relationShapeSchema>, context: z.RefinementCtx): void {
  const checked = relationInputSchema.safeParse(relation);
  if (!checked.success) for (const issue of checked.error.issues) context.addIssue({ ...issue, code: 'custom', message: issue.message });
}

/** A relation with its type's rules applied, read as the flat `RelationInput`. */
export const relationSchema = relationShapeSchema.superRefine(checkRelationRules);

/**
 * A relation as every consumer reads it: one flat record whatever its type (a property a
 * type does not take is simply absent). Parsing with `relationInputSchema` guarantees the
 * per-type rules.
 */
export type RelationInput = z.output<typeof relationShapeSchema>;

// Every relation the rules accept is a RelationInput.
type Assignable<T extends U, U> = T;
export type _RulesFitShape = Assignable<z.output<typeof relationInputSchema>, RelationInput>;

/** A relation as stores hold it: its input plus a stable id derived from type and endpoints. */
export type RelationRecord = RelationInput & { readonly id: string };

/** One relation per (type, from, to): `person:a-LEADS->city:b`. */
/** A relation named by what identifies it: its type and its two ends. */
export type RelationKey = Pick<RelationInput, 'type' | 'from' | 'to'>;

/** `-TYPE->` per type: an id is then built of three pieces, not five (a million ids at a million relations). */
const ID_MIDDLES: ReadonlyMap<string, string> = new Map(RELATION_TYPES.map((type) => [type, `-${type}->`]));

export function relationId(relation: RelationKey): string {
  return relation.from + (ID_MIDDLES.get(relation.type) ?? `-${relation.type}->`) + relation.to;
}

const RELATION_ID = new RegExp(`^(.+?)-(${RELATION_TYPES.join('|')})->(.+)$`);

/**
 * `relationId`'s inverse: the type and ends of a relation id, or undefined unless TYPE is a
 * relation type and both ends are node ids. Ids are parsed back once, where they come in.
 */
export function parseRelationId(id: string): RelationKey | undefined {
  const match = RELATION_ID.exec(id);
  if (!match) return undefined;
  const [, from = '', typeName = '', to = ''] = match;
  const type = RELATION_TYPES.find((known) => known === typeName);
  if (type === undefined || !isNodeId(from) || !isNodeId(to)) return undefined;
  return { type, from, to };
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

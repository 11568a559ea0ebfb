/**
 * Public. What a curator can do to the graph, as data: the journal stores these changes and
 * replays them in order onto the seed at every start. Each change carries its provenance.
 *
 * Two schemas read a change. `parseCurationChange` is the one check at the edge: the
 * ontology's own record schemas with every size bounded by `.max()` (a curated name is not
 * a place for 90 kB of text), relation ids parsed into their key once, and the result
 * branded `CheckedChange`, the only kind the curation service takes. `storedChangeSchema`
 * reads (and writes) the journal: the same shapes without the bounds, so a bound tightened
 * later never makes an old journal unreadable. The ontology itself (labels, properties,
 * endpoints, verbatim quotes) is `validateGraph`'s job, against the current graph.
 */
import { z } from 'zod';
import {
  cityNodeSchema,
  commitmentNodeSchema,
  countryNodeSchema,
  declarationNodeSchema,
  documentNodeSchema,
  eventNodeSchema,
  nodeRecordSchema,
  organizationNodeSchema,
  personNodeSchema,
  programmeNodeSchema,
  parseRelationId,
  relationId,
  checkRelationRules,
  relationSchema,
  relationShapeSchema,
  sourceRefSchema,
  sourceUnionSchema,
  documentSourceSchema,
  webSourceSchema,
  readingEarlierWebSources,
  type RelationKey,
  type SourceRef,
} from '../domain/graph-document';
import { COMMON_NODE_PROPERTIES, LABEL_PROPERTIES, RELATION_TYPES } from '../domain/ontology';
import { InvalidArgumentError } from '../store/GraphStore';

export const CURATION_ACTIONS = ['createNode', 'updateNode', 'addRelation', 'removeRelation'] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

/** Longest quote, note or URL accepted in a curated change. */
export const MAX_LONG_TEXT = 2_000;
/** Longest name, title or other short property. */
export const MAX_SHORT_TEXT = 300;
/** Most aliases on one node. */
export const MAX_ALIASES = 50;
/** Most sources on one node: a curated change may not add one beyond this. */
export const MAX_SOURCES = 50;
/** Longest relation id (two node ids and a type). */
export const MAX_RELATION_ID = 700;

const fieldValue = z.union([z.string(), z.number(), z.array(z.string())]);
const relationKeySchema = z.strictObject({ type: z.enum(RELATION_TYPES), from: z.string(), to: z.string() });

type StoredRemoval = { kind: 'removeRelation'; id: string; source: SourceRef };
type Removal = { kind: 'removeRelation'; relation: RelationKey; source: SourceRef };

/** The relation id of a removal, parsed into its key: the one place relation ids are read. */
function decodeRemoval({ id, ...rest }: StoredRemoval, payload: z.core.ParsePayload<unknown>): Removal {
  const relation = parseRelationId(id);
  if (relation) return { ...rest, relation };
  payload.issues.push({
    code: 'custom',
    input: id,
    path: ['id'],
    message: `${JSON.stringify(id.slice(0, 100))} is not a relation id; they look like "person:a-LEADS->city:b"`,
  });
  return z.NEVER;
}

function encodeRemoval({ relation, ...rest }: Removal): StoredRemoval {
  return { ...rest, id: relationId(relation) };
}

function removalSchema(id: z.ZodString, source: z.ZodType<SourceRef>) {
  return z.codec(
    z.strictObject({ kind: z.literal('removeRelation'), id, source }),
    z.strictObject({ kind: z.literal('removeRelation'), relation: relationKeySchema, source: sourceUnionSchema }),
    { decode: decodeRemoval, encode: encodeRemoval },
  );
}

/** A change as the journal holds it (JSON); `z.encode` writes one, `parse` reads one back. */
export const storedChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('createNode'), node: nodeRecordSchema }),
  z.strictObject({
    kind: z.literal('updateNode'),
    id: z.string().min(1),
    set: z.record(z.string(), fieldValue.optional()),
    source: sourceRefSchema,
  }),
  z.strictObject({ kind: z.literal('addRelation'), relation: relationSchema }),
  removalSchema(z.string().min(1), sourceRefSchema),
]);

export type CurationChange = z.output<typeof storedChangeSchema>;
/** Node properties an update may set: everything but the id, the label and the sources. */
export type NodeFields = Extract<CurationChange, { kind: 'updateNode' }>['set'];

// The bounded schemas: the ontology's fields with a `.max()` each.
const source = readingEarlierWebSources(
  documentSourceSchema.extend({
    doc: documentSourceSchema.shape.doc.max(MAX_LONG_TEXT),
    quote: documentSourceSchema.shape.quote.max(MAX_LONG_TEXT),
  }),
  webSourceSchema.extend({
    url: webSourceSchema.shape.url.max(MAX_LONG_TEXT),
    quote: webSourceSchema.shape.quote.max(MAX_LONG_TEXT),
  }),
);
const oneSource = z.array(source).length(1, 'a change cites exactly one source');
// Every label shares these fields (graph-document's nodeBase).
const base = cityNodeSchema.shape;
const boundedNodeBase = {
  id: base.id.max(MAX_SHORT_TEXT),
  name: base.name.max(MAX_SHORT_TEXT),
  nameAr: base.nameAr.max(MAX_SHORT_TEXT),
  aliases: z.array(base.aliases.unwrap().element.max(MAX_SHORT_TEXT)).max(MAX_ALIASES).optional(),
  note: base.note.unwrap().max(MAX_LONG_TEXT).optional(),
  sources: oneSource,
};
const boundedNodeSchema = z.discriminatedUnion('label', [
  cityNodeSchema.extend(boundedNodeBase),
  countryNodeSchema.extend(boundedNodeBase),
  personNodeSchema.extend(boundedNodeBase),
  organizationNodeSchema.extend({
    ...boundedNodeBase,
    acronym: organizationNodeSchema.shape.acronym.unwrap().max(MAX_SHORT_TEXT).optional(),
  }),
  programmeNodeSchema.extend(boundedNodeBase),
  commitmentNodeSchema.extend({
    ...boundedNodeBase,
    text: commitmentNodeSchema.shape.text.max(MAX_LONG_TEXT),
    textAr: commitmentNodeSchema.shape.textAr.max(MAX_LONG_TEXT),
  }),
  declarationNodeSchema.extend(boundedNodeBase),
  eventNodeSchema.extend({ ...boundedNodeBase, place: eventNodeSchema.shape.place.unwrap().max(MAX_SHORT_TEXT).optional() }),
  documentNodeSchema.extend({
    ...boundedNodeBase,
    title: documentNodeSchema.shape.title.max(MAX_SHORT_TEXT),
    file: documentNodeSchema.shape.file.max(MAX_SHORT_TEXT),
  }),
]);
// The bounds go on the flat shape of a relation; the per-type rules (relationInputSchema) follow.
const relation = relationShapeSchema.shape;
const boundedRelationSchema = relationShapeSchema
  .extend({
    from: relation.from.max(MAX_SHORT_TEXT),
    to: relation.to.max(MAX_SHORT_TEXT),
    title: relation.title.unwrap().max(MAX_SHORT_TEXT).optional(),
    context: relation.context.unwrap().max(MAX_SHORT_TEXT).optional(),
    forCity: relation.forCity.unwrap().max(MAX_SHORT_TEXT).optional(),
    through: relation.through.unwrap().max(MAX_ALIASES).optional(),
    at: relation.at.unwrap().max(MAX_SHORT_TEXT).optional(),
    note: relation.note.unwrap().max(MAX_LONG_TEXT).optional(),
    sources: oneSource,
  })
  .superRefine(checkRelationRules);

/** Properties holding running text (the long bound); every other string is short. */
const LONG_TEXT_FIELDS: ReadonlySet<string> = new Set(['note', 'text', 'textAr']);
/** Every node property but the id; the label's own rules are the validator's. */
const SETTABLE_FIELDS = [...new Set<string>([...COMMON_NODE_PROPERTIES, ...Object.values(LABEL_PROPERTIES).flat()])].filter(
  (field) => field !== 'id',
);
const boundedSetSchema = z.strictObject(
  Object.fromEntries(
    SETTABLE_FIELDS.map((field) => [
      field,
      z
        .union([
          z.string().max(LONG_TEXT_FIELDS.has(field) ? MAX_LONG_TEXT : MAX_SHORT_TEXT),
          z.number(),
          z.array(z.string().max(MAX_SHORT_TEXT)).max(MAX_ALIASES),
        ])
        .optional(),
    ]),
  ),
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')} cannot be set by an update (the id and label are fixed; the provenance adds a source)`
        : undefined,
  },
);

const checkedChangeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('createNode'), node: boundedNodeSchema }),
    z.strictObject({ kind: z.literal('updateNode'), id: z.string().min(1).max(MAX_SHORT_TEXT), set: boundedSetSchema, source }),
    z.strictObject({ kind: z.literal('addRelation'), relation: boundedRelationSchema }),
    removalSchema(z.string().min(1).max(MAX_RELATION_ID), source),
  ])
  .brand<'CheckedChange'>();

/** A change that passed the edge's check: the only kind `CurationService.apply` takes. */
export type CheckedChange = z.output<typeof checkedChangeSchema>;

/** Checks a change made from a request once: shapes, bounds, relation ids. */
export function parseCurationChange(raw: unknown): CheckedChange {
  const parsed = checkedChangeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const kind = typeof raw === 'object' && raw !== null && 'kind' in raw && typeof raw.kind === 'string' ? raw.kind : 'change';
  const problems = parsed.error.issues.map((issue) => `${issue.path.slice(1).join('.') || issue.path.join('.')}: ${issue.message}`);
  throw new InvalidArgumentError(`${kind}: ${problems.join('; ')}`);
}

/** The id of the node or relation a change is about. */
export function entityIdOf(change: CurationChange): string {
  switch (change.kind) {
    case 'createNode':
      return change.node.id;
    case 'updateNode':
      return change.id;
    case 'addRelation':
    case 'removeRelation':
      return relationId(change.relation);
  }
}

/** The provenance a change cites: the source it adds, or the one that justifies a removal. */
export function provenanceOf(change: CurationChange): SourceRef {
  switch (change.kind) {
    case 'createNode':
      return firstSource(change.kind, change.node.sources);
    case 'addRelation':
      return firstSource(change.kind, change.relation.sources);
    case 'updateNode':
    case 'removeRelation':
      return change.source;
  }
}

function firstSource(kind: CurationAction, sources: readonly SourceRef[]): SourceRef {
  const [first] = sources;
  if (first === undefined) throw new InvalidArgumentError(`${kind}: the change cites no source`);
  return first;
}

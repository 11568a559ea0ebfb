/**
 * Internal. Curation mutations: each checks the caller's role, turns its input into a
 * change (the provenance into a source, GraphQL spellings into the ontology's), has it
 * checked once by `parseCurationChange` (shapes, bounds, relation ids) and hands it to the
 * curation service, which validates, journals and applies it.
 */
import { MAX_ALIASES, parseCurationChange } from '../../curation/curation-change';
import type { CurationService } from '../../curation/CurationService';
import { isWebAddress, type NodeRecord, type RelationRecord, type SourceRef } from '../../domain/graph-document';
import { ID_PATTERN } from '../../domain/ontology';
import { badUserInput, ErrorCode, ServiceError } from '../../errors';
import { checkNodeId } from '../arguments';
import type { ApiContext } from '../context';
import { labelOf } from '../enums';
import { toGraphQLError } from '../graphql-errors';
import { requireRole } from '../require-role';
import type { AddRelationInput, MutationResolvers, ProvenanceInput } from '../resolvers-types.generated';
import { toAuditEntry } from './audit-log';

/** Longest web source accepted. */
const MAX_URL = 2_000;
/** Most programmes and organisations one commitment example names (curation-change's bound). */
const MAX_THROUGH = MAX_ALIASES;

function curationOf(context: ApiContext): CurationService {
  if (!context.curation) {
    throw toGraphQLError(
      new ServiceError(ErrorCode.FORBIDDEN, 'this server takes no curated changes: it was started without a curation journal'),
    );
  }
  return context.curation;
}

/** The provenance as a stored source: a Document and its words, or a web page and its words. */
function sourceOf(provenance: ProvenanceInput): SourceRef {
  const { doc, url, quote } = provenance;
  if ((doc === null || doc === undefined) === (url === null || url === undefined)) {
    throw badUserInput(
      'provenance: give exactly one of doc (a source Document id such as "doc:003") or url (an http(s) page)',
      'provenance',
    );
  }
  if (doc !== null && doc !== undefined) {
    if (!ID_PATTERN.Document.test(doc)) {
      throw badUserInput(
        `provenance.doc: ${JSON.stringify(doc.slice(0, 100))} is not a Document id; they look like "doc:003"`,
        'provenance',
      );
    }
    return { doc, quote };
  }
  const page = url as string;
  if (page.length > MAX_URL || !isWebAddress(page)) {
    throw badUserInput(
      `provenance.url: expected an http(s) URL of at most ${MAX_URL} characters, got ${JSON.stringify(page.slice(0, 100))}`,
      'provenance',
    );
  }
  return { url: page, quote };
}

/** The set properties of a node input: nulls dropped, `kind` in the ontology's spelling. */
function nodeFields(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || key === 'id' || key === 'type' || key === 'provenance') continue;
    fields[key] = key === 'kind' && typeof value === 'string' ? value.toLowerCase().replace(/_/g, '-') : value;
  }
  return fields;
}

/** The relation input in the ontology's terms, nulls dropped. */
function relationOf(input: AddRelationInput): Record<string, unknown> {
  const { type, fromId, toId, forCityId, throughIds, atId, role, provenance, ...rest } = input;
  const properties = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null && value !== undefined));
  if (throughIds && throughIds.length > MAX_THROUGH) {
    throw badUserInput(`input.throughIds holds ${throughIds.length} ids; the bound is ${MAX_THROUGH}`, 'input.throughIds');
  }
  return {
    type,
    from: checkNodeId(fromId, 'input.fromId'),
    to: checkNodeId(toId, 'input.toId'),
    ...properties,
    ...(role ? { role: role.toLowerCase() } : {}),
    ...(forCityId ? { forCity: checkNodeId(forCityId, 'input.forCityId', 'City') } : {}),
    ...(throughIds ? { through: throughIds.map((id) => checkNodeId(id, 'input.throughIds')) } : {}),
    ...(atId ? { at: checkNodeId(atId, 'input.atId') } : {}),
    sources: [sourceOf(provenance)],
  };
}

/** Checks the change once (`parseCurationChange`), then has the curation service apply it. */
async function apply(context: ApiContext, editor: string, change: Readonly<Record<string, unknown>>) {
  const result = await curationOf(context).apply(parseCurationChange(change), editor);
  // Later fields of this request must see the graph as changed, not as cached before.
  context.loaders.node.clearAll();
  context.loaders.relations.clearAll();
  return { after: result.after, audit: toAuditEntry(result.entry) };
}

function nodeOf(after: NodeRecord | RelationRecord | null): NodeRecord {
  if (after === null || !('label' in after)) throw new Error('the curation service answered no node');
  return after;
}

export const Mutation: MutationResolvers = {
  createNode: async (_root, { input }, context) => {
    // The role is checked before the input, so a caller without one learns nothing about it.
    const editor = requireRole(context.principal, 'editor', 'createNode');
    const node = { id: input.id, label: labelOf(input.type), ...nodeFields(input), sources: [sourceOf(input.provenance)] };
    const { after, audit } = await apply(context, editor, { kind: 'createNode', node });
    return { node: nodeOf(after), audit };
  },

  updateNode: async (_root, { input }, context) => {
    // The role is checked before the input, so a caller without one learns nothing about it.
    const editor = requireRole(context.principal, 'editor', 'updateNode');
    const id = checkNodeId(input.id, 'input.id');
    const { after, audit } = await apply(context, editor, {
      kind: 'updateNode',
      id,
      set: nodeFields(input),
      source: sourceOf(input.provenance),
    });
    return { node: nodeOf(after), audit };
  },

  addRelation: async (_root, { input }, context) => {
    // The role is checked before the input, so a caller without one learns nothing about it.
    const editor = requireRole(context.principal, 'editor', 'addRelation');
    const { after, audit } = await apply(context, editor, { kind: 'addRelation', relation: relationOf(input) });
    if (after === null || 'label' in after) throw new Error('addRelation: the curation service answered no relation');
    return { relation: after, audit };
  },

  removeRelation: async (_root, { input }, context) => {
    // The role is checked before the input, so a caller without one learns nothing about it.
    const editor = requireRole(context.principal, 'editor', 'removeRelation');
    const { audit } = await apply(context, editor, { kind: 'removeRelation', id: input.id, source: sourceOf(input.provenance) });
    return { relation: null, audit };
  },
};

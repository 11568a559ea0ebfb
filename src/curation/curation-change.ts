/**
 * Public. What a curator can do to the graph, as data: the journal stores these changes and
 * replays them in order onto the seed at every start. Each change carries its provenance.
 *
 * The schema here bounds sizes (a curated name is not a place for 90 kB of text); the
 * ontology itself (labels, properties, endpoints, verbatim quotes) is `validateGraph`'s job.
 */
import { z } from 'zod';
import {
  nodeRecordSchema,
  relationInputSchema,
  sourceRefSchema,
  type NodeRecord,
  type RelationInput,
  type SourceRef,
} from '../domain/graph-document';

export const CURATION_ACTIONS = ['createNode', 'updateNode', 'addRelation', 'removeRelation'] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

/** Longest quote, note or URL accepted in a curated change. */
export const MAX_LONG_TEXT = 2_000;
/** Longest name, title or other short property. */
export const MAX_SHORT_TEXT = 300;
/** Most aliases on one node. */
export const MAX_ALIASES = 50;

/** Node properties an update may set: everything but the id, the label and the sources. */
export type NodeFieldValue = string | number | readonly string[];
export type NodeFields = Readonly<Record<string, NodeFieldValue>>;

export type CurationChange =
  | { readonly kind: 'createNode'; readonly node: NodeRecord }
  | { readonly kind: 'updateNode'; readonly id: string; readonly set: NodeFields; readonly source: SourceRef }
  | { readonly kind: 'addRelation'; readonly relation: RelationInput }
  | { readonly kind: 'removeRelation'; readonly id: string; readonly source: SourceRef };

const fieldValue = z.union([z.string(), z.number(), z.array(z.string())]);

/** The shape of a change as journalled; `parseCurationChange` reads it back. */
export const curationChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('createNode'), node: nodeRecordSchema }),
  z.strictObject({ kind: z.literal('updateNode'), id: z.string().min(1), set: z.record(z.string(), fieldValue), source: sourceRefSchema }),
  z.strictObject({ kind: z.literal('addRelation'), relation: relationInputSchema }),
  z.strictObject({ kind: z.literal('removeRelation'), id: z.string().min(1), source: sourceRefSchema }),
]);

/** The provenance a change cites: the source it adds, or the one that justifies a removal. */
export function provenanceOf(change: CurationChange): SourceRef {
  switch (change.kind) {
    case 'createNode':
      return change.node.sources[0] as SourceRef;
    case 'addRelation':
      return change.relation.sources[0] as SourceRef;
    case 'updateNode':
    case 'removeRelation':
      return change.source;
  }
}

/** Size problems of a change (empty when it is within bounds). */
export function boundsProblems(change: CurationChange): string[] {
  const problems: string[] = [];
  if (change.kind === 'updateNode') {
    const fixed = Object.keys(change.set).filter((key) => key === 'id' || key === 'label' || key === 'sources');
    if (fixed.length > 0)
      problems.push(`${fixed.join(', ')} cannot be set by an update (the id and label are fixed; the provenance adds a source)`);
  }
  const check = (field: string, value: unknown): void => {
    if (typeof value === 'string') {
      const bound =
        field === 'quote' || field === 'doc' || field === 'note' || field === 'text' || field === 'textAr' ? MAX_LONG_TEXT : MAX_SHORT_TEXT;
      if (value.length > bound) problems.push(`${field} is ${value.length} characters; the bound is ${bound}`);
    } else if (Array.isArray(value)) {
      if (field === 'aliases' && value.length > MAX_ALIASES)
        problems.push(`aliases holds ${value.length} names; the bound is ${MAX_ALIASES}`);
      if (field === 'sources' && value.length > 1) problems.push('a change cites exactly one source');
      for (const item of value as unknown[]) {
        if (typeof item === 'object' && item !== null) {
          for (const [key, inner] of Object.entries(item)) check(key, inner);
        } else check(field, item);
      }
    }
  };
  const fields: Record<string, unknown> =
    change.kind === 'createNode'
      ? change.node
      : change.kind === 'addRelation'
        ? change.relation
        : change.kind === 'updateNode'
          ? { ...change.set, sources: [change.source] }
          : { sources: [change.source] };
  for (const [field, value] of Object.entries(fields)) check(field, value);
  return problems;
}

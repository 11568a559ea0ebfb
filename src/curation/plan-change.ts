/**
 * Internal. Works out what a curated change does to the graph it is planned against: the
 * entity before, and the draft of it after, which `validateChange` then checks against the
 * ontology. Live changes are strict (`add*`/`create*` fail if the entity exists, the others
 * if it does not; a node cites at most MAX_SOURCES sources, each once); replay at start is
 * lenient where the seed has moved under the journal: a created node or added relation that
 * the seed now also has is merged into it, and removing what is already gone does nothing.
 *
 * Two sources are the same when they cite the same document with the same quote after
 * whitespace normalisation (the rule the verbatim check uses), so white space never adds a
 * second copy of a source.
 */
import { citedBy, relationId, type NodeRecord, type RelationRecord, type SourceRef } from '../domain/graph-document';
import { normalizeWhitespace } from '../domain/text';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../store/GraphStore';
import { stableJson } from '../store/stable-json';
import { MAX_SOURCES, type CurationChange } from './curation-change';
import type { GraphView } from './graph-view';
import type { NodeDraft, RelationDraft } from './validate-change';

export type PlanMode = 'live' | 'replay';

export type PlannedChange =
  | { readonly kind: 'node'; readonly entityId: string; readonly before: NodeRecord | null; readonly draft: NodeDraft }
  | { readonly kind: 'relation'; readonly entityId: string; readonly before: RelationRecord | null; readonly draft: RelationDraft }
  | { readonly kind: 'remove'; readonly entityId: string; readonly before: RelationRecord }
  /** Nothing to do (replay only): the graph already is as the change leaves it. */
  | { readonly kind: 'none'; readonly entityId: string };

export async function planChange(view: GraphView, change: CurationChange, mode: PlanMode): Promise<PlannedChange> {
  switch (change.kind) {
    case 'createNode': {
      const { node } = change;
      const [before = null] = await view.getNodes([node.id]);
      if (before === null) return { kind: 'node', entityId: node.id, before, draft: node };
      if (mode === 'live') throw new ConflictError(`createNode: ${node.id} already exists; use updateNode to change it`);
      if (before.label !== node.label) throw new ConflictError(`createNode: ${node.id} is a ${before.label} now, not a ${node.label}`);
      return {
        kind: 'node',
        entityId: node.id,
        before,
        draft: { ...before, ...node, sources: mergeSources(before.sources, node.sources) },
      };
    }
    case 'updateNode': {
      const [before = null] = await view.getNodes([change.id]);
      if (before === null) throw new NotFoundError(`updateNode: no node ${change.id}; create it with createNode`);
      const cited = before.sources.some((known) => sameSource(known, change.source));
      if (mode === 'live' && !cited && before.sources.length >= MAX_SOURCES) {
        throw new InvalidArgumentError(
          `updateNode: ${change.id} already cites ${before.sources.length} sources, the bound is ${MAX_SOURCES}; to correct it, cite one of the sources it has`,
        );
      }
      const draft: NodeDraft = { ...before, ...definedFields(change.set), sources: mergeSources(before.sources, [change.source]) };
      if (stableJson(draft) === stableJson(before)) {
        if (mode === 'replay') return { kind: 'none', entityId: change.id };
        throw new InvalidArgumentError(`updateNode: ${change.id} already has these values and cites this source; nothing to change`);
      }
      return { kind: 'node', entityId: change.id, before, draft };
    }
    case 'addRelation': {
      const { relation } = change;
      const id = relationId(relation);
      const [from, to] = await view.getNodes([relation.from, relation.to]);
      if (!from) throw new NotFoundError(`addRelation: no node ${relation.from} (fromId)`);
      if (!to) throw new NotFoundError(`addRelation: no node ${relation.to} (toId)`);
      const before = await view.getRelation(relation);
      if (before === null) return { kind: 'relation', entityId: id, before, draft: relation };
      if (mode === 'live') throw new ConflictError(`addRelation: ${id} already exists; remove it first to change its properties`);
      const { id: _id, ...known } = before;
      return {
        kind: 'relation',
        entityId: id,
        before,
        draft: { ...known, ...relation, sources: mergeSources(before.sources, relation.sources) },
      };
    }
    case 'removeRelation': {
      const id = relationId(change.relation);
      const before = await view.getRelation(change.relation);
      if (before !== null) return { kind: 'remove', entityId: id, before };
      if (mode === 'replay') return { kind: 'none', entityId: id };
      throw new NotFoundError(`removeRelation: no relation ${id}; relation ids look like "person:a-LEADS->city:b"`);
    }
  }
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return citedBy(a) === citedBy(b) && (a.quote === b.quote || normalizeWhitespace(a.quote) === normalizeWhitespace(b.quote));
}

function mergeSources(known: readonly SourceRef[], added: readonly SourceRef[]): SourceRef[] {
  const merged = [...known];
  for (const source of added) if (!merged.some((each) => sameSource(each, source))) merged.push(source);
  return merged;
}

/** An update's fields without the unset ones (an absent property is not a property set to nothing). */
function definedFields(set: Extract<CurationChange, { kind: 'updateNode' }>['set']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}

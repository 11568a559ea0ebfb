/**
 * Internal. Works out what a curated change does to the current graph: the entity before and
 * after, and the records to write, validated by `validateChange`. Live changes are strict
 * (`add*`/`create*` fail if the entity exists, the others if it does not); replay at start is
 * lenient where the seed has moved under the journal: a created node or added relation that
 * the seed now also has is merged into it, and removing what is already gone does nothing.
 */
import {
  relationId,
  type GraphData,
  type NodeRecord,
  type RelationInput,
  type RelationRecord,
  type SourceRef,
} from '../domain/graph-document';
import { RELATION_TYPES, type RelationType } from '../domain/ontology';
import { ConflictError, InvalidArgumentError, NotFoundError, type GraphStore } from '../store/GraphStore';
import { stableJson } from '../store/stable-json';
import type { CurationChange } from './curation-change';
import { validateChange } from './validate-change';

export type PlanMode = 'live' | 'replay';

export type PlannedChange =
  | {
      readonly kind: 'write';
      readonly entityId: string;
      readonly before: NodeRecord | RelationRecord | null;
      readonly after: NodeRecord | RelationRecord;
      readonly graph: GraphData;
    }
  | { readonly kind: 'remove'; readonly entityId: string; readonly before: RelationRecord }
  /** Nothing to do (replay only): the graph already is as the change leaves it. */
  | { readonly kind: 'none'; readonly entityId: string };

export async function planChange(
  store: GraphStore,
  change: CurationChange,
  mode: PlanMode,
  sourceTexts: ReadonlyMap<string, string>,
): Promise<PlannedChange> {
  switch (change.kind) {
    case 'createNode': {
      const { node } = change;
      const [before] = await store.getNodes([node.id]);
      if (before && mode === 'live') {
        throw new ConflictError(`createNode: ${node.id} already exists; use updateNode to change it`);
      }
      const wanted = before ? ({ ...before, ...node, sources: mergeSources(before.sources, node.sources) } as NodeRecord) : node;
      return writeNode(store, 'createNode', before ?? null, wanted, sourceTexts);
    }
    case 'updateNode': {
      const [before] = await store.getNodes([change.id]);
      if (!before) throw new NotFoundError(`updateNode: no node ${change.id}; create it with createNode`);
      const wanted = { ...before, ...change.set, sources: mergeSources(before.sources, [change.source]) } as NodeRecord;
      if (stableJson(wanted) === stableJson(before)) {
        if (mode === 'replay') return { kind: 'none', entityId: change.id };
        throw new InvalidArgumentError(`updateNode: ${change.id} already has these values and this source; nothing to change`);
      }
      return writeNode(store, 'updateNode', before, wanted, sourceTexts);
    }
    case 'addRelation': {
      const { relation } = change;
      const id = relationId(relation);
      const [from, to] = await store.getNodes([relation.from, relation.to]);
      if (!from) throw new NotFoundError(`addRelation: no node ${relation.from} (fromId)`);
      if (!to) throw new NotFoundError(`addRelation: no node ${relation.to} (toId)`);
      const before = await findRelation(store, id);
      if (before && mode === 'live') {
        throw new ConflictError(`addRelation: ${id} already exists; remove it first to change its properties`);
      }
      let wanted: RelationInput = relation;
      if (before) {
        const { id: _id, ...known } = before;
        wanted = { ...known, ...relation, sources: mergeSources(before.sources, relation.sources) };
      }
      const graph = await validateChange('addRelation', store, { nodes: [], relations: [wanted] }, sourceTexts);
      const after = graph.relations[0] as RelationRecord;
      return { kind: 'write', entityId: id, before, after, graph };
    }
    case 'removeRelation': {
      const before = await findRelation(store, change.id);
      if (!before) {
        if (mode === 'replay') return { kind: 'none', entityId: change.id };
        throw new NotFoundError(`removeRelation: no relation ${change.id}; relation ids look like "person:a-LEADS->city:b"`);
      }
      return { kind: 'remove', entityId: change.id, before };
    }
  }
}

async function writeNode(
  store: GraphStore,
  operation: string,
  before: NodeRecord | null,
  wanted: NodeRecord,
  sourceTexts: ReadonlyMap<string, string>,
): Promise<PlannedChange> {
  const graph = await validateChange(operation, store, { nodes: [wanted], relations: [] }, sourceTexts);
  return { kind: 'write', entityId: wanted.id, before, after: graph.nodes[0] as NodeRecord, graph };
}

function mergeSources(known: readonly SourceRef[], added: readonly SourceRef[]): SourceRef[] {
  const merged = [...known];
  for (const source of added) {
    if (!merged.some((each) => each.doc === source.doc && each.quote === source.quote)) merged.push(source);
  }
  return merged;
}

/** `from-TYPE->to` back into its parts; undefined when it is not a relation id. */
export function parseRelationId(id: string): { from: string; type: RelationType; to: string } | undefined {
  const match = /^(.+?)-([A-Z_]+)->(.+)$/.exec(id);
  if (!match) return undefined;
  const [, from, type, to] = match as unknown as [string, string, string, string];
  return (RELATION_TYPES as readonly string[]).includes(type) ? { from, type: type as RelationType, to } : undefined;
}

async function findRelation(store: GraphStore, id: string): Promise<RelationRecord | null> {
  const parts = parseRelationId(id);
  if (!parts) return null;
  const relations = await store.getRelations({ nodeIds: [parts.from], direction: 'OUT', types: [parts.type] });
  return relations.find((relation) => relation.id === id) ?? null;
}

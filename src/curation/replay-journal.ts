/**
 * Internal. Re-applies the journalled changes, oldest first, onto a store that holds the
 * seed, in one batched write: every change is planned against an overlay of the store (the
 * graph as the changes so far leave it), and only the result is written, relations removed
 * first, then one `mergeGraph` of the latest version of every changed node and relation.
 * Writing once is what makes it scale: a store write per change made the memory store
 * rebuild its index for every entry (10,000 entries took ~15 s; bench/journal/replay.ts).
 *
 * The checks run in two passes. The fast one reads each change's records with the
 * ontology's schemas and validates the graph they lead to once, with the seed's validator
 * (quotes included); while the seed is the one the changes were made on, that is the
 * whole check. If that graph breaks a rule (the seed moved under the journal), the replay
 * starts over, validating each change against the graph before it and skipping, with a
 * warning, each one that no longer fits: nothing in the journal is dropped. A change whose
 * effect only broke a rule for a while (a later change overwrote it) counts as applied
 * in the fast pass.
 */
import { nodeRecordSchema, relationInputSchema, type NodeRecord, type RelationRecord } from '../domain/graph-document';
import type { Logger } from '../logger';
import type { GraphStore } from '../store/GraphStore';
import type { CurationChange } from './curation-change';
import type { JournalChange } from './CurationJournal';
import { GraphOverlay, storeView, type GraphView } from './graph-view';
import { planChange, type PlannedChange } from './plan-change';
import { InvalidChangeError, validateChange } from './validate-change';

export interface SkippedChange {
  readonly seq: number;
  readonly entityId: string;
  readonly reason: string;
}

export interface ReplaySummary {
  readonly applied: number;
  /** Entries that no longer apply to the current seed (kept in the journal, not applied). */
  readonly skipped: readonly SkippedChange[];
}

export interface ReplayOptions {
  readonly sourceTexts: ReadonlyMap<string, string>;
  readonly logger?: Pick<Logger, 'info' | 'warn'> | undefined;
}

export async function replayJournal(store: GraphStore, changes: readonly JournalChange[], options: ReplayOptions): Promise<ReplaySummary> {
  const base = storeView(store);
  let pass = await fastPass(base, changes, options.sourceTexts);
  if (pass.kind === 'failed') {
    options.logger?.info({ reason: pass.reason }, 'the curated graph breaks a rule on this seed; replaying entry by entry');
    pass = await exactPass(base, changes, options.sourceTexts);
  }
  for (const entry of pass.skipped) {
    options.logger?.warn({ ...entry }, 'curated change no longer applies; kept in the journal');
  }
  const { nodes, relations, removedRelations } = pass.overlay.changes();
  for (const id of removedRelations) await store.removeRelation(id);
  if (nodes.length > 0 || relations.length > 0) await store.mergeGraph({ nodes, relations });
  return { applied: changes.length - pass.skipped.length, skipped: pass.skipped };
}

interface Pass {
  readonly kind: 'done';
  readonly overlay: GraphOverlay;
  readonly skipped: readonly SkippedChange[];
}

async function fastPass(
  base: GraphView,
  changes: readonly JournalChange[],
  sourceTexts: ReadonlyMap<string, string>,
): Promise<Pass | { readonly kind: 'failed'; readonly reason: string }> {
  const overlay = new GraphOverlay(base);
  const skipped: SkippedChange[] = [];
  for (const entry of changes) {
    let planned: PlannedChange;
    try {
      planned = await planChange(overlay, entry.change, 'replay');
    } catch (error) {
      skipped.push(skip(entry, error));
      continue;
    }
    const effect = readEffect(planned, entry.change);
    if (effect.kind === 'failed') return effect;
    applyEffect(overlay, effect);
  }
  const { nodes, relations } = overlay.changes();
  try {
    // Relations go to the validator as the seed writes them: without their derived ids.
    const inputs = relations.map(({ id: _id, ...relation }) => relation);
    await validateChange('replay', base, { nodes, relations: inputs }, sourceTexts);
  } catch (error) {
    if (error instanceof InvalidChangeError) return { kind: 'failed', reason: error.message };
    throw error;
  }
  return { kind: 'done', overlay, skipped };
}

async function exactPass(base: GraphView, changes: readonly JournalChange[], sourceTexts: ReadonlyMap<string, string>): Promise<Pass> {
  const overlay = new GraphOverlay(base);
  const skipped: SkippedChange[] = [];
  for (const entry of changes) {
    try {
      applyEffect(overlay, await validatedEffect(overlay, await planChange(overlay, entry.change, 'replay'), sourceTexts));
    } catch (error) {
      skipped.push(skip(entry, error));
    }
  }
  return { kind: 'done', overlay, skipped };
}

/** What a planned change does to the overlay. */
type Effect =
  | { readonly kind: 'putNode'; readonly node: NodeRecord }
  | { readonly kind: 'putRelation'; readonly relation: RelationRecord }
  | { readonly kind: 'removeRelation'; readonly id: string }
  | { readonly kind: 'none' };

/**
 * The fast pass: the records read with the ontology's schemas, no graph checks yet. A node
 * or relation the change brings as it is (not merged into one the seed has) was read when
 * the journal was, and is taken as it is.
 */
function readEffect(planned: PlannedChange, change: CurationChange): Effect | { readonly kind: 'failed'; readonly reason: string } {
  switch (planned.kind) {
    case 'node': {
      if (change.kind === 'createNode' && planned.draft === change.node) return { kind: 'putNode', node: change.node };
      const node = nodeRecordSchema.safeParse(planned.draft);
      return node.success ? { kind: 'putNode', node: node.data } : { kind: 'failed', reason: `${planned.entityId}: ${node.error.message}` };
    }
    case 'relation': {
      if (change.kind === 'addRelation' && planned.draft === change.relation) {
        return { kind: 'putRelation', relation: { ...change.relation, id: planned.entityId } };
      }
      const relation = relationInputSchema.safeParse(planned.draft);
      return relation.success
        ? { kind: 'putRelation', relation: { ...relation.data, id: planned.entityId } }
        : { kind: 'failed', reason: `${planned.entityId}: ${relation.error.message}` };
    }
    case 'remove':
      return { kind: 'removeRelation', id: planned.entityId };
    case 'none':
      return { kind: 'none' };
  }
}

/** The exact pass: the records validated against the graph before the change. */
async function validatedEffect(view: GraphView, planned: PlannedChange, sourceTexts: ReadonlyMap<string, string>): Promise<Effect> {
  switch (planned.kind) {
    case 'node': {
      const [node] = (await validateChange('replay', view, { nodes: [planned.draft], relations: [] }, sourceTexts)).nodes;
      return node ? { kind: 'putNode', node } : { kind: 'none' };
    }
    case 'relation': {
      const [relation] = (await validateChange('replay', view, { nodes: [], relations: [planned.draft] }, sourceTexts)).relations;
      return relation ? { kind: 'putRelation', relation } : { kind: 'none' };
    }
    case 'remove':
      return { kind: 'removeRelation', id: planned.entityId };
    case 'none':
      return { kind: 'none' };
  }
}

function applyEffect(overlay: GraphOverlay, effect: Effect): void {
  switch (effect.kind) {
    case 'putNode':
      overlay.putNode(effect.node);
      return;
    case 'putRelation':
      overlay.putRelation(effect.relation);
      return;
    case 'removeRelation':
      overlay.removeRelation(effect.id);
      return;
    case 'none':
      return;
  }
}

function skip(entry: JournalChange, error: unknown): SkippedChange {
  return { seq: entry.seq, entityId: entry.entityId, reason: error instanceof Error ? error.message : String(error) };
}

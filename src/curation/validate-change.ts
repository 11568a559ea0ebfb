/**
 * Internal. Runs a curated change through the same validator as the seed (`validateGraph`),
 * against the store's current graph: the changed entities plus every node they touch (relation
 * endpoints, `forCity`, `through` and `at`, the Document nodes cited) are validated together, so endpoints,
 * labels, properties and verbatim quotes are checked exactly as for seed/graph. Web sources
 * (http(s) URLs) are accepted and stored as given; `doc:` quotes must be verbatim.
 */
import { isDocumentSource, type GraphData, type NodeRecord, type RelationInput, type SourceRef } from '../domain/graph-document';
import { validateGraph, type Problem } from '../domain/validate-graph';
import { InvalidArgumentError, NotFoundError } from '../store/GraphStore';
import type { GraphView } from './graph-view';

/** The file name problems of the change itself are reported under. */
const CHANGE_FILE = '(change)';

/**
 * A node as a change would leave it, before the validator has read it: an id and sources
 * like every node, and whatever else the change put there.
 */
export type NodeDraft = { readonly id: string; readonly sources: readonly SourceRef[] } & Readonly<Record<string, unknown>>;
/** A relation as a change would leave it, before the validator has read it. */
export type RelationDraft = Pick<RelationInput, 'type' | 'from' | 'to' | 'forCity' | 'through' | 'at' | 'sources'> &
  Readonly<Record<string, unknown>>;

/** The nodes a relation names besides its ends, with the argument each comes from (for NOT_FOUND). */
function referencesOf(relation: RelationDraft): { readonly id: string; readonly property: string }[] {
  return [
    ...(relation.forCity ? [{ id: relation.forCity, property: 'forCity' }] : []),
    ...(relation.through ?? []).map((id) => ({ id, property: 'through' })),
    ...(relation.at ? [{ id: relation.at, property: 'at' }] : []),
  ];
}

export interface ChangedEntities {
  readonly nodes: readonly NodeDraft[];
  readonly relations: readonly RelationDraft[];
}

/** Thrown when a change breaks the ontology; carries every problem found. */
export class InvalidChangeError extends InvalidArgumentError {
  constructor(
    operation: string,
    readonly problems: readonly Problem[],
  ) {
    super(
      `${operation}: the change does not pass validation: ${problems.map((problem) => `[${problem.code}] ${problem.message}`).join('; ')}`,
    );
  }
}

/** Validates `changed` in the context of the graph `view` shows; returns the validated records to write. */
export async function validateChange(
  operation: string,
  view: GraphView,
  changed: ChangedEntities,
  sourceTexts: ReadonlyMap<string, string>,
): Promise<GraphData> {
  const changedIds = new Set(changed.nodes.map((node) => node.id));
  const context = new Map<string, NodeRecord>();
  const fetch = async (ids: Iterable<string>): Promise<void> => {
    const wanted = [...new Set(ids)].filter((id) => !changedIds.has(id) && !context.has(id));
    if (wanted.length === 0) return;
    for (const node of await view.getNodes(wanted)) if (node) context.set(node.id, node);
  };
  await fetch(changed.relations.flatMap((relation) => [relation.from, relation.to, ...referencesOf(relation).map((ref) => ref.id)]));
  // A named node that does not exist is NOT_FOUND, like a missing endpoint; one of the wrong
  // label is the validator's WRONG_ENDPOINT_LABEL (BAD_USER_INPUT).
  for (const relation of changed.relations) {
    for (const reference of referencesOf(relation)) {
      if (!context.has(reference.id) && !changedIds.has(reference.id)) {
        throw new NotFoundError(`${operation}: no node ${reference.id} (${reference.property})`);
      }
    }
  }
  // The Document nodes cited by anything validated: the validator needs them to find the texts.
  const cited = (sources: readonly SourceRef[]) => sources.filter(isDocumentSource).map((source) => source.doc);
  await fetch([
    ...changed.nodes.flatMap((node) => cited(node.sources)),
    ...changed.relations.flatMap((relation) => cited(relation.sources)),
    ...[...context.values()].flatMap((node) => cited(node.sources)),
  ]);

  const { graph, problems } = validateGraph(
    {
      files: [
        { file: '(store)', content: { nodes: [...context.values()] } },
        { file: CHANGE_FILE, content: { nodes: changed.nodes, relations: changed.relations } },
      ],
      sourceTexts,
    },
    { allowWebSources: true, seedRules: false },
  );
  // Problems in the context would mean the stored graph itself is broken; they block too.
  if (problems.length > 0) throw new InvalidChangeError(operation, problems);
  // Only the change holds relations, so every validated relation is a changed one.
  return { nodes: graph.nodes.filter((node) => changedIds.has(node.id)), relations: graph.relations };
}

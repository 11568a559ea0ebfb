/**
 * Public. A relation named by what identifies it: its type and its two ends. Relation ids
 * (`relationId`, `from-TYPE->to`) are parsed back into a key once, where they come in
 * (the change schema), and never again.
 */
import { isNodeId, RELATION_TYPES, type RelationType } from '../domain/ontology';

export interface RelationKey {
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
}

/** `from-TYPE->to` back into its parts; undefined unless both ends are node ids and TYPE a relation type. */
export function parseRelationId(id: string): RelationKey | undefined {
  const match = /^(.+?)-([A-Z_]+)->(.+)$/.exec(id);
  if (!match) return undefined;
  const [, from = '', type = '', to = ''] = match;
  const relationType = RELATION_TYPES.find((known) => known === type);
  if (relationType === undefined || !isNodeId(from) || !isNodeId(to)) return undefined;
  return { type: relationType, from, to };
}

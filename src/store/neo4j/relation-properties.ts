/**
 * Internal. How a relation record is laid out as Neo4j relationship properties, and back:
 * its `id` (`relationId`), the ontology's relation properties that are present, and
 * provenance as parallel `sourceDocs` / `sourceQuotes` arrays. Type and endpoints are the
 * relationship itself.
 */
import { citedBy, relationId, relationInputSchema, type RelationRecord } from '../../domain/graph-document';
import { RELATION_PROPERTIES, type RelationType } from '../../domain/ontology';
import { isPlainMap, type PlainValue } from './neo4j-values';
import { sourcesFromProperties } from './node-properties';

/** The property map a relation is stored as (the `props` of a merge row). */
export function relationToProperties(relation: RelationRecord): Record<string, unknown> {
  const fields = new Map<string, unknown>(Object.entries(relation));
  const properties: Record<string, unknown> = { id: relationId(relation) };
  for (const key of RELATION_PROPERTIES) {
    const value = fields.get(key);
    if (value !== undefined && value !== null) properties[key] = value;
  }
  return {
    ...properties,
    sourceDocs: relation.sources.map(citedBy),
    sourceQuotes: relation.sources.map((source) => source.quote),
  };
}

/** The relation record of a stored relationship (checked against the ontology). */
export function relationFromProperties(type: RelationType, from: string, to: string, properties: PlainValue | undefined): RelationRecord {
  if (!isPlainMap(properties)) throw new TypeError(`stored ${type} relation ${from} -> ${to} has no property map`);
  const input: Record<string, unknown> = { type, from, to };
  for (const key of RELATION_PROPERTIES) {
    const value = properties[key];
    if (value !== undefined && value !== null) input[key] = value;
  }
  const id = relationId({ type, from, to });
  input['sources'] = sourcesFromProperties(properties, id);
  return { ...relationInputSchema.parse(input), id };
}

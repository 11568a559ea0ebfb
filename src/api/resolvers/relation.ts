/**
 * Internal. Relations and sources: endpoints and documents resolved through the loaders.
 */
import { isDocumentSource } from '../../domain/graph-document';
import type { RelationResolvers, SourceResolvers } from '../resolvers-types.generated';
import { nodeById, nodesWithLabels } from './traverse';

/** A relation's endpoint always exists (stores refuse dangling relations); if not, it is a bug (masked, logged). */
async function requiredNode(context: Parameters<typeof nodeById>[0], id: string) {
  const node = await nodeById(context, id);
  if (!node) throw new Error(`relation endpoint ${id} is missing`);
  return node;
}

export const Relation: RelationResolvers = {
  from: (relation, _args, context) => requiredNode(context, relation.from),
  to: (relation, _args, context) => requiredNode(context, relation.to),
  forCity: async (relation, _args, context) => {
    if (!relation.forCity) return null;
    const city = await nodeById(context, relation.forCity);
    return city?.label === 'City' ? city : null;
  },
  through: (relation, _args, context) => nodesWithLabels(context, relation.through ?? [], ['Programme', 'Organization']),
  at: async (relation, _args, context) => {
    if (!relation.at) return null;
    const event = await nodeById(context, relation.at);
    return event?.label === 'Event' ? event : null;
  },
  title: (relation) => relation.title ?? null,
  asOf: (relation) => relation.asOf ?? null,
  role: (relation) => relation.role ?? null,
  since: (relation) => relation.since ?? null,
  context: (relation) => relation.context ?? null,
  note: (relation) => relation.note ?? null,
};

export const Source: SourceResolvers = {
  document: async (source, _args, context) => {
    // A curated fact may cite a web page instead of a Document.
    if (!isDocumentSource(source)) return null;
    const document = await requiredNode(context, source.doc);
    if (document.label !== 'Document') {
      throw new Error(`source ${source.doc} is not a Document`);
    }
    return document;
  },
  url: (source) => (isDocumentSource(source) ? null : source.url),
};

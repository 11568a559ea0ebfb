/**
 * Internal. The audit log through the API: `Query.auditLog`, newest first, for any valid
 * API key (it names the editors, so it is not public even when queries are), and the
 * conversion of a journal entry to an `AuditEntry`.
 */
import type { JournalEntry } from '../../curation/CurationJournal';
import { isDocumentSource } from '../../domain/graph-document';
import { provenanceOf } from '../../curation/curation-change';
import { badUserInput } from '../../errors';
import { decodeCursor, encodeCursor } from '../../store/cursor';
import { checkFirst } from '../arguments';
import { requireRole } from '../require-role';
import type { AuditEntry, CurationAction, QueryResolvers } from '../resolvers-types.generated';

const ACTION: Readonly<Record<JournalEntry['action'], CurationAction>> = {
  createNode: 'CREATE_NODE',
  updateNode: 'UPDATE_NODE',
  addRelation: 'ADD_RELATION',
  removeRelation: 'REMOVE_RELATION',
};

/** Longest entity id looked up (ids are short; relation ids join two of them). */
const MAX_ENTITY_ID = 700;

export function toAuditEntry(entry: JournalEntry): AuditEntry {
  const source = provenanceOf(entry.change);
  return {
    id: `audit:${entry.seq}`,
    seq: entry.seq,
    at: entry.at,
    editor: entry.editor,
    action: ACTION[entry.action],
    entityId: entry.entityId,
    provenance: isDocumentSource(source)
      ? { doc: source.doc, url: null, quote: source.quote }
      : { doc: null, url: source.url, quote: source.quote },
    before: entry.beforeJson,
    after: entry.afterJson,
  };
}

export const auditLog: NonNullable<QueryResolvers['auditLog']> = (_root, args, context) => {
  requireRole(context.principal, 'any', 'auditLog');
  const first = checkFirst(args.first, 20);
  let beforeSeq: number | undefined;
  if (args.after) {
    const seq = Number(decodeCursor(args.after));
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw badUserInput(`after: ${JSON.stringify(args.after)} is not an auditLog cursor`, 'after');
    beforeSeq = seq;
  }
  if (args.entityId && args.entityId.length > MAX_ENTITY_ID) {
    throw badUserInput(`entityId is ${args.entityId.length} characters; the bound is ${MAX_ENTITY_ID}`, 'entityId');
  }
  const page = context.curation?.auditLog({
    first,
    ...(beforeSeq ? { beforeSeq } : {}),
    ...(args.entityId ? { entityId: args.entityId } : {}),
  }) ?? {
    entries: [],
    totalCount: 0,
    hasNextPage: false,
  };
  const edges = page.entries.map((entry) => ({ cursor: encodeCursor(String(entry.seq)), node: toAuditEntry(entry) }));
  return {
    totalCount: page.totalCount,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
};

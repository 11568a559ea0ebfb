/**
 * Public. The backup file: the whole graph (seed and curated changes, as the store holds
 * it) in the seed graph document format (`seed/graph/*.json`: nodes, and relations without
 * ids), with metadata saying what it is, when it was taken and how much it holds.
 */
import { z } from 'zod';
import type { NodeRecord, RelationInput } from '../domain/graph-document';

export const BACKUP_FORMAT = 'cities-kg-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  readonly exportedAt: string;
  /** Which store it was taken from. */
  readonly store: 'memory' | 'neo4j';
  readonly counts: { readonly nodes: number; readonly relations: number };
  /** A graph document, as in seed/graph: it could be dropped there as one file. */
  readonly graph: {
    readonly $comment: string;
    readonly nodes: readonly NodeRecord[];
    readonly relations: readonly RelationInput[];
  };
}

/** The envelope; the graph inside is checked by `validateGraph`, like the seed. */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  store: z.enum(['memory', 'neo4j']),
  counts: z.strictObject({ nodes: z.number().int().min(0), relations: z.number().int().min(0) }),
  graph: z.object({ nodes: z.array(z.unknown()), relations: z.array(z.unknown()) }).loose(),
});

export type BackupErrorCode = 'STORE_NOT_EMPTY' | 'INVALID_BACKUP';

/** An import that was refused; nothing was written. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    /** For INVALID_BACKUP: every problem the validator found. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

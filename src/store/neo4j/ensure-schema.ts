/**
 * Internal. Creates the Neo4j schema the adapter relies on, idempotently (`IF NOT EXISTS`),
 * at every start: a UNIQUE constraint on `id` for every label (which is also the index every
 * id lookup seeks), the two full-text name indexes (one analyser per index, so Latin and
 * Arabic names each get their own), and the two range indexes similarCities seeks
 * (Programme.kind, ENDORSED.forCity). Then waits for the indexes to come online: briefly, since
 * an index built over a large existing graph may take longer than a transaction may last, and
 * until it is online search merely misses nodes, which is no reason to refuse to start.
 */
import { Neo4jError } from 'neo4j-driver';
import { NODE_LABELS } from '../../domain/ontology';
import {
  AWAIT_INDEXES,
  CREATE_ARABIC_NAME_INDEX,
  CREATE_ENDORSED_FOR_CITY_INDEX,
  CREATE_PROGRAMME_KIND_INDEX,
  CREATE_STANDARD_NAME_INDEX,
  INDEX_STATES,
  uniqueIdConstraint,
  uniqueIdConstraintName,
  type CypherStatement,
} from './cypher';
import type { Logger } from '../../logger';
import type { Neo4jExecutor } from './Neo4jExecutor';
import { blockingPlainIndexes, indexStatesFromRows } from './schema-state';

export function schemaStatements(): readonly CypherStatement[] {
  return [
    ...NODE_LABELS.map(uniqueIdConstraint),
    CREATE_STANDARD_NAME_INDEX,
    CREATE_ARABIC_NAME_INDEX,
    CREATE_PROGRAMME_KIND_INDEX,
    CREATE_ENDORSED_FOR_CITY_INDEX,
  ];
}

/** Another replica starting at the same moment may win the race to create a rule. */
function isCreatedMeanwhile(error: unknown): boolean {
  return error instanceof Neo4jError && /^Neo\.ClientError\.Schema\.\w*AlreadyExists$/u.test(error.code);
}

export async function ensureSchema(executor: Neo4jExecutor, awaitSeconds: number, logger: Logger): Promise<void> {
  // One transaction each: Neo4j runs schema commands in their own transactions.
  for (const statement of schemaStatements()) {
    try {
      await executor.write(statement, {});
    } catch (error) {
      if (!isCreatedMeanwhile(error)) throw error;
    }
  }
  // A plain index on :Label(id) makes CREATE CONSTRAINT … IF NOT EXISTS a silent no-op.
  const blocking = blockingPlainIndexes(indexStatesFromRows(await executor.read(INDEX_STATES, {})));
  if (blocking.length > 0) {
    const list = blocking.map(({ label, index }) => `${index} on :${label}(id)`).join(', ');
    const drops = blocking.map(({ index }) => `DROP INDEX \`${index}\``).join('; ');
    throw new Error(
      `Neo4j has a plain index where the adapter needs a uniqueness constraint (${list}), so ids would not be kept unique; ` +
        `drop it (${drops}) and start again: the constraint ${blocking.map(({ label }) => uniqueIdConstraintName(label)).join(', ')} is then created with its own index`,
    );
  }
  try {
    await executor.read(AWAIT_INDEXES, { timeoutSeconds: Math.max(1, Math.floor(awaitSeconds)) });
  } catch (error) {
    logger.warn({ err: error }, 'neo4j indexes are still being built; search may miss nodes until they are online');
  }
}

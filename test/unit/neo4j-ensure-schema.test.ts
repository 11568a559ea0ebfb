/**
 * Schema creation at start, with a recording transaction: one UNIQUE constraint per label
 * and two full-text indexes, each in its own write transaction, then a wait for the indexes;
 * a rule another replica created meanwhile is fine, any other failure is not.
 */
import { Neo4jError } from 'neo4j-driver';
import { NODE_LABELS } from '../../src/domain/ontology';
import { AWAIT_INDEXES, CREATE_ARABIC_NAME_INDEX, CREATE_LATIN_NAME_INDEX, uniqueIdConstraint } from '../../src/store/neo4j/cypher';
import { ensureSchema } from '../../src/store/neo4j/ensure-schema';
import { RecordingSessions, recordingExecutor, silentLogger } from './neo4j-recording-sessions';

describe('ensureSchema (recording transaction)', () => {
  it('creates a constraint per label and both name indexes, then waits for them', async () => {
    const sessions = new RecordingSessions();
    await ensureSchema(recordingExecutor(sessions), 10, silentLogger);
    expect(sessions.runs.map((run) => [run.mode, run.text])).toEqual([
      ...NODE_LABELS.map((label) => ['write', uniqueIdConstraint(label).text]),
      ['write', CREATE_LATIN_NAME_INDEX.text],
      ['write', CREATE_ARABIC_NAME_INDEX.text],
      ['read', AWAIT_INDEXES.text],
    ]);
    expect(sessions.runs.every((run) => run.text.includes('IF NOT EXISTS') || run === sessions.runs.at(-1))).toBe(true);
    expect(String(sessions.runs.at(-1)?.parameters['timeoutSeconds'])).toBe('10');
  });

  it('starts anyway when the indexes are still being built', async () => {
    const slow = new RecordingSessions((text) => {
      if (text === AWAIT_INDEXES.text)
        throw new Neo4jError('timed out', 'Neo.ClientError.Procedure.ProcedureCallFailed', '52N37', 'failed');
      return [];
    });
    await expect(ensureSchema(recordingExecutor(slow), 10, silentLogger)).resolves.toBeUndefined();
  });

  it('tolerates a rule created meanwhile by another replica, and fails on anything else', async () => {
    const raced = new RecordingSessions((text) => {
      if (text === CREATE_LATIN_NAME_INDEX.text)
        throw new Neo4jError('exists', 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists', '22N71', 'exists');
      return [];
    });
    await expect(ensureSchema(recordingExecutor(raced), 10, silentLogger)).resolves.toBeUndefined();
    const denied = new Neo4jError('no', 'Neo.ClientError.Security.Forbidden', '42NFF', 'forbidden');
    const forbidden = new RecordingSessions(() => {
      throw denied;
    });
    await expect(ensureSchema(recordingExecutor(forbidden), 10, silentLogger)).rejects.toBe(denied);
  });
});

/**
 * Schema creation at start, with a recording transaction: one UNIQUE constraint per label
 * and two full-text indexes, each in its own write transaction, then a wait for the indexes;
 * a rule another replica created meanwhile is fine, any other failure is not.
 */
import { Neo4jError } from 'neo4j-driver';
import { NODE_LABELS } from '../../src/domain/ontology';
import {
  AWAIT_INDEXES,
  CREATE_ARABIC_NAME_INDEX,
  CREATE_ENDORSED_FOR_CITY_INDEX,
  CREATE_PROGRAMME_KIND_INDEX,
  CREATE_STANDARD_NAME_INDEX,
  INDEX_STATES,
  uniqueIdConstraint,
} from '../../src/store/neo4j/cypher';
import { blockingPlainIndexes, indexStatesFromRows, notOnline, requiredIndexNames } from '../../src/store/neo4j/schema-state';
import { ensureSchema } from '../../src/store/neo4j/ensure-schema';
import { RecordingSessions, recordingExecutor, silentLogger } from './neo4j-recording-sessions';

describe('ensureSchema (recording transaction)', () => {
  it('creates a constraint per label, both name indexes and the two similarCities range indexes, then waits for them', async () => {
    const sessions = new RecordingSessions();
    await ensureSchema(recordingExecutor(sessions), 10, silentLogger);
    expect(sessions.runs.map((run) => [run.mode, run.text])).toEqual([
      ...NODE_LABELS.map((label) => ['write', uniqueIdConstraint(label).text]),
      ['write', CREATE_STANDARD_NAME_INDEX.text],
      ['write', CREATE_ARABIC_NAME_INDEX.text],
      ['write', CREATE_PROGRAMME_KIND_INDEX.text],
      ['write', CREATE_ENDORSED_FOR_CITY_INDEX.text],
      ['read', INDEX_STATES.text],
      ['read', AWAIT_INDEXES.text],
    ]);
    expect(sessions.runs.every((run) => run.text.includes('IF NOT EXISTS') || run.mode === 'read')).toBe(true);
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
      if (text === CREATE_STANDARD_NAME_INDEX.text)
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

const index = (overrides: Record<string, unknown>) => ({
  name: 'x',
  type: 'RANGE',
  state: 'ONLINE',
  populationPercent: 100,
  labelsOrTypes: ['City'],
  properties: ['id'],
  owningConstraint: null,
  ...overrides,
});
const allOnline = () =>
  requiredIndexNames().map((name) =>
    index({
      name,
      owningConstraint: name.startsWith('cities_kg_names') ? null : name,
      type: name.startsWith('cities_kg_names') ? 'FULLTEXT' : 'RANGE',
      labelsOrTypes: ['Other'],
    }),
  );

describe('the schema the adapter needs, read from SHOW INDEXES', () => {
  it('refuses to start when a plain index on :Label(id) stops the uniqueness constraint, naming the index to drop', async () => {
    const sessions = new RecordingSessions((text) =>
      text === INDEX_STATES.text ? [index({ name: 'legacy_city_id', labelsOrTypes: ['City'], properties: ['id'] })] : [],
    );
    await expect(ensureSchema(recordingExecutor(sessions), 10, silentLogger)).rejects.toThrow(
      /plain index .*legacy_city_id on :City\(id\).*DROP INDEX `legacy_city_id`.*cities_kg_city_id/u,
    );
  });

  it('accepts the constraint-owned index on :Label(id), a full-text index, and plain indexes on other properties', () => {
    const states = indexStatesFromRows([
      index({ name: 'cities_kg_city_id', owningConstraint: 'cities_kg_city_id' }),
      index({ name: 'country_name', labelsOrTypes: ['Country'], properties: ['name'] }),
      index({ name: 'foreign_id', labelsOrTypes: ['Foreign'] }),
    ]);
    expect(blockingPlainIndexes(states)).toEqual([]);
  });

  it('is ready only when every needed index is ONLINE, and says which is not and how far along', () => {
    expect(notOnline(indexStatesFromRows(allOnline()))).toEqual([]);
    const populating = allOnline().map((state) =>
      state.name === 'cities_kg_names_arabic' ? { ...state, state: 'POPULATING', populationPercent: 42.25 } : state,
    );
    expect(notOnline(indexStatesFromRows(populating.filter((state) => state.name !== 'cities_kg_event_id')))).toEqual([
      'index cities_kg_event_id is missing',
      'index cities_kg_names_arabic is POPULATING (42.3%)',
    ]);
    // similarCities seeks these two: without them it scans, so the store is not ready either.
    const withoutRangeIndexes = allOnline().filter(
      (state) => state.name !== 'cities_kg_programme_kind' && state.name !== 'cities_kg_endorsed_for_city',
    );
    expect(notOnline(indexStatesFromRows(withoutRangeIndexes))).toEqual([
      'index cities_kg_programme_kind is missing',
      'index cities_kg_endorsed_for_city is missing',
    ]);
  });
});

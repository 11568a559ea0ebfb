/**
 * The Neo4j executor, with a recording transaction: reads in read transactions, writes in
 * write transactions, on the named database, with the configured timeout; sessions closed
 * even on failure; driver errors mapped; parameters checked against the declaration.
 */
import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { StoreTimeoutError } from '../../src/store/GraphStore';
import { GET_NODES, PING, mergeNodes } from '../../src/store/neo4j/cypher';
import { RecordingSessions, recordingExecutor } from './neo4j-recording-sessions';

describe('Neo4jExecutor (recording transaction)', () => {
  it('runs reads with executeRead on the named database, with the timeout and the statement name as metadata', async () => {
    const sessions = new RecordingSessions(() => [{ ok: 1 }]);
    await expect(recordingExecutor(sessions, { transactionTimeoutMs: 2500 }).read(PING, {})).resolves.toEqual([{ ok: 1 }]);
    expect(sessions.runs).toEqual([
      {
        mode: 'read',
        database: 'kgtest',
        text: PING.text,
        parameters: {},
        config: { timeout: 2500, metadata: { app: 'cities-kg', statement: 'ping' } },
      },
    ]);
    expect(sessions.closed).toBe(1);
  });

  it('runs writes with executeWrite', async () => {
    const sessions = new RecordingSessions(() => []);
    await recordingExecutor(sessions).write(mergeNodes('City'), { rows: [] });
    expect(sessions.runs.map((run) => run.mode)).toEqual(['write']);
  });

  it('maps driver errors to store errors and still closes the session', async () => {
    const sessions = new RecordingSessions(() => {
      throw new Neo4jError('too slow', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N05', 'timed out');
    });
    await expect(recordingExecutor(sessions).read(PING, {})).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(sessions.closed).toBe(1);
  });

  it('lets a write check veto the transaction from inside it', async () => {
    const sessions = new RecordingSessions(() => [{ written: [] }]);
    const veto = new Error('veto');
    await expect(
      recordingExecutor(sessions).write(mergeNodes('City'), { rows: [] }, () => {
        throw veto;
      }),
    ).rejects.toBe(veto);
    expect(sessions.closed).toBe(1);
  });

  it('refuses parameters other than the declared ones, before opening a session', async () => {
    const sessions = new RecordingSessions();
    await expect(recordingExecutor(sessions).read(GET_NODES, { ids: [], extra: 1 })).rejects.toThrow(/declares parameters/u);
    await expect(recordingExecutor(sessions).read(GET_NODES, {})).rejects.toThrow(/declares parameters/u);
    expect(sessions.opened).toBe(0);
  });

  it('logs each statement at debug level with list parameters summarised', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    await recordingExecutor(new RecordingSessions(), { logger }).read(GET_NODES, { ids: ['city:a', 'city:b'] });
    const [entry] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entry).toMatchObject({
      level: 20,
      statement: 'get-nodes',
      mode: 'read',
      cypher: GET_NODES.text,
      parameters: { ids: '[2 items]' },
    });
  });
});

/**
 * Internal. Adapts a neo4j-driver `Driver` to the executor's narrow `CypherSessionSource`:
 * one session per call on the named database, managed transactions whose `run` resolves to
 * the records as plain objects (still holding driver values; `neo4j-values.ts` converts them).
 *
 * All sessions of one store share a bookmark manager: in a cluster, a read that follows this
 * process's write (the merge pre-flight after a clear, a contract test after a seed) waits
 * for a member that has that write, instead of reading a stale follower.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { CypherSession, CypherSessionSource, CypherTransaction } from './Neo4jExecutor';

function transaction(tx: ManagedTransaction): CypherTransaction {
  return {
    run: async (text, parameters) => (await tx.run(text, parameters)).records.map((record) => record.toObject()),
  };
}

export function driverSessionSource(driver: Driver): CypherSessionSource {
  const bookmarkManager = neo4j.bookmarkManager();
  return {
    session(database: string): CypherSession {
      const session = driver.session({ database, bookmarkManager });
      return {
        executeRead: (work, config) => session.executeRead((tx) => work(transaction(tx)), config),
        executeWrite: (work, config) => session.executeWrite((tx) => work(transaction(tx)), config),
        close: () => session.close(),
      };
    },
  };
}

// `npm run test:neo4j`: the store contract suite (test/contract/neo4j-store.int.test.ts) against
// a real Neo4j 5.26 Community that Testcontainers starts in the local Docker (or Podman) engine
// for this run and removes afterwards. Not part of `npm test`, which needs no engine.
//
// With no engine reachable it says so and exits 1: it never reports a suite it did not run.
// Extra arguments go to jest (e.g. `npm run test:neo4j -- -t merge`).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jContainer } from '@testcontainers/neo4j';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGE = 'neo4j:5.26-community';
const SUITE = 'test/contract/neo4j-store.int.test.ts';

const password = randomBytes(12).toString('hex');
let container;
try {
  process.stderr.write(`test:neo4j: starting ${IMAGE} with Testcontainers…\n`);
  container = await new Neo4jContainer(IMAGE).withPassword(password).start();
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const noEngine = /container runtime/i.test(reason);
  process.stderr.write(
    noEngine
      ? `test:neo4j: no container engine is reachable (${reason}).\n` +
          'Start Docker or Podman (DOCKER_HOST names a remote one), or run the suite against a Neo4j of your own:\n' +
          `  NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npx jest ${SUITE}\n` +
          'The contract suite did NOT run.\n'
      : `test:neo4j: could not start ${IMAGE}: ${reason}\nThe contract suite did NOT run.\n`,
  );
  process.exit(1);
}

let status = 1;
try {
  const uri = container.getBoltUri();
  process.stderr.write(`test:neo4j: Neo4j is up at ${uri}; running ${SUITE}\n`);
  const jest = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), SUITE, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: container.getUsername(),
      NEO4J_PASSWORD: container.getPassword(),
      NEO4J_DATABASE: 'neo4j',
    },
  });
  status = jest.status ?? 1;
} finally {
  await container.stop();
}
process.exit(status);

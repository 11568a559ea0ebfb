/**
 * Public. All configuration, read from the environment and validated in one place.
 * Nothing else reads `process.env`.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** @default 4000 */
  PORT: port.default(4000),
  /** @default '0.0.0.0' */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** @default 'info' */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which store serves the API. @default 'memory' */
  GRAPH_STORE: z.enum(['memory', 'neo4j']).default('memory'),
  /** Folder holding `graph/` and `sources/`. @default the project's `seed/` */
  SEED_DIR: z.string().min(1).optional(),
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Transaction timeout for every Neo4j statement, in ms. @default 10000 */
  NEO4J_TX_TIMEOUT_MS: positiveInt.default(10_000),
  /** Rows per `UNWIND … MERGE` batch when seeding Neo4j. @default 500 */
  NEO4J_BATCH_SIZE: positiveInt.default(500),
});

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly transactionTimeoutMs: number;
  readonly batchSize: number;
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly store: 'memory' | 'neo4j';
  readonly seedDir: string | undefined;
  /** Present whenever NEO4J_URI is set (required when `store` is neo4j). */
  readonly neo4j: Neo4jConfig | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration; throws `ConfigError` naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${details}`);
  }
  const values = parsed.data;
  if (values.GRAPH_STORE === 'neo4j' && values.NEO4J_URI === undefined) {
    throw new ConfigError('invalid configuration: GRAPH_STORE=neo4j needs NEO4J_URI (e.g. neo4j://localhost:7687)');
  }
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    store: values.GRAPH_STORE,
    seedDir: values.SEED_DIR,
    neo4j:
      values.NEO4J_URI === undefined
        ? undefined
        : {
            uri: values.NEO4J_URI,
            user: values.NEO4J_USER,
            password: values.NEO4J_PASSWORD,
            database: values.NEO4J_DATABASE,
            transactionTimeoutMs: values.NEO4J_TX_TIMEOUT_MS,
            batchSize: values.NEO4J_BATCH_SIZE,
          },
  };
}

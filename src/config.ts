/**
 * Public. All configuration, read from the environment and validated in one place.
 * Nothing else reads `process.env`.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-root';
import { parseApiKeys, type ApiKey } from './security/api-keys';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
/** `true`/`false` (also 1/0, yes/no, on/off); unset means "the default for NODE_ENV". */
const flag = z.stringbool().optional();

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
  /** Longest wait to connect to Neo4j (and its Bolt handshake) or for a pooled connection, in ms. @default 15000 */
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt.default(15_000),
  /** Rows per `UNWIND … MERGE` batch when seeding Neo4j. @default 500 */
  NEO4J_BATCH_SIZE: positiveInt.default(500),

  /** Largest request body accepted, in bytes. @default 100000 */
  BODY_LIMIT_BYTES: positiveInt.max(10_000_000).default(100_000),
  /** Time each store call of a request may take before it fails with STORE_TIMEOUT, in ms. @default 5000 */
  STORE_TIMEOUT_MS: positiveInt.default(5_000),
  /** Origins allowed to call the API from a browser, comma-separated (`https://a.org,https://b.org`). @default none */
  CORS_ORIGINS: z.string().default(''),
  /** Schema introspection. @default true, false when NODE_ENV=production */
  INTROSPECTION: flag,
  /** The Apollo Sandbox landing page at GET /graphql. @default true, false when NODE_ENV=production */
  LANDING_PAGE: flag,
  /** Hide "Did you mean …" suggestions and other schema details in errors. @default true when NODE_ENV=production */
  BLOCK_FIELD_SUGGESTIONS: flag,
  /** Requests per client (IP address) per window on /graphql; 0 turns the limit off. @default 300 */
  RATE_LIMIT_MAX: nonNegativeInt.default(300),
  /** Length of the rate-limit window, in ms. @default 60000 */
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  /** How many reverse proxies in front of the service to trust for X-Forwarded-For. @default 0 */
  TRUST_PROXY: nonNegativeInt.max(10).default(0),
  /** Deepest selection nesting accepted. @default 12 */
  MAX_DEPTH: positiveInt.max(100).default(12),
  /** Highest GraphQL Armor cost accepted (objects 2, scalars 1, times 1.5 per level). @default 5000 */
  MAX_COST: positiveInt.default(5_000),
  /** Most aliases in one operation. @default 15 */
  MAX_ALIASES: nonNegativeInt.max(1_000).default(15),
  /** Most directives in one operation. @default 10 */
  MAX_DIRECTIVES: nonNegativeInt.max(1_000).default(10),
  /** Most lexical tokens in one document. @default 2000 */
  MAX_TOKENS: positiveInt.max(100_000).default(2_000),
  /**
   * Highest estimated work of one operation's analytics (layouts, centrality, communities,
   * partner overlaps, suggestions), in milliseconds at the measured rate of each algorithm
   * (README, Limits); above it the operation is refused with QUERY_TOO_COMPLEX before it runs. @default 1000
   */
  MAX_ANALYTICS_COST: positiveInt.default(1_000),
  /** Longest one analytics computation may run in its worker thread before it is stopped (ANALYTICS_TIMEOUT), in ms. @default 5000 */
  ANALYTICS_TIMEOUT_MS: positiveInt.default(5_000),
  /** Longest all the analytics of one request may take together, waits for a worker included (ANALYTICS_TIMEOUT), in ms. @default 10000 */
  ANALYTICS_REQUEST_BUDGET_MS: positiveInt.default(10_000),
  /** API keys, `name:role:secret` separated by commas; roles are reader and editor. @default none */
  API_KEYS: z.string().default(''),
  /** Whether queries need no key (mutations always need an editor key). @default true */
  PUBLIC_QUERIES: z.stringbool().default(true),
  /** Bytes of read answers the response cache holds (LRU, dropped at each curated change); 0 holds none. @default 33554432 (32 MiB) */
  RESPONSE_CACHE_MAX_BYTES: nonNegativeInt.max(4_294_967_296).default(33_554_432),
  /** SQLite file of the curation journal (curated changes and the audit log). @default data/curation.sqlite */
  CURATION_DB: z.string().min(1).optional(),
});

/** Every environment variable the service reads (the README documents each one). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Hardening of the HTTP and GraphQL edge; see README, "Security and operations". */
export interface SecurityConfig {
  readonly bodyLimitBytes: number;
  readonly storeTimeoutMs: number;
  /** Exact origins allowed by CORS; empty means no cross-origin browser access. */
  readonly corsOrigins: readonly string[];
  readonly introspection: boolean;
  readonly landingPage: boolean;
  /** Armor's field-suggestion masking and Apollo's `hideSchemaDetailsFromClientErrors`. */
  readonly blockFieldSuggestions: boolean;
  /** Undefined when rate limiting is off. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number } | undefined;
  readonly trustProxy: number;
  readonly limits: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
  };
  readonly analytics: AnalyticsLimits;
  readonly apiKeys: readonly ApiKey[];
  readonly publicQueries: boolean;
}

/** Bounds on the analytics of a request (README, Limits). */
export interface AnalyticsLimits {
  /** Estimated milliseconds of work one operation may ask for. */
  readonly maxCost: number;
  /** Running time of one computation in a worker. */
  readonly timeoutMs: number;
  /** Wall time of all the analytics of one request. */
  readonly requestBudgetMs: number;
}

/** Where the curation journal lives. */
export interface CurationConfig {
  readonly dbPath: string;
}

/** The default curation journal, beside the project (gitignored). */
export const DEFAULT_CURATION_DB = path.join(PROJECT_ROOT, 'data', 'curation.sqlite');

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly transactionTimeoutMs: number;
  readonly connectTimeoutMs: number;
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
  readonly security: SecurityConfig;
  readonly curation: CurationConfig;
  /** Bytes of read answers held in process (README, "Caching"). */
  readonly responseCacheMaxBytes: number;
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
  const apiKeys = parseApiKeys(values.API_KEYS);
  if (apiKeys.problems.length > 0) {
    throw new ConfigError(`invalid configuration: API_KEYS: ${apiKeys.problems.join('; ')}`);
  }
  const corsOrigins = values.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  const badOrigin = corsOrigins.find((origin) => !isOrigin(origin));
  if (badOrigin !== undefined) {
    throw new ConfigError(
      `invalid configuration: CORS_ORIGINS: ${JSON.stringify(badOrigin)} is not an origin; write scheme://host[:port] with no path, e.g. https://explorer.example.org`,
    );
  }
  const production = values.NODE_ENV === 'production';
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
            connectTimeoutMs: values.NEO4J_CONNECT_TIMEOUT_MS,
            batchSize: values.NEO4J_BATCH_SIZE,
          },
    security: {
      bodyLimitBytes: values.BODY_LIMIT_BYTES,
      storeTimeoutMs: values.STORE_TIMEOUT_MS,
      corsOrigins,
      introspection: values.INTROSPECTION ?? !production,
      landingPage: values.LANDING_PAGE ?? !production,
      blockFieldSuggestions: values.BLOCK_FIELD_SUGGESTIONS ?? production,
      rateLimit: values.RATE_LIMIT_MAX === 0 ? undefined : { max: values.RATE_LIMIT_MAX, windowMs: values.RATE_LIMIT_WINDOW_MS },
      trustProxy: values.TRUST_PROXY,
      limits: {
        maxDepth: values.MAX_DEPTH,
        maxCost: values.MAX_COST,
        maxAliases: values.MAX_ALIASES,
        maxDirectives: values.MAX_DIRECTIVES,
        maxTokens: values.MAX_TOKENS,
      },
      analytics: {
        maxCost: values.MAX_ANALYTICS_COST,
        timeoutMs: values.ANALYTICS_TIMEOUT_MS,
        requestBudgetMs: values.ANALYTICS_REQUEST_BUDGET_MS,
      },
      apiKeys: apiKeys.keys,
      publicQueries: values.PUBLIC_QUERIES,
    },
    curation: { dbPath: values.CURATION_DB === undefined ? DEFAULT_CURATION_DB : path.resolve(values.CURATION_DB) },
    responseCacheMaxBytes: values.RESPONSE_CACHE_MAX_BYTES,
  };
}

/** The security settings of an unconfigured deployment (for servers started without a config). */
export function defaultSecurityConfig(production: boolean): SecurityConfig {
  return loadConfig({ NODE_ENV: production ? 'production' : 'development' }).security;
}

/** Whether `value` is exactly an http(s) origin (what browsers send in `Origin`). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

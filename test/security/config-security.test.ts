/**
 * Security configuration from the environment: API keys parsed and validated (never echoed),
 * CORS origins checked, and the production defaults (introspection, landing page and field
 * suggestions off) that explicit settings override.
 */
import { ConfigError, DEFAULT_CURATION_DB, loadConfig } from '../../src/config';
import { digestSecret } from '../../src/security/api-keys';

const SECRET = 'a-long-enough-secret-0001';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('API_KEYS', () => {
  it('parses name:role:secret entries and keeps only a digest of each secret', () => {
    const { apiKeys } = loadConfig({ API_KEYS: `alice:editor:${SECRET}, bob:reader:${SECRET}x` }).security;
    expect(apiKeys.map((key) => [key.name, key.role])).toEqual([
      ['alice', 'editor'],
      ['bob', 'reader'],
    ]);
    expect(apiKeys[0]?.secretDigest.equals(digestSecret(SECRET))).toBe(true);
    expect(JSON.stringify(apiKeys)).not.toContain(SECRET);
  });

  it('refuses bad entries, naming API_KEYS and the entry but never the secret', () => {
    const cases = [
      `alice:admin:${SECRET}`,
      'alice:editor:short',
      `alice:editor:${SECRET},alice:reader:${SECRET}z`,
      `alice:editor:${SECRET},bob:reader:${SECRET}`,
      'no-colons-here',
      `al ice:editor:${SECRET}`,
    ];
    for (const value of cases) {
      const message = configError({ API_KEYS: value });
      expect(message).toContain('API_KEYS');
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain('short');
    }
  });
});

describe('edge settings', () => {
  it('turns introspection, the landing page and suggestions off in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).security).toMatchObject({
      introspection: false,
      landingPage: false,
      blockFieldSuggestions: true,
    });
    expect(loadConfig({ NODE_ENV: 'development' }).security).toMatchObject({
      introspection: true,
      landingPage: true,
      blockFieldSuggestions: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true', LANDING_PAGE: 'yes' }).security).toMatchObject({
      introspection: true,
      landingPage: true,
    });
  });

  it('reads limits, rate limit, body size and store timeout, with 0 turning the rate limit off', () => {
    const security = loadConfig({
      MAX_DEPTH: '8',
      BODY_LIMIT_BYTES: '5000',
      STORE_TIMEOUT_MS: '250',
      RATE_LIMIT_MAX: '10',
      RATE_LIMIT_WINDOW_MS: '1000',
    }).security;
    expect(security).toMatchObject({ bodyLimitBytes: 5000, storeTimeoutMs: 250, rateLimit: { max: 10, windowMs: 1000 } });
    expect(security.limits.maxDepth).toBe(8);
    expect(loadConfig({ RATE_LIMIT_MAX: '0' }).security.rateLimit).toBeUndefined();
    expect(configError({ MAX_DEPTH: 'deep' })).toContain('MAX_DEPTH');
    expect(configError({ PUBLIC_QUERIES: 'perhaps' })).toContain('PUBLIC_QUERIES');
  });

  it('accepts exact origins only in CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).security.corsOrigins).toEqual([
      'https://a.example.org',
      'http://localhost:5173',
    ]);
    for (const bad of ['https://a.example.org/', '*', 'a.example.org', 'ftp://a.example.org']) {
      expect(configError({ CORS_ORIGINS: bad })).toContain('CORS_ORIGINS');
    }
  });

  it('puts the curation journal in data/ unless CURATION_DB says otherwise', () => {
    expect(loadConfig({}).curation.dbPath).toBe(DEFAULT_CURATION_DB);
    expect(DEFAULT_CURATION_DB.endsWith('data/curation.sqlite')).toBe(true);
    expect(loadConfig({ CURATION_DB: '/tmp/x/journal.sqlite' }).curation.dbPath).toBe('/tmp/x/journal.sqlite');
  });
});

/**
 * Public. Structured logging (pino): JSON lines, one logger per process.
 */
import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';

export type { Logger };

export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    name: 'cities-kg',
    level: config.logLevel,
    // Never log credentials, even if a caller passes a whole config or request.
    redact: ['neo4j.password', 'password', 'req.headers.authorization'],
  });
}

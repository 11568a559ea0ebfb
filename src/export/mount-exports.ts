/**
 * Public. `GET /export/graph.gexf`, `/export/graph.graphml` and `/export/graph.json`: the
 * whole graph, or with `?ids=a,b&depth=N` the neighbourhood of those nodes. Bad input is a
 * 400, an unknown id a 404 and a store timeout a 503, all JSON naming the problem; other
 * failures go on to the server's error handler.
 */
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { InvalidArgumentError, NotFoundError, StoreTimeoutError, type GraphStore } from '../store/GraphStore';
import { exportGraph, type ExportSelection } from './export-graph';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat } from './serialize-graph';

class BadQueryError extends Error {}

/** `ids` may come as `ids=a,b` or repeated `ids=a&ids=b`. */
function queryValues(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).map((part) => {
    if (typeof part !== 'string') throw new BadQueryError('ids must be a comma-separated list of node ids');
    return part;
  });
  return parts
    .flatMap((part) => part.split(','))
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

function parseDepth(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value)) {
    throw new BadQueryError(`depth must be a whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function parseSelection(query: Request['query']): ExportSelection | undefined {
  const ids = queryValues(query['ids']);
  const depth = parseDepth(query['depth']);
  if (ids === undefined) {
    if (depth !== undefined) throw new BadQueryError('depth needs ids: give ids=city:karachi&depth=2');
    return undefined;
  }
  return depth === undefined ? { ids } : { ids, depth };
}

const ERROR_CODES = { 400: 'BAD_USER_INPUT', 404: 'NOT_FOUND', 503: 'STORE_TIMEOUT' } as const;

function sendError(response: Response, status: keyof typeof ERROR_CODES, message: string): void {
  response.status(status).json({ error: message, code: ERROR_CODES[status] });
}

function exportHandler(store: GraphStore, format: ExportFormat) {
  return async (request: Request, response: Response): Promise<void> => {
    let selection: ExportSelection | undefined;
    let body: string;
    try {
      selection = parseSelection(request.query);
      body = await exportGraph(store, format, selection);
    } catch (error) {
      if (error instanceof BadQueryError || error instanceof InvalidArgumentError) return sendError(response, 400, error.message);
      if (error instanceof NotFoundError) return sendError(response, 404, error.message);
      // A slow store is a temporary condition the client may retry, not a server bug.
      if (error instanceof StoreTimeoutError) return sendError(response, 503, error.message);
      throw error;
    }
    const filename = selection ? `cities-kg-neighbourhood.${format}` : `cities-kg.${format}`;
    response
      .status(200)
      .type(`${CONTENT_TYPES[format]}; charset=utf-8`)
      .set('Content-Disposition', `attachment; filename="${filename}"`)
      .send(body);
  };
}

/**
 * `guards` run before each export (say, the rate limit or API-key check that /graphql uses):
 * a whole-graph export is the most expensive read the service offers.
 */
export function mountExports(app: express.Express, store: GraphStore, guards: readonly RequestHandler[] = []): void {
  for (const format of EXPORT_FORMATS) app.get(`/export/graph.${format}`, ...guards, exportHandler(store, format));
}

/**
 * Internal. `GET /export/graph.gexf`, `/export/graph.graphml` and `/export/graph.json`: the
 * whole graph, or with `?ids=a,b&depth=N` the neighbourhood of those nodes; and
 * `/export/exchange-network.gexf|graphml|csv`, the exchange network. A query parameter a
 * route does not take answers 400 naming it, rather than being ignored. Every failure
 * goes on to the error handler (`handle-errors.ts`): bad input answers 400, an unknown id
 * 404 and a store timeout 503, as problem details naming the problem.
 */
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { badUserInput } from '../errors';
import { exportGraph, type ExportSelection } from '../export/export-graph';
import { EXCHANGE_CONTENT_TYPES, EXCHANGE_FORMATS, exportExchangeNetwork, type ExchangeFormat } from '../export/serialize-exchange';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat } from '../export/serialize-graph';
import type { GraphStore } from '../store/GraphStore';

/** `ids` may come as `ids=a,b` or repeated `ids=a&ids=b`. */
function queryValues(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).map((part) => {
    if (typeof part !== 'string') throw badUserInput('ids must be a comma-separated list of node ids');
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
    throw badUserInput(`depth must be a whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function parseSelection(query: Request['query']): ExportSelection | undefined {
  const ids = queryValues(query['ids']);
  const depth = parseDepth(query['depth']);
  if (ids === undefined) {
    if (depth !== undefined) throw badUserInput('depth needs ids: give ids=city:karachi&depth=2');
    return undefined;
  }
  return depth === undefined ? { ids } : { ids, depth };
}

/** Refuses query parameters outside `allowed`, naming them, so a typo is not silently ignored. */
function checkParameters(query: Request['query'], allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return;
  const names = unknown.map((name) => JSON.stringify(name.slice(0, 50))).join(', ');
  throw badUserInput(
    `unknown query parameter${unknown.length > 1 ? 's' : ''} ${names}; this export takes ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
  );
}

function sendAttachment(response: Response, contentType: string, filename: string, body: string): void {
  response.status(200).type(`${contentType}; charset=utf-8`).set('Content-Disposition', `attachment; filename="${filename}"`).send(body);
}

function exchangeHandler(store: GraphStore, format: ExchangeFormat) {
  return async (request: Request, response: Response): Promise<void> => {
    checkParameters(request.query, []);
    sendAttachment(
      response,
      EXCHANGE_CONTENT_TYPES[format],
      `cities-kg-exchange-network.${format}`,
      await exportExchangeNetwork(store, format),
    );
  };
}

function exportHandler(store: GraphStore, format: ExportFormat) {
  return async (request: Request, response: Response): Promise<void> => {
    checkParameters(request.query, ['ids', 'depth']);
    const selection = parseSelection(request.query);
    const body = await exportGraph(store, format, selection);
    sendAttachment(response, CONTENT_TYPES[format], selection ? `cities-kg-neighbourhood.${format}` : `cities-kg.${format}`, body);
  };
}

/**
 * `guards` run before each export (say, the rate limit or API-key check that /graphql uses):
 * a whole-graph export is the most expensive read the service offers.
 */
export function mountExports(app: express.Express, store: GraphStore, guards: readonly RequestHandler[] = []): void {
  for (const format of EXPORT_FORMATS) app.get(`/export/graph.${format}`, ...guards, exportHandler(store, format));
  for (const format of EXCHANGE_FORMATS) app.get(`/export/exchange-network.${format}`, ...guards, exchangeHandler(store, format));
}

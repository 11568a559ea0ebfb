/**
 * Internal. `GET /export/graph.gexf`, `/export/graph.graphml` and `/export/graph.json`: the
 * whole graph, or with `?ids=a,b&depth=N` the neighbourhood of those nodes. Every failure
 * goes on to the error handler (`handle-errors.ts`): bad input answers 400, an unknown id
 * 404 and a store timeout 503, as problem details naming the problem.
 */
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { badUserInput } from '../errors';
import { exportGraph, type ExportSelection } from '../export/export-graph';
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

function exportHandler(store: GraphStore, format: ExportFormat) {
  return async (request: Request, response: Response): Promise<void> => {
    const selection = parseSelection(request.query);
    const body = await exportGraph(store, format, selection);
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

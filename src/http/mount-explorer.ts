/**
 * Internal. Serves the graph explorer page (built by `npm run build:web` into `web/dist`) at
 * `/explorer/`. The page talks to `/graphql` on the same origin, so it needs no CORS and no
 * configuration. In production the source maps are not served: they would hand out the
 * page's unminified source to anyone who asks.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { ErrorCode, ServiceError } from '../errors';
import { PROJECT_ROOT } from '../project-root';

/** Where `web/build.mjs` writes the bundle. */
const EXPLORER_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

export interface ExplorerOptions {
  /** Serve `*.map` beside the bundle. @default true */
  readonly sourceMaps?: boolean;
  /** @default EXPLORER_DIST */
  readonly distDir?: string;
}

export function mountExplorer(app: express.Express, options: ExplorerOptions = {}): void {
  const distDir = options.distDir ?? EXPLORER_DIST;
  const withoutSourceMaps: RequestHandler = (request, _response, next) => {
    next(request.path.endsWith('.map') ? new ServiceError(ErrorCode.NOT_FOUND, 'source maps are not served in production') : undefined);
  };
  // A clone that ran `tsc` but not the web build: say how to fix it rather than a bare 404.
  const requireBuilt: RequestHandler = (_request, _response, next) => {
    const built = existsSync(path.join(distDir, 'index.html'));
    next(
      built
        ? undefined
        : new ServiceError(ErrorCode.SERVICE_UNAVAILABLE, 'the explorer is not built: run `npm run build:web` (or `npm run build`)'),
    );
  };
  app.use(
    '/explorer',
    ...(options.sourceMaps === false ? [withoutSourceMaps] : []),
    // The asset names carry no content hash, so browsers revalidate (ETag) instead of caching blindly.
    express.static(distDir, { index: 'index.html', setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache') }),
    requireBuilt,
  );
}

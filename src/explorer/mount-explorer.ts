/**
 * Public. Serves the graph explorer page (built by `npm run build:web` into `web/dist`) at
 * `/explorer/`. The page talks to `/graphql` on the same origin, so it needs no CORS and no
 * configuration.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../project-root';

/** Where `web/build.mjs` writes the bundle. */
export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

export function mountExplorer(app: express.Express, distDir = EXPLORER_DIST): void {
  app.use(
    '/explorer',
    // The asset names carry no content hash, so browsers revalidate (ETag) instead of caching blindly.
    express.static(distDir, { index: 'index.html', setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache') }),
    (_request: express.Request, response: express.Response, next: express.NextFunction) => {
      // A clone that ran `tsc` but not the web build: say how to fix it rather than a bare 404.
      if (!existsSync(path.join(distDir, 'index.html'))) {
        response.status(503).type('text/plain').send('The explorer is not built: run `npm run build:web` (or `npm run build`).');
        return;
      }
      next();
    },
  );
}

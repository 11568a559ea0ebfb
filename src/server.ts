/**
 * Internal, temporary. The old path of `startServer`, kept only because bench/ (owned
 * elsewhere) imports it from here; the server lives in `http/start-server.ts`. Remove this
 * file once bench/ imports `src/http/start-server` (nothing in src/ imports it).
 */
export { startServer } from './http/start-server';

/**
 * Internal. Opaque page cursors shared by the stores: base64url of the last id on a page.
 * Both stores order pages by id, so a cursor from one means the same in the other.
 */
import { InvalidArgumentError } from './GraphStore';

const PREFIX = 'after:';

export function encodeCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id a cursor points after; throws `InvalidArgumentError` for anything we did not issue. */
export function decodeCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length) {
    throw new InvalidArgumentError(`cursor ${JSON.stringify(cursor)} is not one this API issued; pass a pageInfo.endCursor`);
  }
  return decoded.slice(PREFIX.length);
}

/**
 * Internal. A JSON POST body read on the fast path (`graphql-fast-path.ts`), before Express:
 * only the plain case — `application/json` (UTF-8 or no charset), no content encoding, a
 * declared length within BODY_LIMIT_BYTES — read by the same rules as the JSON body parser
 * (UTF-8 checked on the bytes, a leading BOM dropped, strict JSON: an object or an array).
 * What it read, or the body-parser-shaped error it met, is handed to `jsonBody` when the
 * request goes on to Express (`handOverPreReadBody`), which then does not read the (consumed)
 * stream again; every other body is left to body-parser.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

/** The content types read here; a charset other than UTF-8, or any other parameter, is body-parser's. */
const PLAIN_JSON_TYPE = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

export type PreReadBody = { readonly body: unknown } | { readonly error: Error };

const preRead = new WeakMap<IncomingMessage, PreReadBody>();

/** An error of body-parser's shape (`status`, `type`), which `jsonBody` maps as it maps body-parser's own. */
export function bodyParserError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

/** Whether this request's body is one this module reads: its declared length, else undefined. */
export function plainJsonLength(request: IncomingMessage, limitBytes: number): number | undefined {
  const { headers } = request;
  if (!PLAIN_JSON_TYPE.test(headers['content-type'] ?? '')) return undefined;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  if (headers['transfer-encoding'] !== undefined) return undefined;
  const declared = headers['content-length'];
  if (declared === undefined || !/^\d{1,10}$/.test(declared)) return undefined;
  const length = Number(declared);
  return length > 0 && length <= limitBytes ? length : undefined;
}

/**
 * Reads the body (of `plainJsonLength` bytes) and calls `done` with what it read, or with
 * undefined when the client went away first. A callback, not a promise: a cache hit is
 * answered from inside the stream's 'end' event, with no promise made for it.
 */
export function readPlainJson(request: IncomingMessage, done: (read: PreReadBody | undefined) => void): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.once('end', () => done(parse(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks))));
  // A client that goes away mid-body errors the request (ECONNRESET, "aborted").
  request.once('error', () => done(undefined));
}

/**
 * Hands what the fast path read to `jsonBody`, for a request passed on to Express. Only
 * then: a weak map entry per request costs the garbage collector (an ephemeron each) on
 * every request, where the fast path answers most of them itself.
 */
export function handOverPreReadBody(request: IncomingMessage, read: PreReadBody): void {
  preRead.set(request, read);
}

/** What the fast path read for this request, if it read it. */
export function takePreReadBody(request: IncomingMessage): PreReadBody | undefined {
  return preRead.get(request);
}

function parse(bytes: Buffer): PreReadBody {
  if (!isUtf8(bytes)) return { error: bodyParserError(400, 'utf8.invalid', 'request body is not valid UTF-8') };
  let text = bytes.toString('utf8');
  // body-parser decodes with iconv-lite, which drops a byte order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = firstNonBlank(text);
  if (first !== '{' && first !== '[') return { error: bodyParserError(400, 'entity.parse.failed', 'strict JSON: an object or an array') };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: bodyParserError(400, 'entity.parse.failed', error instanceof Error ? error.message : 'invalid JSON') };
  }
}

/** The first character that is not JSON whitespace (body-parser's strict check), or undefined. */
function firstNonBlank(text: string): string | undefined {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    // space, tab, line feed, carriage return
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return text[at];
  }
  return undefined;
}

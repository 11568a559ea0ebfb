/**
 * Internal. A GraphQL POST answered by Apollo straight from node:http's handler, as
 * @as-integrations/express5 would answer it but without Express's router and `res.send`
 * around it: the same HTTPGraphQLRequest (headers lowercased, repeated ones joined with
 * ", ", the URL's search, the parsed body), the same context, and the response written as
 * `res.send` writes a string: `Content-Type` given a UTF-8 charset when it has none (HTML
 * when absent), `Content-Length` from the bytes, and no body (nor its headers) on a 304.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export type ContextFor<TContext extends BaseContext> = (request: IncomingMessage) => Promise<TContext>;

export async function answerWithApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  contextFor: ContextFor<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: queryStart < 0 ? '' : url.slice(queryStart), body },
    context: () => contextFor(request),
  });
  for (const [key, value] of answer.headers) response.setHeader(key, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'chunked') {
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
    return;
  }
  if (response.statusCode === 304 || response.statusCode === 204) {
    response.removeHeader('content-type');
    response.removeHeader('content-length');
    response.removeHeader('transfer-encoding');
    response.end();
    return;
  }
  const type = response.getHeader('content-type');
  if (typeof type !== 'string') response.setHeader('content-type', 'text/html; charset=utf-8');
  else if (!/;\s*charset=/i.test(type)) response.setHeader('content-type', `${type}; charset=utf-8`);
  const bytes = Buffer.from(answer.body.string);
  response.setHeader('content-length', bytes.length);
  response.end(bytes);
}

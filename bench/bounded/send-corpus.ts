/**
 * Sends every request of a hostile corpus to a server, `concurrency` at a time, reading each
 * answer to its end: the load both `bench:bounded` and `bench:soak` put on the server.
 */
import type { HostileRequest } from '../../test/security/hostile-corpus';

export async function sendCorpus(origin: string, corpus: readonly HostileRequest[], concurrency = 8): Promise<void> {
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < corpus.length) {
      const request = corpus[next];
      next += 1;
      if (request === undefined) return;
      const response = await fetch(`${origin}${request.path ?? '/graphql'}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
}

/**
 * Internal. Reads and decodes graph files (UTF-8, a byte-order mark kept, as read-seed.ts
 * does) in a worker thread, ahead of the caller: while the caller parses file i, the worker
 * decodes files i + 1 and i + 2, so at most three texts are held at once. A text crosses
 * the thread boundary as one copy of its memory, a small part of the cost of decoding it.
 *
 * The worker is plain JavaScript given as source (no file to find, compiled or not); it
 * only reads and decodes. A file it cannot read comes back as `undefined`, and the caller
 * reads it itself, so a read error is reported exactly as without the worker.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** Files the worker is asked for ahead of the one the caller waits for. */
const AHEAD = 2;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
parentPort.on('message', (index) => {
  let text;
  try {
    text = decoder.decode(readFileSync(workerData.paths[index]));
  } catch {
    text = undefined;
  }
  parentPort.postMessage({ index, text });
});
`;

interface Decoded {
  readonly index: number;
  readonly text: string | undefined;
}

function isDecoded(message: unknown): message is Decoded {
  return typeof message === 'object' && message !== null && 'index' in message && typeof message.index === 'number';
}

export class GraphDecoder {
  private readonly worker: Worker;
  private failed = false;
  /** The file the caller is to ask for next. */
  private next = 0;

  constructor(private readonly paths: readonly string[]) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths } });
    this.worker.once('error', () => {
      this.failed = true;
    });
    for (let index = 0; index < AHEAD; index += 1) this.request(index);
  }

  /**
   * The text of file `index` (asked for in order, 0, 1, …); undefined if the worker could
   * not read it or is gone (then the caller reads it).
   */
  async text(index: number): Promise<string | undefined> {
    if (this.failed || index !== this.next) return undefined;
    this.next += 1;
    let message: unknown;
    try {
      // An exit (or an error, which rejects) instead of a message: the worker is gone.
      [message] = (await Promise.race([once(this.worker, 'message'), once(this.worker, 'exit')])) as unknown[];
    } catch {
      message = undefined;
    }
    if (!isDecoded(message) || message.index !== index) {
      this.failed = true;
      return undefined;
    }
    this.request(index + AHEAD);
    return message.text;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private request(index: number): void {
    if (index < this.paths.length) this.worker.postMessage(index);
  }
}

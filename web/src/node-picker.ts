/**
 * A search box that finds nodes by English or Arabic name (GraphQL `search`) and lists the
 * hits; choosing one (click, or Enter for the first) calls `onPick`. Used for the main
 * search and for the city and path end pickers.
 */
import { search, type NodeSummary, type NodeType } from './api';
import { arabic, h } from './dom';
import type { StatusLine } from './status';

export interface NodePickerOptions {
  readonly input: HTMLInputElement;
  readonly results: HTMLElement;
  readonly status: StatusLine;
  readonly types?: readonly NodeType[];
  readonly onPick: (node: NodeSummary) => void;
}

const DEBOUNCE_MS = 200;

export class NodePicker {
  private hits: readonly NodeSummary[] = [];
  private pending: Promise<void> = Promise.resolve();
  private timer: number | undefined;
  /** The node last chosen (for forms that need an id, such as the path's two ends). */
  picked: NodeSummary | undefined;

  constructor(private readonly options: NodePickerOptions) {
    options.input.addEventListener('input', () => {
      this.picked = undefined;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.refresh(), DEBOUNCE_MS);
    });
    options.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      // Enter right after typing: search now rather than wait for the debounce.
      window.clearTimeout(this.timer);
      void this.refresh().then(() => {
        const first = this.hits[0];
        if (first) this.pick(first);
      });
    });
  }

  private refresh(): Promise<void> {
    const text = this.options.input.value.trim();
    this.pending = this.pending.then(() =>
      this.options.status.guard('search', async () => {
        this.hits = text.length === 0 ? [] : (await search(text, this.options.types)).map((hit) => hit.node);
        this.render(text);
      }),
    );
    return this.pending;
  }

  private render(text: string): void {
    const items = this.hits.map((node) =>
      h(
        'li',
        {},
        h(
          'button',
          { className: 'hit', attrs: { type: 'button', 'data-id': node.id }, onClick: () => this.pick(node) },
          h('span', { className: 'hit-name', text: node.name }),
          arabic('span', node.nameAr, 'hit-ar ar'),
          h('span', { className: 'hit-type', text: node.type.toLowerCase() }),
        ),
      ),
    );
    const empty = text.length > 0 && items.length === 0 ? h('li', { className: 'empty', text: `Nothing matches “${text}”.` }) : null;
    this.options.results.replaceChildren(...items, ...(empty ? [empty] : []));
  }

  /** Sets the choice from elsewhere (the details panel) without calling `onPick`. */
  setPicked(node: NodeSummary): void {
    this.picked = node;
    this.options.input.value = node.name;
    this.options.results.replaceChildren();
  }

  private pick(node: NodeSummary): void {
    this.picked = node;
    this.options.input.value = node.name;
    this.options.results.replaceChildren();
    this.options.onPick(node);
  }
}

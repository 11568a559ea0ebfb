/**
 * The three ways in: explore (search, click to expand, or the whole graph), a city's peer
 * network, and a path between two nodes. Each mode is a form in the sidebar; the tabs only
 * show one form at a time, the graph is shared.
 */
import type { EventKind, NodeSummary } from './api';
import { byId } from './dom';
import type { Explorer } from './explorer';
import { NodePicker } from './node-picker';
import type { StatusLine } from './status';

export type Mode = 'explore' | 'peers' | 'path';
const MODES: readonly Mode[] = ['explore', 'peers', 'path'];

export class Modes {
  private readonly cityPicker: NodePicker;
  private readonly fromPicker: NodePicker;
  private readonly toPicker: NodePicker;

  constructor(
    private readonly explorer: Explorer,
    private readonly status: StatusLine,
  ) {
    for (const mode of MODES) byId(`tab-${mode}`, HTMLButtonElement).addEventListener('click', () => this.show(mode));
    const picker = (name: string, onPick: (node: NodeSummary) => void, types?: NodeSummary['type'][]): NodePicker =>
      new NodePicker({
        input: byId(`${name}-input`, HTMLInputElement),
        results: byId(`${name}-results`, HTMLUListElement),
        status,
        onPick,
        ...(types ? { types } : {}),
      });
    this.cityPicker = picker('peer-city', () => undefined, ['CITY']);
    this.fromPicker = picker('path-from', () => undefined);
    this.toPicker = picker('path-to', () => undefined);

    byId('peer-form', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.runPeers();
    });
    byId('path-form', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.runPath();
    });
    byId('whole-graph', HTMLButtonElement).addEventListener(
      'click',
      () => void status.guard('loading the whole graph', () => explorer.showWholeGraph(byId('hub-preset', HTMLInputElement).checked)),
    );
    byId('clear-graph', HTMLButtonElement).addEventListener('click', () => explorer.clear());
    byId('fit-graph', HTMLButtonElement).addEventListener('click', () => void explorer.fit());
  }

  show(mode: Mode): void {
    for (const other of MODES) {
      byId(`tab-${other}`, HTMLButtonElement).setAttribute('aria-selected', String(other === mode));
      byId(`mode-${other}`, HTMLElement).hidden = other !== mode;
    }
  }

  /** From the details panel: fill the city and run. */
  async peersOf(city: NodeSummary): Promise<void> {
    this.show('peers');
    this.cityPicker.setPicked(city);
    await this.runPeers();
  }

  /** From the details panel: fill one end of the path, and run once both are set. */
  async pathEnd(node: NodeSummary, end: 'from' | 'to'): Promise<void> {
    this.show('path');
    (end === 'from' ? this.fromPicker : this.toPicker).setPicked(node);
    if (this.fromPicker.picked && this.toPicker.picked) await this.runPath();
  }

  private async runPeers(): Promise<void> {
    const city = this.cityPicker.picked;
    if (!city) return this.status.error('Choose a city from the list first.');
    const hops = Number(byId('peer-hops', HTMLSelectElement).value);
    // The checkbox adds workshops to the exchanges whose co-attendance links peers.
    const eventKinds: EventKind[] = byId('peer-workshops', HTMLInputElement).checked ? ['EXCHANGE', 'WORKSHOP'] : ['EXCHANGE'];
    await this.status.guard('peer network', () => this.explorer.showPeerNetwork(city.id, hops, eventKinds));
  }

  private async runPath(): Promise<void> {
    const from = this.fromPicker.picked;
    const to = this.toPicker.picked;
    if (!from || !to) return this.status.error('Choose both ends of the path from the lists first.');
    const hops = Number(byId('path-hops', HTMLSelectElement).value);
    await this.status.guard('path', () => this.explorer.showPath(from.id, to.id, hops));
  }
}

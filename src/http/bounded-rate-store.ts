/**
 * Internal. express-rate-limit's counters in a bounded map: one fixed window per client,
 * expired windows swept as new hits arrive, and at most `maxClients` clients held. Its own
 * MemoryStore holds every client seen in a window, so many source addresses (an IPv6
 * attacker's, say) would grow it without a bound. Past the bound the client whose window
 * started longest ago is forgotten, which can only give that client a fresh window early.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

interface Window {
  totalHits: number;
  readonly resetTime: Date;
}

export class BoundedRateStore implements Store {
  readonly localKeys = true;
  private windowMs = 60_000;
  // Insertion order is window start order: the first entry always expires first.
  private readonly clients = new Map<string, Window>();

  constructor(readonly maxClients: number) {}

  /** Clients held now. */
  get size(): number {
    return this.clients.size;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const window = this.live(key);
    return window && { totalHits: window.totalHits, resetTime: window.resetTime };
  }

  increment(key: string): ClientRateLimitInfo {
    this.sweep();
    let window = this.live(key);
    if (window === undefined) {
      while (this.clients.size >= this.maxClients) {
        const oldest = this.clients.keys().next();
        if (oldest.done === true) break;
        this.clients.delete(oldest.value);
      }
      window = { totalHits: 0, resetTime: new Date(Date.now() + this.windowMs) };
      this.clients.set(key, window);
    }
    window.totalHits += 1;
    return { totalHits: window.totalHits, resetTime: window.resetTime };
  }

  decrement(key: string): void {
    const window = this.live(key);
    if (window) window.totalHits = Math.max(0, window.totalHits - 1);
  }

  resetKey(key: string): void {
    this.clients.delete(key);
  }

  resetAll(): void {
    this.clients.clear();
  }

  private live(key: string): Window | undefined {
    const window = this.clients.get(key);
    if (window === undefined) return undefined;
    if (window.resetTime.getTime() > Date.now()) return window;
    this.clients.delete(key);
    return undefined;
  }

  /** Forgets expired windows, oldest first, stopping at the first live one. */
  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.clients) {
      if (window.resetTime.getTime() > now) return;
      this.clients.delete(key);
    }
  }
}

/** One line under the graph saying what just happened, or what went wrong. */
export class StatusLine {
  constructor(private readonly element: HTMLElement) {}

  info(message: string): void {
    this.element.textContent = message;
    this.element.classList.remove('error');
  }

  error(message: string): void {
    this.element.textContent = message;
    this.element.classList.add('error');
  }

  /** Runs a task, reporting its failure here instead of leaving an unhandled rejection. */
  async guard(what: string, task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

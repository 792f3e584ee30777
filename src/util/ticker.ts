import type { Logger } from "../log.ts";

/**
 * Calls `tick` now and then every `intervalMs` (never two at once: a slow tick delays the next), logging
 * a failed tick instead of stopping. The timer does not keep the process alive.
 */
export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly tick: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly what: string,
  ) {}

  start(intervalMs: number): void {
    const run = () => {
      if (this.busy) return;
      this.busy = true;
      this.ticking = this.tick()
        .catch((error) => this.log.error({ err: error }, `${this.what} tick failed`))
        .finally(() => {
          this.busy = false;
        });
    };
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }
}

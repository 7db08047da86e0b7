/**
 * Reconnect delays: doubling from `initialMs` up to `maxMs`, reset once data flows.
 * A receiver that is unplugged for an hour is retried every `maxMs`, not hammered.
 */
export class Backoff {
  private next: number;

  constructor(
    private readonly initialMs = 250,
    private readonly maxMs = 10_000,
  ) {
    this.next = initialMs;
  }

  delay(): number {
    const d = this.next;
    this.next = Math.min(this.maxMs, this.next * 2);
    return d;
  }

  reset(): void {
    this.next = this.initialMs;
  }
}

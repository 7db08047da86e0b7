/**
 * Exponential back-off with full jitter (AWS Architecture Blog, "Exponential
 * Backoff and Jitter", 2015): the wait is uniform in [0, min(cap, base·2^n)],
 * so a harbour full of devices coming back at once does not reconnect in step.
 */
export function backoffDelay(attempt: number, baseMs = 1000, capMs = 5 * 60_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

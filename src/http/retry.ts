/**
 * When to try a request again, and how long to wait: exponential backoff with jitter, bounded in
 * attempts and in total time; a server's Retry-After wins over the backoff. Pure: the clock, the
 * random source and the sleep are handed in.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff; it doubles each attempt. */
  readonly baseDelayMs: number;
  /** No single wait is longer. */
  readonly maxDelayMs: number;
  /** No retry starts once this much time has gone since the first attempt. */
  readonly maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 30_000, maxTotalMs: 120_000 };

/** Backoff before attempt `attempt + 1` (attempt counts from 1): half fixed, half random ("equal jitter"). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

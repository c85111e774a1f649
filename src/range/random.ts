/**
 * A seeded pseudo-random source (mulberry32: 32-bit state, fast, good enough for Monte Carlo draws
 * that must repeat exactly for a seed). Returns numbers in [0, 1). `skip` starts it as if that many
 * numbers had been taken already (its state only counts up), so draws can be split over threads.
 */
export function seededRandom(seed: number, skip = 0): () => number {
  let state = (seed + Math.imul(skip, 0x6d2b79f5)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from a triangular distribution by its inverse CDF; low == high gives low. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high === low) return low;
  const cut = (mode - low) / (high - low);
  return u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

export function uniform(u: number, low: number, high: number): number {
  return low + u * (high - low);
}

// extractRanges: {low, mode, high} and {low, high} in a scenario's data, checked and replaced by
// their most likely value; bad ranges are one message naming the place and the field.
import { describe, expect, it } from 'vitest';
import { extractRanges } from '../src/scenario/ranges.js';

/** Names a field's place as the loader does (file:line); here the line is the path's depth. */
const where = (path: readonly string[]) => `s.yaml:${path.length}`;

describe('extractRanges', () => {
  const good: { why: string; data: object; value: [string, string, number]; range: object }[] = [
    {
      why: 'triangular: the mode',
      data: { content: { storedGB: { low: 0, mode: 200, high: 1000 } } },
      value: ['content', 'storedGB', 200],
      range: { path: 'content.storedGB', low: 0, mode: 200, high: 1000, distribution: 'triangular', integer: false },
    },
    {
      why: 'uniform: the midpoint',
      data: { content: { storedGB: { low: 100, high: 300 } } },
      value: ['content', 'storedGB', 200],
      range: { path: 'content.storedGB', low: 100, mode: 200, high: 300, distribution: 'uniform', integer: false },
    },
    {
      // (1000 + 2001) / 2 = 1500.5: the range keeps it, the estimate takes 1501 clients
      why: 'an integer field: its value rounded, the range as given',
      data: { clients: { total: { low: 1000, high: 2001 } } },
      value: ['clients', 'total', 1501],
      range: { path: 'clients.total', low: 1000, mode: 1500.5, high: 2001, distribution: 'uniform', integer: true },
    },
    {
      why: 'a share, low = mode = high',
      data: { content: { peerShare: { low: 0.3, mode: 0.3, high: 0.3 } } },
      value: ['content', 'peerShare', 0.3],
      range: { path: 'content.peerShare', low: 0.3, mode: 0.3, high: 0.3, distribution: 'triangular', integer: false },
    },
    {
      why: 'a top-level field',
      data: { hoursPerMonth: { low: 672, mode: 730, high: 744 } },
      value: ['hoursPerMonth', '', 730],
      range: { path: 'hoursPerMonth', low: 672, mode: 730, high: 744, distribution: 'triangular', integer: false },
    },
  ];

  it.each(good)('$why', ({ data, value: [a, b, expected], range }) => {
    const before = structuredClone(data);
    const out = extractRanges(data, where);
    const node = (out.data as Record<string, Record<string, unknown>>)[a]!;
    expect(b ? node[b] : node).toBe(expected);
    expect(out.ranges).toEqual([range]);
    expect(data).toEqual(before); // the input is not changed
  });

  it('leaves plain numbers and other fields as they are; finds several ranges', () => {
    const data = {
      name: 'x',
      region: 'eastus',
      clients: { total: 20000, peakConcurrency: { low: 0.4, high: 0.6 } },
      content: { storedGB: 500, downloadMBPerClientMonth: { low: 50, mode: 100, high: 400 } },
    };
    const out = extractRanges(data, where);
    expect(out.data).toEqual({ name: 'x', region: 'eastus', clients: { total: 20000, peakConcurrency: 0.5 }, content: { storedGB: 500, downloadMBPerClientMonth: 100 } });
    expect(out.ranges.map((r) => [r.path, r.distribution])).toEqual([
      ['clients.peakConcurrency', 'uniform'],
      ['content.downloadMBPerClientMonth', 'triangular'],
    ]);
    expect(extractRanges({ clients: { total: 5 } }, where)).toEqual({ data: { clients: { total: 5 } }, ranges: [] });
  });

  const bad: { why: string; data: object; message: RegExp }[] = [
    {
      why: 'a field that cannot be a range',
      data: { gateway: { minInstances: { low: 1, high: 3 } } },
      message: /^s\.yaml:2: gateway\.minInstances: this field cannot be a range; ranges \(\{low, mode, high\}\) are for hoursPerMonth, clients\.total, /,
    },
    { why: 'a key other than low, mode, high', data: { content: { storedGB: { low: 1, top: 3, high: 4 } } }, message: /^s\.yaml:2: content\.storedGB: a range has low, mode and high, not "top"$/ },
    { why: 'no high', data: { content: { storedGB: { low: 1 } } }, message: /^s\.yaml:2: content\.storedGB\.high: expected a number, found nothing$/ },
    { why: 'no low', data: { content: { storedGB: { mode: 1, high: 2 } } }, message: /^s\.yaml:2: content\.storedGB\.low: expected a number, found nothing$/ },
    { why: 'a bound that is text', data: { content: { storedGB: { low: 1, high: 'x' } } }, message: /^s\.yaml:2: content\.storedGB\.high: expected a number, found "x"$/ },
    { why: 'a mode that is not a number', data: { content: { storedGB: { low: 1, mode: null, high: 2 } } }, message: /^s\.yaml:2: content\.storedGB\.mode: expected a number, found null$/ },
    { why: 'low above high', data: { content: { storedGB: { low: 5, high: 1 } } }, message: /^s\.yaml:2: content\.storedGB: expected low <= mode <= high, found 5, 3, 1$/ },
    { why: 'a mode outside the range', data: { content: { storedGB: { low: 5, mode: 1, high: 9 } } }, message: /^s\.yaml:2: content\.storedGB: expected low <= mode <= high, found 5, 1, 9$/ },
    { why: 'a range with only a mode', data: { clients: { total: { mode: 10 } } }, message: /^s\.yaml:2: clients\.total\.low: expected a number, found nothing$/ },
  ];

  it.each(bad)('refuses $why', ({ data, message }) => {
    expect(() => extractRanges(data, where)).toThrow(message);
  });
});

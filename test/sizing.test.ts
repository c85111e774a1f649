import { describe, expect, it } from 'vitest';
import { connectionPointsFor, sizeGateway } from '../src/sizing/capacity.js';
import { VM_SIZES, vmSizeOf, type VmSizeName } from '../src/sizing/vm-sizes.js';

type Row = {
  readonly why: string;
  readonly size: VmSizeName;
  readonly total: number;
  readonly concurrency: number;
  readonly minInstances?: number;
  readonly fixed?: number;
  readonly clientsPerInstance?: number;
  readonly concurrent: number;
  readonly instances: number;
  readonly gateways: number;
  readonly connectionPoints: number;
  readonly warnings: readonly string[];
};

// worked by hand from the rules of https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/perf-scale (src/sizing)
const rows: Row[] = [
  { why: 'one A2_v2 carries 6000', size: 'Standard_A2_v2', total: 6000, concurrency: 1, concurrent: 6000, instances: 1, gateways: 1, connectionPoints: 1, warnings: ['single-instance'] },
  { why: 'one more client needs a second', size: 'Standard_A2_v2', total: 6001, concurrency: 1, concurrent: 6001, instances: 2, gateways: 1, connectionPoints: 2, warnings: [] },
  { why: 'concurrency 0.6 of 20,000', size: 'Standard_A2_v2', total: 20000, concurrency: 0.6, concurrent: 12000, instances: 2, gateways: 1, connectionPoints: 2, warnings: [] },
  {
    why: 'ceil of the concurrent clients, in decimal (1000 x 0.07 = 70, not 71)',
    size: 'Standard_A2_v2',
    total: 1000,
    concurrency: 0.07,
    concurrent: 70,
    instances: 1,
    gateways: 1,
    connectionPoints: 1,
    warnings: ['single-instance'],
  },
  { why: 'ceil of a fractional client', size: 'Standard_A2_v2', total: 3, concurrency: 0.5, concurrent: 2, instances: 1, gateways: 1, connectionPoints: 1, warnings: ['single-instance'] },
  { why: 'minInstances is a floor', size: 'Standard_A2_v2', total: 100, concurrency: 1, minInstances: 2, concurrent: 100, instances: 2, gateways: 1, connectionPoints: 2, warnings: [] },
  { why: 'A4_v2 carries 10,000', size: 'Standard_A4_v2', total: 50000, concurrency: 1, concurrent: 50000, instances: 5, gateways: 1, connectionPoints: 4, warnings: [] },
  { why: 'clients per connection point: 16,384', size: 'Standard_A4_v2', total: 32769, concurrency: 1, concurrent: 32769, instances: 4, gateways: 1, connectionPoints: 3, warnings: [] },
  { why: 'instances per connection point: 4', size: 'Standard_A2_v2', total: 54000, concurrency: 1, concurrent: 54000, instances: 9, gateways: 1, connectionPoints: 4, warnings: [] },
  { why: 'B2s is the lab size', size: 'Standard_B2s', total: 8, concurrency: 1, concurrent: 8, instances: 1, gateways: 1, connectionPoints: 1, warnings: ['lab-size', 'single-instance'] },
  { why: 'v6 capacity is assumed', size: 'Standard_D4ads_v6', total: 12000, concurrency: 1, concurrent: 12000, instances: 2, gateways: 1, connectionPoints: 2, warnings: ['capacity-assumed'] },
  { why: 'D8ads_v6 as A4_v2', size: 'Standard_D8ads_v6', total: 90000, concurrency: 0.5, concurrent: 45000, instances: 5, gateways: 1, connectionPoints: 3, warnings: ['capacity-assumed'] },
  {
    why: 'D2ads_v6 is a lab size',
    size: 'Standard_D2ads_v6',
    total: 5,
    concurrency: 1,
    minInstances: 2,
    concurrent: 5,
    instances: 2,
    gateways: 1,
    connectionPoints: 2,
    warnings: ['lab-size', 'capacity-assumed'],
  },
  { why: 'exactly 16 instances: one CMG', size: 'Standard_A2_v2', total: 96000, concurrency: 1, concurrent: 96000, instances: 16, gateways: 1, connectionPoints: 6, warnings: [] },
  {
    why: '17 instances: two CMGs of 9 and 8',
    size: 'Standard_A2_v2',
    total: 96001,
    concurrency: 1,
    concurrent: 96001,
    instances: 17,
    gateways: 2,
    connectionPoints: 3 + 3,
    warnings: ['multiple-gateways'],
  },
  {
    why: '40 instances: three CMGs of 14, 13, 13',
    size: 'Standard_A2_v2',
    total: 240000,
    concurrency: 1,
    concurrent: 240000,
    instances: 40,
    gateways: 3,
    connectionPoints: 5 + 5 + 5,
    warnings: ['multiple-gateways'],
  },
  { why: 'a fixed count wins', size: 'Standard_A2_v2', total: 1000, concurrency: 1, fixed: 3, concurrent: 1000, instances: 3, gateways: 1, connectionPoints: 2, warnings: [] },
  {
    why: 'an under-sized fixed count is a warning',
    size: 'Standard_A2_v2',
    total: 20000,
    concurrency: 1,
    fixed: 2,
    concurrent: 20000,
    instances: 2,
    gateways: 1,
    connectionPoints: 2,
    warnings: ['fixed-instances-undersized'],
  },
  { why: 'a capacity override', size: 'Standard_A2_v2', total: 20000, concurrency: 1, clientsPerInstance: 4000, concurrent: 20000, instances: 5, gateways: 1, connectionPoints: 2, warnings: [] },
  { why: 'zero clients still runs one instance', size: 'Standard_A2_v2', total: 0, concurrency: 1, concurrent: 0, instances: 1, gateways: 1, connectionPoints: 1, warnings: ['single-instance'] },
];

describe('sizeGateway', () => {
  it.each(rows)('$why', (row) => {
    const sizing = sizeGateway({
      totalClients: row.total,
      peakConcurrency: row.concurrency,
      vmSize: vmSizeOf(row.size),
      minInstances: row.minInstances ?? 1,
      fixedInstances: row.fixed,
      clientsPerInstance: row.clientsPerInstance,
    });
    expect(sizing.concurrentClients).toBe(row.concurrent);
    expect(sizing.instances).toBe(row.instances);
    expect(sizing.gateways).toBe(row.gateways);
    expect(sizing.connectionPoints).toBe(row.connectionPoints);
    // the retirement of Av2 and B-series v1 is covered below
    expect(
      sizing.warnings
        .map((w) => w.code)
        .filter((c) => !c.startsWith('size-retiring'))
        .sort(),
    ).toEqual([...row.warnings].sort());
    expect(sizing.perGateway.every((g) => g.instances <= 16)).toBe(true);
    expect(sizing.perGateway.reduce((n, g) => n + g.concurrentClients, 0)).toBe(row.concurrent);
  });

  it('splits the load evenly over several CMGs', () => {
    const sizing = sizeGateway({ totalClients: 240000, peakConcurrency: 1, vmSize: VM_SIZES.Standard_A2_v2, minInstances: 1 });
    expect(sizing.perGateway.map((g) => g.instances)).toEqual([14, 13, 13]);
    expect(sizing.perGateway.map((g) => g.concurrentClients)).toEqual([80000, 80000, 80000]);
  });

  it('keeps the minInstances floor on every CMG', () => {
    const sizing = sizeGateway({ totalClients: 102000, peakConcurrency: 1, vmSize: VM_SIZES.Standard_A2_v2, minInstances: 9 });
    expect(sizing.instancesNeeded).toBe(17);
    expect(sizing.perGateway.map((g) => g.instances)).toEqual([9, 9]);
  });
});

describe('connectionPointsFor', () => {
  it.each([
    [1, 0, 1],
    [1, 6000, 1],
    [2, 100, 2],
    [4, 100, 2],
    [5, 100, 2],
    [9, 100, 3],
    [16, 100, 4],
    [1, 16385, 2],
    [3, 49153, 4],
  ])('%i instances, %i clients: %i', (instances, clients, expected) => {
    expect(connectionPointsFor(instances, clients)).toBe(expected);
  });
});

describe('retiring sizes (Av2, B-series v1)', () => {
  const size = (name: VmSizeName, total: number, minInstances = 2) =>
    sizeGateway({ totalClients: total, peakConcurrency: 1, vmSize: vmSizeOf(name), minInstances }).warnings.filter((w) => w.code.startsWith('size-retiring'));

  it('says when the size retires and what the July 2026 restrictions mean, with the source', () => {
    const [w] = size('Standard_A2_v2', 1000);
    expect(w?.code).toBe('size-retiring');
    expect(w?.message).toMatch(
      /^Standard_A2_v2 \(Av2\) retires on 2028-11-15; since July 2026 new subscriptions can't deploy Av2 and requests for more quota aren't approved\. Source: https:\/\/learn\.microsoft\.com\/azure\/virtual-machines\/sizes\/lifecycle\/retirements-and-capacity-restrictions$/,
    );
    expect(size('Standard_B2s', 5, 1)[0]?.message).toMatch(/^Standard_B2s \(B-series v1\) retires on 2028-11-15/);
  });

  it('is louder when the plan grows past its floor or needs another CMG', () => {
    expect(size('Standard_A2_v2', 18000)[0]).toMatchObject({
      code: 'size-retiring-growth',
      message: expect.stringMatching(/this plan needs 3 instances of it, so check that your subscription's approved quota covers them/),
    });
    expect(size('Standard_A2_v2', 96001)[0]?.message).toMatch(/needs 17 instances in 2 CMGs of it/);
  });

  it('says nothing of it for sizes that are not retiring', () => {
    expect(size('Standard_D4ads_v6', 18000)).toEqual([]);
  });
});

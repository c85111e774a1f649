// Golden cases: each folder in test/golden/ holds a scenario, its own price file and the estimate it
// must give as JSON and Markdown. The price files are written from the items below (`vitest -u`
// writes a changed one, and the expected outputs, again; review the diff before committing).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PriceItem } from '../src/pricing/price-item.js';
import { runCli } from './helpers/cli.js';
import { blobItems, blobReadItem, egressItems, keyVaultItem, publicIpItem, snapshotText, vmItem } from '../support/prices.js';

const GOLDEN = join(import.meta.dirname, 'golden');

const EGRESS_TIERS: [number, number][] = [
  [0, 0],
  [100, 0.087],
  [10340, 0.083],
  [51300, 0.07],
];

interface GoldenCase {
  readonly items: readonly PriceItem[];
  /** The total worked out by hand (see the comment above each case). */
  readonly total: string;
}

const CASES: Record<string, GoldenCase> = {
  // every default but the client count: 1 x A2_v2 (5000 clients, 6000 per instance), derived management
  // traffic (194.45 MB a client a month: 5000 x 194.45 / 1024 = 949.46 GB egress), one public IP, Key Vault
  // 99.28 compute (730 h x 0.136) + (949.46 - 100) x 0.087 = 73.90 + 3.65 + 0.03 = 176.86
  'default-eastus': {
    items: [vmItem('Standard_A2_v2', 0.136), ...egressItems(EGRESS_TIERS), publicIpItem(0.005), keyVaultItem(0.03)],
    total: '176.86',
  },
  // 100,000 clients / 6000 = 17 instances: 2 CMGs (at most 16 instances each), so 2 public IPs and Key Vaults
  // compute 17 x 730 h x 0.136 = 1687.76
  // egress 100,000 x 200 MB / 1024 = 19,531.25 GB: 100 free, 10,240 x 0.087 = 890.88, 9191.25 x 0.083 = 762.87375
  // other 2 x 730 h x 0.005 = 7.30 + 2 x 0.03 = 0.06
  // total 1687.76 + 1653.75375 + 7.36 = 3348.87375 -> 3348.87
  'multi-cmg': {
    items: [vmItem('Standard_A2_v2', 0.136), ...egressItems(EGRESS_TIERS), publicIpItem(0.005), keyVaultItem(0.03)],
    total: '3348.87',
  },
  // 30,000 clients at 0.5 concurrency: 15,000 / 6000 = 3 instances: 3 x 730 h x 0.136 = 297.84
  // egress 30,000 x (256 MB management + 1024 MB content x 0.5 from the CMG) / 1024 = 7500 + 15,000 = 22,500 GB,
  // on top of 1000 GB of other egress on the meter (which used the free 100 GB): from 1000 to 23,500 GB,
  // 9340 x 0.087 = 812.58 below 10,340 and 13,160 x 0.083 = 1092.28 above: 1904.86
  // storage 2000 GB x 0.0184 = 36.80, and the content's read operations: 15,000 GB x 1024 / 4 MB a read =
  // 3,840,000 = 384 x 10K x 0.0044 = 1.6896; other 730 x 0.005 + 0.03 = 3.68
  // total 297.84 + 1904.86 + 36.80 + 1.6896 + 3.68 = 2244.8696 -> 2244.87
  'content-tiered-egress': {
    items: [
      vmItem('Standard_A2_v2', 0.136),
      ...egressItems(EGRESS_TIERS),
      ...blobItems('Hot', [
        [0, 0.0184],
        [51200, 0.0177],
      ]),
      blobReadItem('Hot', 0.0044),
      publicIpItem(0.005),
      keyVaultItem(0.03),
    ],
    total: '2244.87',
  },
  // a 1-year reservation of 2 x D4ads_v6 (12,000 clients): 1198.37 / 12 x 2 = 199.728333, plus the Windows
  // software (not in the reservation) (0.412 - 0.228) x 1460 h = 268.64: compute 468.368333
  // (pay-as-you-go 1460 x 0.412 = 601.52: a saving of 133.15)
  // egress 12,000 x 100 MB / 1024 = 1171.875 GB: 1071.875 x 0.087 = 93.253125; other 3.68
  // total 468.368333 + 93.253125 + 3.68 = 565.301458 -> 565.30
  'reservation-d4ads-v6': {
    items: [
      vmItem('Standard_D4ads_v6', 0.228, { productName: 'Virtual Machines Dadsv6 Series', savingsPlan: [{ unitPrice: 0.16, retailPrice: 0.16, term: '1 Year' }] }),
      vmItem('Standard_D4ads_v6', 0.412, { productName: 'Virtual Machines Dadsv6 Series Windows' }),
      vmItem('Standard_D4ads_v6', 1198.37, { productName: 'Virtual Machines Dadsv6 Series', type: 'Reservation', reservationTerm: '1 Year' }),
      ...egressItems(EGRESS_TIERS),
      publicIpItem(0.005),
      keyVaultItem(0.03),
    ],
    total: '565.30',
  },
  // West Europe in EUR, Linux VMs, content on Cool LRS: 8000 clients at 0.5 = 4000 concurrent, 1 instance,
  // minInstances 2: 2 x 730 h x 0.1 = 146.00; egress 8000 x 128 MB / 1024 = 1000 GB: 900 x 0.08 = 72.00
  // storage 1000 GB x 0.011 = 11.00; other 730 x 0.0045 = 3.285 + 0.027 = 3.312
  // total 146 + 72 + 11 + 3.312 = 232.312 -> 232.31
  'linux-cool-westeurope-eur': {
    items: [
      vmItem('Standard_A2_v2', 0.1, { productName: 'Virtual Machines Av2 Series' }),
      vmItem('Standard_A2_v2', 0.14, { productName: 'Virtual Machines Av2 Series Windows' }),
      ...egressItems([
        [0, 0],
        [100, 0.08],
      ]),
      ...blobItems('Hot', [[0, 0.017]]),
      ...blobItems('Cool', [[0, 0.011]]),
      publicIpItem(0.0045),
      keyVaultItem(0.027),
    ].map((i) => ({ ...i, armRegionName: 'westeurope', location: 'EU West', currencyCode: 'EUR' })),
    total: '232.31',
  },
};

describe.each(Object.entries(CASES))('golden case %s', (name, { items, total }) => {
  // paths relative to the repository (the working folder), so the outputs name the same files everywhere
  const folder = `test/golden/${name}`;
  const args = ['estimate', `${folder}/scenario.yaml`, '--prices', `${folder}/prices.json`];

  it("prices.json holds the case's items", async () => {
    await expect(`${snapshotText(items, '2026-11-01T00:00:00Z')}\n`).toMatchFileSnapshot(join(GOLDEN, name, 'prices.json'));
  });

  it('the JSON estimate: the total worked out by hand, the rest as expected.json', async () => {
    const run = await runCli([...args, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).costs.total).toBe(total);
    await expect(run.stdout).toMatchFileSnapshot(join(GOLDEN, name, 'expected.json'));
  });

  it('the Markdown estimate, as expected.md', async () => {
    const run = await runCli([...args, '--format', 'md']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(new Intl.NumberFormat('en', { minimumFractionDigits: 2 }).format(Number(total))); // 3,348.87
    await expect(run.stdout).toMatchFileSnapshot(join(GOLDEN, name, 'expected.md'));
  });
});

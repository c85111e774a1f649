import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/model/money.js';
import { prefilterFor, readExport } from '../src/actuals/export-reader.js';
import type { UsageRow } from '../src/actuals/usage-row.js';
import { usageDay, billingMonth } from '../src/actuals/dates.js';
import { variance } from '../src/actuals/variance.js';
import { parseTags } from '../src/actuals/select.js';
import { runCli, tempDir, writeTemp } from './helpers/cli.js';
import { CMG_MONTH_SCENARIO, FIXTURES, cmgMonth, exportFixture, exportText, type ExportKind } from '../support/export-gen.js';
import { EASTUS_ITEMS, snapshotText } from '../support/prices.js';

const EXPORTS = join(FIXTURES, 'cost-exports');

async function rowsOf(file: string): Promise<UsageRow[]> {
  const rows: UsageRow[] = [];
  await readExport(file, (r) => rows.push(r));
  return rows;
}

function sumsByCategory(rows: readonly UsageRow[]): Record<string, string> {
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.meterCategory, (sums.get(r.meterCategory) ?? new Decimal(0)).plus(r.cost));
  return Object.fromEntries([...sums].map(([k, v]) => [k, v.toString()]));
}

describe('reading the real exports', () => {
  it('EA actual cost: BOM, quoting, the reservation purchase row; sums per meter category by hand', async () => {
    const rows = await rowsOf(join(EXPORTS, 'EA_ActualCost_Small.csv'));
    expect(rows).toHaveLength(11);
    expect(sumsByCategory(rows)).toEqual({
      'Virtual Machines': '5.89', // 3.25 (B1s reservation purchase) + 2.64 (D2 v3, 24 h)
      Storage: '0.212734819', // 0.00004 + 0.000011139 + 0.21268368
      'SQL Managed Instance': '0',
      'Advanced Threat Protection': '0.000002',
      'Azure Database for MySQL': '1.9584',
      'Advanced Data Security': '0.4838709677419368',
    });
    expect(rows[0]).toMatchObject({ date: '2023-09-21', chargeType: 'Purchase', currency: 'USD', unitOfMeasure: '1 Hour' });
    // upper-case ids keep their resource group
    expect(rows.find((r) => r.resourceId.startsWith('/SUBSCRIPTIONS/'))?.resourceGroup).toBe('FTK-MICFLAN-DARKSLATE2');
  });

  it('EA amortized cost: long decimals are exact', async () => {
    const rows = await rowsOf(join(EXPORTS, 'EA_AmortizedCost_Small.csv'));
    expect(rows).toHaveLength(28);
    const sums = sumsByCategory(rows);
    // 0.0001188669167459011366 + 0.000000007292255759239199 + 0.00034686 + 0.00000001911073923110962
    expect(sums.Bandwidth).toBe('0.000465753319740891485419');
    expect(sums['Virtual Machines']).toBe('3.139152000468');
    expect(sums['Virtual Network']).toBe('0.0914'); // 0.0864 + 0.005
  });

  it('FOCUS: effective (amortized) cost, ISO dates, service names', async () => {
    const rows = await rowsOf(exportFixture('focus-1.2-sample.csv'));
    expect(rows).toHaveLength(13);
    // effective cost: the purchases count 0; 7 x 0.136 (reservation-covered) + 0.0903 (on demand) = 1.0423
    expect(sumsByCategory(rows)).toEqual({ 'Virtual Machines': '1.0423', 'Azure Monitor': '120.5', 'Azure SQL Database': '0.75' });
    expect(rows[1]).toMatchObject({ date: '2026-05-01', resourceGroup: 'rg-cmg-prod', unitOfMeasure: 'Hours' });
  });

  it('the empty export: a header and no rows', async () => {
    expect(await rowsOf(join(EXPORTS, 'EA_NoRows.csv'))).toEqual([]);
  });
});

describe('dates, tags and variance bands', () => {
  it('reads the date forms exports use', () => {
    expect(['09/21/2023', '2023-09-21', '2023-09-21T00:00:00Z', '2023-09-21T00:00:00.0000000Z', '9/1/2023', '20230901'].map(usageDay)).toEqual([
      '2023-09-21',
      '2023-09-21',
      '2023-09-21',
      '2023-09-21',
      '2023-09-01',
      '2023-09-01',
    ]);
    expect(usageDay('02/30/2023')).toBeUndefined();
    expect(billingMonth('2024-02')).toMatchObject({ days: 29, hours: 696, lastDay: '2024-02-29' });
  });
  it('reads EA brace-less tags and JSON tags', () => {
    expect(parseTags('"CostCenter": "1234","env": "prod"')).toEqual(
      new Map([
        ['costcenter', '1234'],
        ['env', 'prod'],
      ]),
    );
    expect(parseTags('{"Env":"staging"}').get('env')).toBe('staging');
    expect(parseTags('not tags').size).toBe(0);
  });
  it.each([
    ['100', '112', 'on target'],
    ['100', '88', 'on target'],
    ['100', '112.01', 'watch'],
    ['100', '80', 'watch'],
    ['100', '79.99', 'off'],
    ['0', '0', 'on target'],
    ['0', '1', 'off'],
  ])('forecast %s, actual %s: %s', (f, a, verdict) => {
    expect(variance(new Decimal(f), new Decimal(a)).verdict).toBe(verdict);
  });
});

function monthFiles(kind: ExportKind, gzip = false) {
  const dir = tempDir();
  const scenario = writeTemp(dir, 'contoso.yaml', CMG_MONTH_SCENARIO);
  const text = exportText(kind, cmgMonth());
  const file = writeTemp(dir, `costs-oct.csv${gzip ? '.gz' : ''}`, gzip ? gzipSync(text) : text);
  const prices = writeTemp(dir, 'eastus-prices.json', snapshotText(EASTUS_ITEMS));
  return { dir, scenario, file, prices };
}

// Worked by hand for the generated October 2026 (31 days, 744 hours) against EASTUS_ITEMS (helpers/prices.ts):
// compute  forecast 2 x 744 h x 0.136 = 202.368 -> 202.37; actual 31 x 6.528 = 202.368 -> 202.37
// egress   forecast 20000 x (300 + 100) MB / 1024 = 7812.5 GB; (7812.5 - 100) x 0.087 = 670.9875, shown
//          670.98 as the estimate shows it (its lines add up to its total: the leftover cents went to
//          compute's 202.368 and storage's 11.408, whose remainders are larger)
//          actual 31 x 21.75 = 674.25 (7750 GB): +3.27, +0.5 %
// storage  forecast 620 GB x 0.0184 = 11.408 -> 11.41; actual 31 x 0.368 = 11.408 -> 11.41 (620 GB-month)
// other    forecast IP 744 x 0.005 + Key Vault 0.03 = 3.75; actual 31 x 0.12 + 0.03 + 0 (inbound) = 3.75
// total    forecast 888.51 (= the estimate's total for 744 h), actual 891.78, +3.27, +0.4 %
// unmapped Log Analytics 31 x 0.5 = 15.50
const EXPECTED_COMPONENTS = [
  {
    component: 'compute',
    forecastCost: '202.37',
    actualCost: '202.37',
    varianceCost: '0.00',
    variancePct: '0.0',
    verdict: 'on target',
    forecastQuantity: '1488',
    actualQuantity: '1488',
    unit: 'hours',
  },
  { component: 'egress', forecastCost: '670.98', actualCost: '674.25', varianceCost: '3.27', variancePct: '0.5', verdict: 'on target', forecastQuantity: '7812.5', actualQuantity: '7750', unit: 'GB' },
  {
    component: 'storage',
    forecastCost: '11.41',
    actualCost: '11.41',
    varianceCost: '0.00',
    variancePct: '0.0',
    verdict: 'on target',
    forecastQuantity: '620',
    actualQuantity: '620',
    unit: 'GB-month',
  },
  { component: 'other', forecastCost: '3.75', actualCost: '3.75', varianceCost: '0.00', variancePct: '0.0', verdict: 'on target', forecastQuantity: null, actualQuantity: null, unit: '' },
];

describe('actuals against the forecast, through the CLI', () => {
  it.each(['EA', 'MCA', 'FOCUS'] as const)('%s export: figures worked out by hand', async (kind) => {
    const { scenario, file, prices } = monthFiles(kind);
    const run = await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'CMG-RG', '--prices', prices, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ month: '2026-10', currency: 'USD', scope: 'resource group CMG-RG', rowsRead: 31 * 7 + 2, rowsSelected: 31 * 6 + 1 });
    expect(json.components).toEqual(EXPECTED_COMPONENTS);
    expect(json.total).toEqual({ forecastCost: '888.51', actualCost: '891.78', varianceCost: '3.27', variancePct: '0.4', verdict: 'on target' });
    expect(json.unmapped).toEqual([{ meterCategory: 'Log Analytics', meterName: 'Analytics Logs Data Ingestion', cost: '15.50', rows: 31 }]);
    // calibration: egress 7750 / 7812.5 = 0.992 of the forecast: 300 -> 297.6 MB, 100 -> 99.2 MB
    expect(json.calibration).toMatchObject({ managementMBPerClientMonth: '297.6', contentMBPerClientMonth: '99.2', instanceHours: '1488', egressGB: '7750' });
    // alerts: 7750 GB x 14 / 31 = 3500 GB in 14 days, at 40 % -> 8750 -> 8800; storage 620 / 0.4 = 1550 -> 1600
    expect(json.alerts).toMatchObject({ outbound14DayGB: 8800, storageGB: 1600 });
  });

  it('gzip, a tag selector, and several files', async () => {
    const { dir, scenario, file } = monthFiles('EA', true);
    const second = writeTemp(dir, 'other.csv', exportText('MCA', cmgMonth('2026-11', 30)));
    const run = await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, second, '--tag', 'CMG-Name=ContosoCMG', '--format', 'json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.rowsRead).toBe(31 * 7 + 2 + 30 * 7 + 2);
    expect(json.total.actualCost).toBe('891.78');
  });

  it('site telemetry: management measured, content back-solved from the egress', async () => {
    const { dir, scenario, file } = monthFiles('EA');
    const telemetry = writeTemp(
      dir,
      'v_CloudCostEstimatorData.csv',
      '\uFEFFID,LaptopCount,DesktopCount,ServerCount,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\r\nCON,12000,7000,1000,20000,250,150\r\n',
    );
    const json = JSON.parse((await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg', '--site-telemetry', telemetry, '--format', 'json'])).stdout);
    // 7750 GB x 1024 = 7,936,000 MB - 20000 x 250 MB = 2,936,000 MB / 20000 clients = 146.8 MB
    expect(json.calibration).toMatchObject({
      managementMBPerClientMonth: '250',
      contentMBPerClientMonth: '146.8',
      basis: { management: 'site telemetry', content: 'back-solved from the actual egress' },
    });
    expect(json.calibration.siteTelemetry).toEqual({ sites: 1, clients: 20000, managementMBPerClientMonth: '250', contentMBPerClientMonth: '150' });
  });

  it('counts every row of the storage account as storage, and learns the MB a content read serves from its read operations', async () => {
    const dir = tempDir();
    const scenario = writeTemp(dir, 'contoso.yaml', CMG_MONTH_SCENARIO);
    // 31 days x 1.6 x 10K = 496,000 read operations, 0.00704 a day
    const reads = cmgMonth()
      .filter((r) => r.meterName === 'Hot LRS Data Stored')
      .map((r) => ({ ...r, meterName: 'Hot Read Operations', quantity: '1.6', unit: '10K', cost: '0.00704' }));
    const file = writeTemp(dir, 'costs.csv', exportText('EA', [...cmgMonth(), ...reads]));
    const prices = writeTemp(dir, 'eastus-prices.json', snapshotText(EASTUS_ITEMS));
    const json = JSON.parse((await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg', '--prices', prices, '--format', 'json'])).stdout);
    // storage: 31 x 0.368 capacity + 31 x 0.00704 reads = 11.408 + 0.21824 = 11.62624
    expect(json.components.find((c: { component: string }) => c.component === 'storage').actualCost).toBe('11.63');
    // content: 99.2 MB a client (scaled to the actual egress) x 20,000 clients, none from peers = 1,984,000 MB / 496,000 reads = 4 MB
    expect(json.calibration).toMatchObject({ contentMBPerClientMonth: '99.2', mbPerReadOperation: '4', storageReadOperations: '496000' });
    expect(json.calibration.basis.readOperation).toBe('the content served over the actual read operations');
  });

  it('writes a calibrated scenario that keeps the comments and estimates as it says', async () => {
    const { dir, scenario, file } = monthFiles('EA');
    const calibrated = join(dir, 'contoso-calibrated.yaml');
    const run = await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg', '--write-calibrated', calibrated, '--format', 'json']);
    expect(run.stderr).toBe(`wrote ${calibrated} (calibrated scenario)\n`);
    const text = readFileSync(calibrated, 'utf8');
    expect(text).toMatch(/^# calibrated by cmg-planner actuals from 2026-10/);
    expect(text).toContain('managementMBPerClientMonth: 297.6 # measured');
    expect(text).toContain('downloadMBPerClientMonth: 99.2');
    expect(text).toContain('alert14DayGB: 8800');
    const estimate = JSON.parse((await runCli(['estimate', calibrated, '--format', 'json'])).stdout);
    expect(estimate.traffic.egressGB).toBe('7750');
  });

  it.each(['table', 'md', 'html', 'csv'])('renders %s', async (format) => {
    const { scenario, file } = monthFiles('EA');
    const run = await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('891.78');
    if (format === 'csv') {
      const rows: Record<string, string>[] = parseCsv(run.stdout, { columns: true });
      expect(rows.map((r) => r.component)).toEqual(['compute', 'egress', 'storage', 'other', 'total', 'unmapped:Log Analytics/Analytics Logs Data Ingestion']);
    }
    if (format === 'html') {
      expect(run.stdout).toMatch(/<svg class="chart"[^>]*>/);
      // 8 bars (forecast and actual for 4 components) and 2 legend keys
      expect((run.stdout.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill=/g) ?? []).length).toBe(10);
      expect((run.stdout.match(/<rect [^>]*><title>/g) ?? []).length).toBe(8);
    }
  });
});

describe('actuals with bad input: one line naming file and line, exit 2', () => {
  const cases: { why: string; make: (dir: string) => string[]; message: RegExp }[] = [
    {
      why: 'an unknown column set',
      make: (dir) => ['--export', writeTemp(dir, 'x.csv', 'a,b,c\n1,2,3\n')],
      message: /x\.csv:1: unknown column set \(header starts "a,b,c"\); expected a Cost Management export/,
    },
    {
      why: 'a month with no rows',
      make: (dir) => ['--export', writeTemp(dir, 'x.csv', exportText('EA', cmgMonth('2026-11', 30)))],
      message: /x\.csv: no rows for 2026-10; the rows read cover 2026-09-30 to 2026-11-30/,
    },
    {
      why: 'mixed currencies',
      make: (dir) => [
        '--export',
        writeTemp(
          dir,
          'x.csv',
          exportText(
            'EA',
            cmgMonth().map((r, i) => (i === 9 ? { ...r, currency: 'EUR' } : r)),
          ),
        ),
      ],
      message: /x\.csv:11: mixed currencies: this row is in EUR, the first selected row \(.*x\.csv:2\) in USD/,
    },
    {
      why: 'a truncated gzip file',
      make: (dir) => {
        const gz = gzipSync(exportText('EA', cmgMonth()));
        return ['--export', writeTemp(dir, 'x.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)))];
      },
      message: /x\.csv\.gz: the gzip file is truncated or damaged after line \d+/,
    },
    {
      why: 'a non-numeric cost',
      make: (dir) => [
        '--export',
        writeTemp(
          dir,
          'x.csv',
          exportText(
            'EA',
            cmgMonth().map((r, i) => (i === 4 ? { ...r, cost: 'twelve' } : r)),
          ),
        ),
      ],
      message: /x\.csv:6: cost: "twelve" is not a number/,
    },
    { why: 'an empty export', make: () => ['--export', join(EXPORTS, 'EA_NoRows.csv')], message: /EA_NoRows\.csv: no usage rows at all/ },
    // (a row of another resource group is counted, not checked: only the CMG's rows are decoded)
    {
      why: 'a ragged row',
      make: (dir) => ['--export', writeTemp(dir, 'x.csv', `${exportText('EA', cmgMonth().slice(0, 3))}cmg-rg,b\n`)],
      message: /x\.csv:5: not a well-formed CSV export \(this row has 2 fields, the header 55\)/,
    },
    {
      why: 'an unclosed quote',
      make: (dir) => ['--export', writeTemp(dir, 'x.csv', `${exportText('EA', cmgMonth().slice(0, 3))}cmg-rg,"b\n`)],
      message: /x\.csv:5: not a well-formed CSV export \(a quoted field is not closed/,
    },
    { why: 'a file that does not exist', make: (dir) => ['--export', join(dir, 'nope.csv')], message: /nope\.csv: no such file/ },
    { why: 'a bad month', make: (dir) => ['--export', join(dir, 'x.csv'), '--month', '2026-13'], message: /--month: "2026-13" is not a month/ },
    { why: 'no selector', make: (dir) => ['--export', writeTemp(dir, 'x.csv', exportText('EA', cmgMonth()))], message: /say which rows are the CMG's/ },
  ];
  it.each(cases)('$why', async ({ make, message, why }) => {
    const dir = tempDir();
    const scenario = writeTemp(dir, 's.yaml', CMG_MONTH_SCENARIO);
    const args = make(dir);
    const selector = why === 'no selector' ? [] : ['--resource-group', 'cmg-rg'];
    const month = args.includes('--month') ? [] : ['--month', '2026-10'];
    const run = await runCli(['actuals', scenario, ...month, ...args, ...selector, '--out', join(dir, 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it("a currency other than the scenario's", async () => {
    const dir = tempDir();
    const scenario = writeTemp(dir, 's.yaml', CMG_MONTH_SCENARIO);
    const file = writeTemp(
      dir,
      'x.csv',
      exportText(
        'EA',
        cmgMonth().map((r) => ({ ...r, currency: 'EUR' })),
      ),
    );
    const run = await runCli(['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the actual costs are in EUR but the forecast is in USD/);
  });
});

describe('the export reader across chunk boundaries', () => {
  it.each([
    [7, 16],
    [64, 64],
    [1000, 100],
    [4096, 1 << 16],
  ])('chunks of %i bytes (carry head %i) give the same rows as one chunk', async (chunkBytes, carryHead) => {
    const dir = tempDir();
    // a long quoted field (longer than the carry head) and a newline inside quotes
    const rows = cmgMonth()
      .slice(0, 40)
      .map((r, i) => (i === 5 ? { ...r, tags: { note: 'x'.repeat(300), multi: 'line one\nline two' } } : r));
    const file = writeTemp(dir, 'x.csv', exportText('EA', rows));
    const read = async (sizes: { chunkBytes?: number; carryHead?: number }) => {
      const got: string[] = [];
      let skipped = 0;
      const result = await readExport(
        file,
        (r) => got.push(`${r.origin.line} ${r.date} ${r.meterName} ${r.cost} ${r.tags.length}`),
        prefilterFor({ resourceGroups: ['cmg-rg'] }, () => skipped++),
        sizes,
      );
      return { got, skipped, rows: result.rows };
    };
    const whole = await read({});
    expect(whole.rows).toBe(40);
    expect(whole.got.length + whole.skipped).toBe(40);
    expect(await read({ chunkBytes, carryHead })).toEqual(whole);
  });
});

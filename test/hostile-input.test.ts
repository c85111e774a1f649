// Every input the tool reads, made hostile: each case is one clear line on stderr, the right exit code
// (2 for bad input, 1 for an external failure), no stack trace and no partial output file. Inputs that
// are merely unusual (CRLF line ends, a BOM) must work.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { CMG_MONTH_SCENARIO, cmgMonth, exportText } from '../support/export-gen.js';
import { startFakeRetailApi, type FakeRetailApi } from '../support/retail-server.js';
import { catalogFor } from '../support/retail-catalog.js';
import { snapshotText, vmItem } from '../support/prices.js';

const SCENARIO = 'name: Hostile\nregion: eastus\nclients:\n  total: 1000\n';
const BIG = 100 * 1024 * 1024;
const INVALID_UTF8 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a]);

type Input = string | Buffer | (() => Buffer);
interface Case {
  readonly input: 'scenario' | 'prices' | 'export' | 'telemetry';
  readonly why: string;
  readonly content: Input;
  readonly code: 0 | 1 | 2;
  readonly message?: RegExp;
}

const bytesOf = (c: Input) => (typeof c === 'function' ? c() : c);
const cmgExport = (rows = cmgMonth()) => exportText('EA', rows);

const CASES: Case[] = [
  // scenario files
  { input: 'scenario', why: 'truncated JSON', content: '{"name": "x", "region": "eastus", "clients": {"tot', code: 2, message: /scenario\.yaml:1: not a valid YAML\/JSON scenario/ },
  { input: 'scenario', why: 'truncated YAML in a flow mapping', content: 'name: x\nregion: eastus\nclients: {total: 10', code: 2, message: /scenario\.yaml:\d+: not a valid YAML\/JSON scenario/ },
  { input: 'scenario', why: 'a wrong type', content: SCENARIO.replace('total: 1000', 'total: many'), code: 2, message: /clients\.total: expected a number/ },
  { input: 'scenario', why: 'a list where a mapping goes', content: `${SCENARIO}gateway: [1, 2]\n`, code: 2, message: /gateway: .*found a list/ },
  { input: 'scenario', why: 'a huge number', content: SCENARIO.replace('total: 1000', 'total: 1e308'), code: 2, message: /clients\.total: .*found 1e\+308/ },
  { input: 'scenario', why: 'a number past the float range', content: `${SCENARIO}hoursPerMonth: 1e400\n`, code: 2, message: /hoursPerMonth:/ },
  { input: 'scenario', why: 'NaN', content: `${SCENARIO}content:\n  storedGB: .nan\n`, code: 2, message: /content\.storedGB: .*NaN/ },
  { input: 'scenario', why: 'Infinity', content: `${SCENARIO}content:\n  storedGB: .inf\n`, code: 2, message: /content\.storedGB:/ },
  { input: 'scenario', why: 'a negative quantity', content: `${SCENARIO}content:\n  storedGB: -1\n`, code: 2, message: /content\.storedGB: expected 0 or more/ },
  { input: 'scenario', why: 'an unknown enum value', content: `${SCENARIO}gateway:\n  os: solaris\n`, code: 2, message: /gateway\.os: expected windows or linux/ },
  { input: 'scenario', why: 'an unknown commitment', content: `${SCENARIO}commitment: 5y-reservation\n`, code: 2, message: /commitment: expected one of payg/ },
  { input: 'scenario', why: 'a duplicate key', content: `${SCENARIO}region: westeurope\n`, code: 2, message: /a key appears twice/ },
  {
    input: 'scenario',
    why: 'an alias bomb',
    content: 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    code: 2,
    message: /aliases expand too far/,
  },
  { input: 'scenario', why: 'a 100 MB single line', content: () => Buffer.alloc(BIG, 0x61), code: 2, message: /too large for a scenario file \(at most 1,048,576\)/ },
  { input: 'scenario', why: 'a very long name', content: SCENARIO.replace('Hostile', 'x'.repeat(5000)), code: 2, message: /name: at most 200 characters/ },
  { input: 'scenario', why: 'invalid UTF-8', content: INVALID_UTF8, code: 2, message: /not UTF-8 text/ },
  { input: 'scenario', why: 'an empty file', content: '', code: 2, message: /the scenario file is empty/ },
  { input: 'scenario', why: 'CRLF line ends (works)', content: SCENARIO.replace(/\n/g, '\r\n'), code: 0 },
  { input: 'scenario', why: 'a BOM (works)', content: `\uFEFF${SCENARIO}`, code: 0 },
  // price files
  {
    input: 'prices',
    why: 'truncated JSON',
    content: snapshotText([vmItem('Standard_A2_v2', 0.136)]).slice(0, 200),
    code: 2,
    message: /prices\.json:\d+:\d+: not valid JSON \(the file ends before the JSON is complete/,
  },
  {
    input: 'prices',
    why: 'a wrong type',
    content: JSON.stringify({ Items: [{ ...vmItem('Standard_A2_v2', 0.1), retailPrice: 'cheap' }] }),
    code: 2,
    message: /Items\[0\]\.retailPrice: expected a number, found "cheap"/,
  },
  { input: 'prices', why: 'Items not a list', content: '{"Items": {"a": 1}}', code: 2, message: /Items: expected an "Items" list/ },
  {
    input: 'prices',
    why: 'a number past the float range',
    content: JSON.stringify({ Items: [vmItem('Standard_A2_v2', 0.1)] }).replace('"retailPrice":0.1', '"retailPrice":1e400'),
    code: 2,
    message: /Items\[0\]\.retailPrice:/,
  },
  { input: 'prices', why: 'NaN', content: JSON.stringify({ Items: [vmItem('Standard_A2_v2', 0.1)] }).replace('"retailPrice":0.1', '"retailPrice":NaN'), code: 2, message: /not valid JSON/ },
  { input: 'prices', why: 'a negative price', content: JSON.stringify({ Items: [vmItem('Standard_A2_v2', -0.1)] }), code: 2, message: /Items\[0\]\.retailPrice: expected a price of 0 or more/ },
  { input: 'prices', why: 'deep nesting', content: () => Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), code: 2, message: /prices\.json: the top level must be an object/ },
  { input: 'prices', why: 'a 100 MB single line that is not JSON', content: () => Buffer.alloc(BIG, 0x7b), code: 2, message: /prices\.json:1:\d+: not valid JSON/ },
  { input: 'prices', why: 'invalid UTF-8', content: INVALID_UTF8, code: 2, message: /not UTF-8 text/ },
  { input: 'prices', why: 'an empty file', content: '', code: 2, message: /prices\.json: the file is empty/ },
  // export files
  {
    input: 'export',
    why: 'truncated inside a quoted field',
    content: () => Buffer.from(`${cmgExport(cmgMonth().slice(0, 9))}8611537,"Contoso, cut`),
    code: 2,
    message: /export\.csv:\d+: not a well-formed CSV export \(a quoted field is not closed/,
  },
  {
    input: 'export',
    why: 'truncated in the middle of a row',
    content: () => Buffer.from(cmgExport(cmgMonth().slice(0, 9)).slice(0, -300)),
    code: 2,
    message: /export\.csv:\d+: the file ends in the middle of a row \(\d+ of the header's 55 fields\): is it truncated\?/,
  },
  { input: 'export', why: 'a wrong type (cost)', content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, cost: 'abc' } : r))), code: 2, message: /export\.csv:2: cost: "abc" is not a number/ },
  {
    input: 'export',
    why: 'a huge number',
    content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, cost: '1e400' } : r))),
    code: 2,
    message: /export\.csv:2: cost: 1e400 is not a plausible figure/,
  },
  { input: 'export', why: 'NaN', content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, quantity: 'NaN' } : r))), code: 2, message: /export\.csv:2: quantity: "NaN" is not a number/ },
  { input: 'export', why: 'Infinity', content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, cost: 'Infinity' } : r))), code: 2, message: /export\.csv:2: cost: "Infinity" is not a number/ },
  {
    input: 'export',
    why: 'a bad date',
    content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, date: '2026-13-45' } : r))),
    code: 2,
    message: /export\.csv:2: date "13\/45\/2026" is not a date/,
  },
  { input: 'export', why: 'negative quantities (a credit: works)', content: cmgExport(cmgMonth().map((r, i) => (i === 0 ? { ...r, quantity: '-48', cost: '-6.528' } : r))), code: 0 },
  { input: 'export', why: 'an unknown column set', content: 'foo,bar\n1,2\n', code: 2, message: /export\.csv:1: unknown column set/ },
  { input: 'export', why: 'a 100 MB single line', content: () => Buffer.alloc(BIG, 0x61), code: 2, message: /export\.csv:1: a row longer than 16 MB: this is not a Cost Management export/ },
  {
    input: 'export',
    why: 'invalid UTF-8 in a CMG row',
    content: () => {
      // the meter name (in MeterName and Product) as bytes that are not UTF-8
      const text = cmgExport(
        cmgMonth()
          .slice(0, 3)
          .map((r, i) => (i === 2 ? { ...r, meterName: 'BADBYTES' } : r)),
      );
      return Buffer.from(Buffer.from(text).toString('latin1').replaceAll('BADBYTES', '\xc3\x28\xff'), 'latin1');
    },
    code: 2,
    message: /export\.csv:4: not UTF-8 text/,
  },
  { input: 'export', why: 'an empty file', content: '', code: 2, message: /export\.csv: no usage rows at all/ },
  { input: 'export', why: 'CRLF line ends (works)', content: cmgExport().replace(/\n/g, '\r\n'), code: 0 },
  // site telemetry
  {
    input: 'telemetry',
    why: 'truncated',
    content: 'ID,LaptopCount,DesktopCount,ServerCount,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\nCON,1,2',
    code: 2,
    message: /telemetry\.csv:2: not a well-formed CSV file/,
  },
  {
    input: 'telemetry',
    why: 'a wrong type',
    content: 'ID,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\nCON,many,250,150\n',
    code: 2,
    message: /telemetry\.csv:2: clientcount: "many" is not a number/,
  },
  { input: 'telemetry', why: 'NaN', content: 'ID,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\nCON,100,NaN,150\n', code: 2, message: /"NaN" is not a number/ },
  {
    input: 'telemetry',
    why: 'a negative figure',
    content: 'ID,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\nCON,100,-250,150\n',
    code: 2,
    message: /"-250" is not a number of 0 or more/,
  },
  { input: 'telemetry', why: 'the wrong file', content: 'a,b\n1,2\n', code: 2, message: /not an export of v_CloudCostEstimatorData/ },
  { input: 'telemetry', why: 'a 100 MB single line', content: () => Buffer.alloc(BIG, 0x61), code: 2, message: /too large for a site telemetry file/ },
  { input: 'telemetry', why: 'an empty file', content: '', code: 2, message: /the site telemetry file is empty/ },
  { input: 'telemetry', why: 'CRLF line ends (works)', content: 'ID,clientCount,AvgMPMBPerMonthPerClient,AvgContentMBPerMonthPerClient\r\nCON,20000,250,150\r\n', code: 0 },
];

function command(c: Case, dir: string, file: string, out: string): string[] {
  switch (c.input) {
    case 'scenario':
      return ['estimate', file, '--out', out];
    case 'prices':
      return ['estimate', 'scenarios/contoso-20k.yaml', '--prices', file, '--out', out];
    case 'export': {
      const scenario = join(dir, 'cmg.yaml');
      writeFileSync(scenario, CMG_MONTH_SCENARIO);
      return ['actuals', scenario, '--month', '2026-10', '--export', file, '--resource-group', 'cmg-rg', '--out', out];
    }
    case 'telemetry': {
      const scenario = join(dir, 'cmg.yaml');
      writeFileSync(scenario, CMG_MONTH_SCENARIO);
      const exportFile = join(dir, 'costs.csv');
      writeFileSync(exportFile, cmgExport());
      return ['actuals', scenario, '--month', '2026-10', '--export', exportFile, '--resource-group', 'cmg-rg', '--site-telemetry', file, '--out', out];
    }
  }
}

const FILE_NAMES = { scenario: 'scenario.yaml', prices: 'prices.json', export: 'export.csv', telemetry: 'telemetry.csv' } as const;

describe('hostile input files', () => {
  it.each(CASES)(
    '$input: $why',
    async (c) => {
      const dir = tempDir();
      const file = join(dir, FILE_NAMES[c.input]);
      writeFileSync(file, bytesOf(c.content));
      const out = join(dir, 'out', 'report.json');
      const run = await runCli(command(c, dir, file, out));
      expect(run.code, run.stderr).toBe(c.code);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      if (c.code === 0) {
        expect(existsSync(out)).toBe(true);
        return;
      }
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^cmg-planner: /);
      expect(run.stderr).toMatch(c.message!);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
    },
    60_000,
  );
});

describe('hostile API pages (pricing refresh): exit 1, one line, the old snapshot kept', () => {
  let api: FakeRetailApi;
  const pages: Record<string, string> = {
    'Items not a list': '{"Items": "none", "NextPageLink": null}',
    'an item with a wrong type': JSON.stringify({ Items: [{ ...catalogFor('eastus')[0], retailPrice: 'cheap' }], NextPageLink: null }),
    'an item with a number past the float range': `{"Items": [${JSON.stringify(catalogFor('eastus')[0]).replace(/"retailPrice":[\d.]+/, '"retailPrice":1e400')}], "NextPageLink": null}`,
    NaN: `{"Items": [${JSON.stringify(catalogFor('eastus')[0]).replace(/"retailPrice":[\d.]+/, '"retailPrice":NaN')}], "NextPageLink": null}`,
    'a truncated page': '{"Items": [{"currencyCode": "USD", "retail',
    'a NextPageLink that is not a URL': '{"Items": [], "NextPageLink": "::not a url::"}',
  };
  beforeAll(async () => {
    api = await startFakeRetailApi({
      items: catalogFor('eastus'),
      faults: Object.entries(pages).map(([name, body]) => ({ match: (u: URL) => u.searchParams.get('case') === name, times: 1000, action: { kind: 'status' as const, status: 200, body } })),
    });
  });
  afterAll(async () => api.close());

  it.each(Object.keys(pages))(
    '%s',
    async (name) => {
      const dir = tempDir();
      const out = join(dir, 'prices.json');
      writeFileSync(out, '{"Items": []}\n');
      const endpoint = `${api.url}?case=${encodeURIComponent(name)}`;
      const run = await runCli(['pricing', 'refresh', '--regions', 'eastus', '--endpoint', endpoint, '--out', out, '--max-attempts', '1']);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^cmg-planner: the Retail Prices API/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual(['prices.json']);
    },
    30_000,
  );
});

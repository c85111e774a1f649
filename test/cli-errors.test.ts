// Bad input through the built CLI, as a user runs it: one clear line, exit code 2, no stack, no output file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { TEST_NOW, runCli, tempDir, writeTemp } from './helpers/cli.js';
import { EASTUS_ITEMS, snapshotText } from '../support/prices.js';

const good = `name: Test
region: eastus
clients:
  total: 20000
  peakConcurrency: 0.6
gateway:
  vmSize: Standard_A2_v2
  minInstances: 2
`;

const cases: { why: string; scenario: string; message: RegExp; prices?: string }[] = [
  { why: 'a missing field', scenario: good.replace('region: eastus\n', ''), message: /bad\.yaml:1: region: is required/ },
  { why: 'negative clients', scenario: good.replace('total: 20000', 'total: -5'), message: /bad\.yaml:4: clients\.total: .*0 or more.*found -5/ },
  { why: 'concurrency 1.5', scenario: good.replace('peakConcurrency: 0.6', 'peakConcurrency: 1.5'), message: /bad\.yaml:5: clients\.peakConcurrency: .*found 1\.5/ },
  { why: 'an unknown size', scenario: good.replace('Standard_A2_v2', 'Standard_A3_v2'), message: /bad\.yaml:7: gateway\.vmSize: .*Standard_A3_v2/ },
  { why: 'a size in the wrong case', scenario: good.replace('Standard_A2_v2', 'standard_a2_v2'), message: /bad\.yaml:7: gateway\.vmSize: .*Standard_A2_v2/ },
  { why: 'an unknown region', scenario: good.replace('region: eastus', 'region: east-us'), message: /bad\.yaml:2: region: .*east-us.*eastus/ },
  { why: 'a YAML syntax error', scenario: good.replace('  total: 20000', '  total: [20000'), message: /bad\.yaml:\d+: not a valid YAML\/JSON scenario/ },
  { why: 'a duplicate key', scenario: `${good}region: westeurope\n`, message: /bad\.yaml:9: not a valid YAML\/JSON scenario: a key appears twice/ },
  { why: 'an unknown field', scenario: good.replace('  minInstances: 2', '  minInstance: 2'), message: /bad\.yaml:8: gateway\.minInstance: unknown field; did you mean "minInstances"\?/ },
  {
    why: 'several misspelt fields, each at its own line',
    scenario: good.replace('  peakConcurrency: 0.6', '  peakConcurency: 0.6').replace('  vmSize: Standard_A2_v2', '  vmsize: Standard_A2_v2').concat('trafic:\n  policyPollingMinutes: 30\n'),
    message:
      /bad\.yaml:5: clients\.peakConcurency: unknown field; did you mean "peakConcurrency"\?; \S*bad\.yaml:7: gateway\.vmsize: unknown field; did you mean "vmSize"\?; \S*bad\.yaml:9: trafic: unknown field; did you mean "traffic"\?/,
  },
  { why: 'NaN', scenario: good.replace('total: 20000', 'total: .nan'), message: /bad\.yaml:4: clients\.total: .*NaN/ },
  { why: 'a number as text', scenario: good.replace('total: 20000', 'total: "20000"'), message: /bad\.yaml:4: clients\.total: .*found "20000"/ },
  { why: 'an empty file', scenario: '', message: /bad\.yaml: the scenario file is empty/ },
  {
    why: 'an alias bomb',
    scenario: `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
    message: /bad\.yaml: the scenario's YAML aliases expand too far/,
  },
  {
    why: 'a region the prices do not cover',
    scenario: good.replace('region: eastus', 'region: brazilsouth'),
    prices: snapshotText(EASTUS_ITEMS),
    message: /no Windows Standard_A2_v2 VM price in .* for region brazilsouth, currency USD/,
  },
  { why: 'a currency the prices do not cover', scenario: `${good}currency: CHF\n`, prices: snapshotText(EASTUS_ITEMS), message: /for region eastus, currency CHF/ },
  { why: 'a prices file that is not JSON', scenario: good, prices: '{"Items": [', message: /prices\.json:1:12: not valid JSON/ },
  { why: 'a prices file with a bad item', scenario: good, prices: '{"Items": [{"retailPrice": "x"}]}', message: /prices\.json: Items\[0\]\.currencyCode: is required/ },
];

describe('estimate with bad input', () => {
  it.each(cases)('$why: one line, exit 2, no output file', async ({ scenario, message, prices }) => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.yaml', scenario);
    const args = ['estimate', file, '--out', join(dir, 'out', 'report.json')];
    if (prices !== undefined) args.push('--prices', writeTemp(dir, 'prices.json', prices));
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cmg-planner: /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a file that does not exist', async () => {
    const run = await runCli(['estimate', '/nonexistent/scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cmg-planner: .*\/nonexistent\/scenario\.yaml.*\n$/);
  });

  it('an unknown format or command', async () => {
    expect((await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['estimat', 'scenarios/contoso-20k.yaml'])).code).toBe(2);
  });

  it('keeps a good output file when a later run fails, and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    expect((await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--out', out])).code).toBe(0);
    const before = readFileSync(out, 'utf8');
    const prices = writeTemp(dir, 'broken.json', '{"Items": [');
    const run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--out', out, '--prices', prices]);
    expect(run.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['broken.json', 'report.json']);
  });

  it('an --out that cannot be written is one line, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const run = await runCli(['estimate', 'scenarios/contoso-20k.yaml', '--out', join(dir, 'a-file', 'report.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cmg-planner: cannot write .*report\.json: a part of its folder path is a file; choose another --out path\n$/);
  });

  it('an unexpected error is exit 70 with a bug notice; --debug adds the stack', async () => {
    // a stdout that throws stands in for a bug (bin.test.ts checks the exit code in a real process)
    const run = async (extra: string[]) => {
      let stderr = '';
      const io = {
        stdout: () => {
          throw new TypeError('stdout is broken');
        },
        stderr: (t: string) => void (stderr += t),
        now: () => new Date(TEST_NOW),
      };
      return { code: await main(['estimate', 'scenarios/contoso-20k.yaml', ...extra], io), stderr };
    };
    expect(await run([])).toEqual({ code: 70, stderr: 'cmg-planner: unexpected error: stdout is broken\n(this is a bug in cmg-planner; run again with --debug for details and report it)\n' });
    const debug = await run(['--debug']);
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/^cmg-planner: unexpected error: stdout is broken\nTypeError: stdout is broken\n\s+at /);
  });
});

describe('command-line manners: what would silently do something else is exit 2, one line', () => {
  const manners: { why: string; args: string[]; message: RegExp }[] = [
    { why: '--budget without --range', args: ['estimate', 'scenarios/contoso-20k.yaml', '--budget', '800'], message: /^cmg-planner: --budget goes with --range/ },
    { why: '--draws without --range', args: ['estimate', 'scenarios/contoso-20k.yaml', '--draws', '500'], message: /^cmg-planner: --draws goes with --range/ },
    { why: 'a..b without a step', args: ['sweep', 'scenarios/contoso-20k.yaml', '--vary', 'clients.total=1000..60000'], message: /give the step too, e\.g\. clients\.total=1000\.\.60000:5000/ },
    { why: 'an --out extension that is no format', args: ['estimate', 'scenarios/contoso-20k.yaml', '--out', 'OUT/report.xlsx'], message: /--out .*report\.xlsx: cmg-planner writes .*not \.xlsx/ },
  ];
  it.each(manners)('$why', async ({ args, message }) => {
    const dir = tempDir();
    const run = await runCli(args.map((a) => a.replace('OUT', dir)));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

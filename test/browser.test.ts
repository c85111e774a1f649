// The HTML reports in a real browser (Debian's chromium, driven by playwright-core): no console errors,
// the chart's SVG drawn with a size, the figures on the page equal to the JSON output, a hostile
// scenario name shown as text; a screenshot of each in reports/out/screenshots/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO, runCli, tempDir, writeTemp } from './helpers/cli.js';
import { CMG_MONTH_SCENARIO, cmgMonth, exportText } from '../support/export-gen.js';

const CHROMIUM = process.env.CMG_PLANNER_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO, 'reports', 'out', 'screenshots');
const available = existsSync(CHROMIUM);
if (!available && process.env.CMG_PLANNER_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing: install it (apt-get install chromium)`);
const HOSTILE = '<img src=x onerror=alert(1)>';

describe.skipIf(!available)('HTML reports in Chromium', () => {
  let browser: Browser;
  // one browser and one context for every page: a context per page costs a fifth of a second each
  let context: BrowserContext;
  const dir = tempDir();

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterEach(async () => Promise.all(context?.pages().map((p) => p.close()) ?? []));
  afterAll(async () => browser?.close());

  /** Opens a report; fails on console errors, page errors or any dialog (a script that ran). */
  async function open(file: string, shot: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
    await page.goto(pathToFileURL(file).toString());
    await page.waitForLoadState('load');
    await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
    const text = await page.locator('body').innerText();
    for (const bad of ['[object Object]', 'undefined', 'NaN']) if (text.includes(bad)) problems.push(`the page shows "${bad}"`);
    return { page, problems };
  }

  /** The chart is in the page and drawn with a size. */
  async function expectDrawn(page: Page, selector: string) {
    const box = await page.locator(selector).first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
    expect(box?.height ?? 0).toBeGreaterThan(0);
  }

  /** Every figure on the page by its data-figure name (the first of each name), without thousands separators; one round trip. */
  const figures = async (page: Page): Promise<Record<string, string>> =>
    page.evaluate(() => {
      const found: Record<string, string> = {};
      for (const el of document.querySelectorAll<HTMLElement>('[data-figure]')) found[el.dataset.figure!] ??= el.innerText.replace(/,/g, '');
      return found;
    });

  /** Runs a report command as HTML and as JSON; opens the HTML (no problems allowed) and returns both. */
  async function htmlAndJson(args: readonly string[], name: string) {
    const html = join(dir, `${name}.html`);
    expect((await runCli([...args, '--out', html])).code).toBe(0);
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    const { page, problems } = await open(html, `${name}.png`);
    expect(problems).toEqual([]);
    return { page, json };
  }

  it('estimate: figures as in JSON; a hostile name is text', async () => {
    const scenario = writeTemp(
      dir,
      'hostile.yaml',
      `name: ${JSON.stringify(HOSTILE)}\nregion: eastus\nclients:\n  total: 20000\n  peakConcurrency: 0.6\ngateway:\n  minInstances: 2\ncontent:\n  storedGB: 500\n  downloadMBPerClientMonth: 200\n`,
    );
    const { page, json } = await htmlAndJson(['estimate', scenario], 'estimate');
    const shown = await figures(page);
    expect(await page.locator('h1').innerText()).toBe(`CMG estimate: ${HOSTILE}`);
    expect(await page.locator('img').count()).toBe(0);
    await expectDrawn(page, 'svg#cost-split');
    for (const c of ['compute', 'egress', 'storage', 'other'] as const) expect(shown[c]).toBe(json.costs[c]);
    expect(shown.total).toContain(json.costs.total);
    expect(shown.instances).toBe(String(json.sizing.instances));
  }, 60_000);

  it('actuals: figures as in JSON, the forecast-vs-actual chart drawn', async () => {
    const scenario = writeTemp(dir, 'contoso.yaml', CMG_MONTH_SCENARIO);
    const exportFile = writeTemp(dir, 'costs.csv', exportText('EA', cmgMonth()));
    const args = ['actuals', scenario, '--month', '2026-10', '--export', exportFile, '--resource-group', 'cmg-rg'];
    const { page, json } = await htmlAndJson(args, 'actuals');
    const shown = await figures(page);
    await expectDrawn(page, 'svg.chart');
    for (const c of json.components) {
      expect(shown[`${c.component}-actual`]).toBe(c.actualCost);
      expect(shown[`${c.component}-forecast`]).toBe(c.forecastCost);
    }
    expect(shown['actual-total']).toBe(json.total.actualCost);
  }, 60_000);

  it('compare: figures as in JSON, the grouped bars drawn', async () => {
    const files = ['scenarios/contoso-20k.yaml', 'scenarios/fabrikam-90k-v6.yaml', scenarioNamed(dir, HOSTILE)];
    const { page, json } = await htmlAndJson(['compare', ...files], 'compare');
    const shown = await figures(page);
    expect(await page.locator('img').count()).toBe(0);
    await expectDrawn(page, 'svg.chart');
    expect(await page.locator('svg.chart rect title').count()).toBe(15);
    for (const [i, s] of json.scenarios.entries()) expect(shown[`total (USD)-${i}`]).toBe(s.costs.total);
    expect(await page.locator('th[data-scenario="2"]').innerText()).toBe(HOSTILE);
  }, 60_000);

  it('sweep: figures as in JSON, the line with its instance steps drawn', async () => {
    const args = ['sweep', 'scenarios/contoso-20k.yaml', '--vary', 'clients.total=2000..40000:2000'];
    const { page, json } = await htmlAndJson(args, 'sweep');
    const shown = await figures(page);
    await expectDrawn(page, 'svg.chart');
    const steps = new Set(json.points.map((p: { instances: number }) => p.instances)).size;
    expect(await page.locator('svg.chart circle').count()).toBe(steps);
    for (const [i, p] of json.points.entries()) expect(shown[`total-${i}`]).toBe(p.costs.total);
  }, 60_000);
});

function scenarioNamed(dir: string, name: string): string {
  const file = join(dir, 'named.yaml');
  writeFileSync(file, `name: ${JSON.stringify(name)}\nregion: westeurope\nclients:\n  total: 5000\n`);
  return file;
}

// calibrate and recommendAlerts on inputs built here: a scenario, the few forecast figures they read,
// a month's actual totals and the site's telemetry. Figures worked out by hand in each case.
import { describe, expect, it } from 'vitest';
import { calibrate, recommendAlerts } from '../src/actuals/calibrate.js';
import type { ActualTotals } from '../src/actuals/aggregate.js';
import type { SiteTelemetry } from '../src/actuals/site-telemetry.js';
import type { Estimate } from '../src/estimate/estimate.js';
import { Decimal, ZERO } from '../src/model/money.js';
import { resolveScenario } from '../src/scenario/scenario.js';
import type { ScenarioInput } from '../src/scenario/schema.js';

const d = (v: string | number) => new Decimal(v);

/** 20,000 clients, 300 MB of management (measured) and 100 MB of content a month each. */
function scenario(over: { onlineHoursPerDay?: number; peerShare?: number } = {}) {
  const input: ScenarioInput = {
    name: 'c',
    region: 'eastus',
    clients: { total: 20000, onlineHoursPerDay: over.onlineHoursPerDay },
    traffic: { managementMBPerClientMonth: 300 },
    content: { downloadMBPerClientMonth: 100, peerShare: over.peerShare, storedGB: 620 },
  };
  return resolveScenario(input);
}

/** The forecast figures calibrate and recommendAlerts read (sizing and traffic), nothing else. */
function forecast(f: { instances?: number; gateways?: number; egressGB: string; management24h?: string }): Estimate {
  return { sizing: { instances: f.instances ?? 2, gateways: f.gateways ?? 1 }, traffic: { egressGB: d(f.egressGB), managementMBPerClientMonth24h: d(f.management24h ?? 300) } } as unknown as Estimate;
}

function actual(a: { hours?: string; egressGB: string; storedGB?: string; reads?: string }): ActualTotals {
  const part = (quantity: string) => ({ cost: ZERO, quantity: d(quantity), rows: 31 });
  return {
    rowsRead: 0,
    rowsSelected: 0,
    rowsInMonth: 0,
    currency: 'USD',
    components: { compute: part(a.hours ?? '1488'), egress: part(a.egressGB), storage: part(a.storedGB ?? '620'), other: part('0') },
    unmapped: [],
    firstDay: '2026-10-01',
    lastDay: '2026-10-31',
    storageReadOperations: d(a.reads ?? '0'),
  };
}

const telemetry = (management: number, content: number): SiteTelemetry => ({ sites: 1, clients: 20000, managementMBPerClientMonth: d(management), contentMBPerClientMonth: d(content) });

// the forecast: 20,000 x (300 + 100) MB / 1024 = 7812.5 GB of egress
const FORECAST = forecast({ egressGB: '7812.5' });

describe('calibrate', () => {
  const cases: { why: string; online?: number; peers?: number; egress: string; site?: SiteTelemetry; management: string; content: string; basis: [string, string] }[] = [
    // 7750 / 7812.5 = 0.992: 300 -> 297.6, 100 -> 99.2
    { why: 'no telemetry: both scaled by actual / forecast egress', egress: '7750', management: '297.6', content: '99.2', basis: ['scaled to the actual egress', 'scaled to the actual egress'] },
    {
      why: "no telemetry and no actual egress: the scenario's figures",
      egress: '0',
      management: '300',
      content: '100',
      basis: ['scenario (no egress to calibrate from)', 'scenario (no egress to calibrate from)'],
    },
    // 7750 GB x 1024 = 7,936,000 MB - 20,000 x 250 MB = 2,936,000 MB / 20,000 = 146.8 MB
    {
      why: 'telemetry: management measured, content back-solved from the egress',
      egress: '7750',
      site: telemetry(250, 150),
      management: '250',
      content: '146.8',
      basis: ['site telemetry', 'back-solved from the actual egress'],
    },
    // measured over 12 h online a day: 250 / (12 / 24) = 500 for a client online 24 h; content as above
    {
      why: 'telemetry, clients online 12 h: management as its 24-hour figure',
      online: 12,
      egress: '7750',
      site: telemetry(250, 150),
      management: '500',
      content: '146.8',
      basis: ['site telemetry', 'back-solved from the actual egress'],
    },
    // peers serve 20 %: 146.8 reached the CMG, so clients downloaded 146.8 / 0.8 = 183.5
    {
      why: 'telemetry, peers serve 20 %: content before peers',
      peers: 0.2,
      egress: '7750',
      site: telemetry(250, 150),
      management: '250',
      content: '183.5',
      basis: ['site telemetry', 'back-solved from the actual egress'],
    },
    // 4000 GB x 1024 = 4,096,000 MB < 5,000,000 MB of management: no content left
    {
      why: 'telemetry, egress below the measured management: content never below 0',
      egress: '4000',
      site: telemetry(250, 150),
      management: '250',
      content: '0',
      basis: ['site telemetry', 'back-solved from the actual egress'],
    },
    { why: "telemetry and no actual egress: the telemetry's content", egress: '0', site: telemetry(250, 150), management: '250', content: '150', basis: ['site telemetry', 'site telemetry'] },
    // every download served by peers: nothing to back-solve the download from, so the scenario's 100 stays
    {
      why: "telemetry, peers serve all: the scenario's download",
      peers: 1,
      egress: '7750',
      site: telemetry(250, 150),
      management: '250',
      content: '100',
      basis: ['site telemetry', 'back-solved from the actual egress'],
    },
  ];

  it.each(cases)('$why', ({ online, peers, egress, site, management, content, basis }) => {
    const c = calibrate(scenario({ onlineHoursPerDay: online, peerShare: peers }), FORECAST, actual({ egressGB: egress }), site);
    expect([c.managementMBPerClientMonth.toString(), c.contentMBPerClientMonth.toString()]).toEqual([management, content]);
    expect([c.managementBasis, c.contentBasis]).toEqual(basis);
    // the actual month beside the scenario's: 1488 h against 2 instances x 730 h
    expect([c.instanceHours.toString(), c.egressGB.toString()]).toEqual(['1488', egress]);
    expect(c.scenario).toEqual({ managementMBPerClientMonth: d(300), contentMBPerClientMonth: d(100), instanceHours: d(1460), egressGB: d('7812.5'), mbPerReadOperation: d(4) });
  });
});

describe('recommendAlerts', () => {
  const cases: { why: string; gateways: number; egress: string; stored: string; days: number; outbound: number; storage: number | null; perCmg: string }[] = [
    // 7750 x 14 / 31 = 3500 GB in 14 days, at 40 % of the threshold: 8750 -> 8800; 620 / 0.4 = 1550 -> 1600
    { why: 'one CMG, a 31-day month', gateways: 1, egress: '7750', stored: '620', days: 31, outbound: 8800, storage: 1600, perCmg: '3500.0' },
    // per CMG 3875 x 14 / 31 = 1750 / 0.4 = 4375 -> 4400; 310 / 0.4 = 775 -> 800
    { why: 'two CMGs share the egress and the storage', gateways: 2, egress: '7750', stored: '620', days: 31, outbound: 4400, storage: 800, perCmg: '1750.0' },
    // 2800 x 14 / 28 = 1400 / 0.4 = 3500: already a multiple of 100
    { why: 'a threshold on a multiple of 100 stays', gateways: 1, egress: '2800', stored: '40', days: 28, outbound: 3500, storage: 100, perCmg: '1400.0' },
    // 10 x 14 / 30 = 4.7 / 0.4 = 11.7 -> 100, the least
    { why: 'a little egress: at least 100 GB', gateways: 1, egress: '10', stored: '1', days: 30, outbound: 100, storage: 100, perCmg: '4.7' },
    { why: 'no content stored: no storage threshold', gateways: 1, egress: '7750', stored: '0', days: 31, outbound: 8800, storage: null, perCmg: '3500.0' },
  ];

  it.each(cases)('$why', ({ gateways, egress, stored, days, outbound, storage, perCmg }) => {
    const alerts = recommendAlerts(forecast({ gateways, egressGB: '7812.5' }), actual({ egressGB: egress, storedGB: stored }), days);
    expect([alerts.outbound14DayGB, alerts.storageGB]).toEqual([outbound, storage]);
    expect(alerts.basis).toContain(`over 14 of its ${days} days (${perCmg} GB per CMG)`);
  });
});

describe('calibrate: the MB one read operation serves', () => {
  it('is the content the storage account served over its read operations', () => {
    // 7750 / 7812.5 = 0.992: content 99.2 MB a client, all from the CMG (no peers): 20,000 x 99.2 = 1,984,000 MB
    // over 496,000 read operations = 4 MB a read
    const c = calibrate(scenario(), FORECAST, actual({ egressGB: '7750', reads: '496000' }));
    expect(c.mbPerReadOperation.toString()).toBe('4');
    expect(c.readOperationBasis).toBe('the content served over the actual read operations');
    // with half the content from peers, the account served half: 992,000 MB / 496,000 = 2 MB a read
    expect(calibrate(scenario({ peerShare: 0.5 }), FORECAST, actual({ egressGB: '7750', reads: '496000' })).mbPerReadOperation.toString()).toBe('2');
  });

  it("keeps the scenario's figure when the content served is too little to give a figure above 0", () => {
    // egress 0.0001 GB: the content scaled to it is a few bytes a client, over 496,000 reads
    const c = calibrate(scenario(), FORECAST, actual({ egressGB: '0.0001', reads: '496000' }));
    expect(c.mbPerReadOperation.toString()).toBe('4');
    expect(c.readOperationBasis).toBe('scenario (too little content served to calibrate from)');
  });

  it("keeps the scenario's figure when the month has no read operations", () => {
    const c = calibrate(scenario(), FORECAST, actual({ egressGB: '7750' }));
    expect(c.mbPerReadOperation.toString()).toBe('4');
    expect(c.readOperationBasis).toBe('scenario (no content read operations to calibrate from)');
  });
});

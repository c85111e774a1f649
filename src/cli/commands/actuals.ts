import type { TokenCredential } from '@azure/core-auth';
import { UserInputError } from '../../model/errors.js';
import { readInputText } from '../../io/read-input.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readPriceList } from '../inputs.js';
import { loadScenario } from '../../scenario/load.js';
import { withOverrides } from '../../scenario/scenario.js';
import { calibratedScenarioText } from '../../scenario/calibrated.js';
import { estimate } from '../../estimate/estimate.js';
import { billingMonth } from '../../actuals/dates.js';
import { createAccumulator } from '../../actuals/aggregate.js';
import { describeSelector, rowSelector, type RowSelector } from '../../actuals/select.js';
import { prefilterFor, readExport } from '../../actuals/export-reader.js';
import { calibrate, recommendAlerts } from '../../actuals/calibrate.js';
import { parseSiteTelemetry } from '../../actuals/site-telemetry.js';
import { buildActualsReport, renderActuals } from '../../report/actuals-report.js';
import type { ReportFormat } from '../../report/render.js';
import { emit, type CommandIO } from '../output.js';

export interface ActualsOptions {
  readonly month?: string;
  readonly export?: readonly string[];
  readonly subscription?: string;
  readonly resourceGroup?: readonly string[];
  readonly resourceId?: readonly string[];
  readonly tag?: readonly string[];
  readonly prices?: string;
  readonly siteTelemetry?: string;
  readonly writeCalibrated?: string;
  readonly armEndpoint?: string;
  readonly format: ReportFormat;
  readonly out?: string;
}

/** What tests inject: a credential and a CA for their loopback ARM server. */
export interface ActualsDeps {
  readonly credential?: TokenCredential;
  readonly ca?: string;
}

function selectorFrom(options: ActualsOptions): RowSelector {
  const tags = (options.tag ?? []).map((t) => {
    const at = t.indexOf('=');
    const key = (at < 0 ? t : t.slice(0, at)).trim();
    if (!key) throw new UserInputError(`--tag: "${t}" has no tag name; write --tag name=value or --tag name`);
    return at < 0 ? { key } : { key, value: t.slice(at + 1).trim() };
  });
  return { resourceGroups: options.resourceGroup, resourceIdPrefixes: options.resourceId, tags };
}

/**
 * `cmg-planner actuals SCENARIO --month YYYY-MM`: a month's actual consumption (export files or the
 * Consumption API) against the forecast of the same model, per component, with calibration and alert
 * thresholds.
 */
export async function runActuals(scenarioFile: string, options: ActualsOptions, io: CommandIO, deps: ActualsDeps = {}): Promise<void> {
  if (!options.month) throw new UserInputError('--month: say which month to report, e.g. --month 2026-10');
  const month = billingMonth(options.month);
  if (!month) throw new UserInputError(`--month: "${options.month}" is not a month; write YYYY-MM, e.g. 2026-10`);
  const exports = options.export ?? [];
  if (exports.length && options.subscription) throw new UserInputError('give either --export FILE... (Cost Management exports) or --subscription ID (the Consumption API), not both');
  if (!exports.length && !options.subscription)
    throw new UserInputError('where are the actuals? give --export FILE... (Cost Management exports, CSV or CSV.gz) or --subscription ID (the Consumption API)');
  const selector = selectorFrom(options);
  if (!selector.resourceGroups?.length && !selector.resourceIdPrefixes?.length && !selector.tags?.length) {
    throw new UserInputError("say which rows are the CMG's: --resource-group NAME, --resource-id PREFIX or --tag NAME=VALUE (case-insensitive)");
  }
  if (options.subscription && (options.resourceGroup?.length ?? 0) > 1) throw new UserInputError('--resource-group: with --subscription, give one resource group (the scope of the query)');

  const scenarioText = await readInputText(scenarioFile, 'scenario file');
  const loaded = loadScenario(scenarioText, scenarioFile);
  const scenario = withOverrides(loaded, [{ path: 'hoursPerMonth', value: month.hours, source: `the real hours of ${month.month} (${month.days} days x 24)` }]);
  const priceList = await readPriceList(options.prices);
  const telemetry = options.siteTelemetry ? parseSiteTelemetry(await readInputText(options.siteTelemetry, 'site telemetry file'), options.siteTelemetry) : undefined;
  const forecast = estimate(scenario, priceList, { now: io.now() });

  const accumulator = createAccumulator(month, rowSelector(selector));
  let scope: string;
  const sources: string[] = [];
  if (options.subscription) {
    const { readConsumption, ARM_ENDPOINT } = await import('../../actuals/consumption-api.js');
    const endpoint = options.armEndpoint ?? ARM_ENDPOINT;
    const result = await readConsumption({ subscriptionId: options.subscription, resourceGroup: options.resourceGroup?.[0], month, endpoint, credential: deps.credential, ca: deps.ca }, (row) =>
      accumulator.add(row),
    );
    scope = result.scope;
    sources.push(`Consumption API ${endpoint}${result.scope} (${result.rows} records)`);
  } else {
    for (const file of exports) {
      const result = await readExport(
        file,
        (row) => accumulator.add(row),
        prefilterFor(selector, () => accumulator.skip()),
      );
      sources.push(`${file} (${result.set ?? 'empty'}, ${result.rows} rows)`);
    }
    scope = describeSelector(selector);
  }
  if (options.subscription) scope = `${scope}; ${describeSelector(selector)}`;

  let totals = accumulator.result();
  const where = options.subscription ? `the Consumption API (${scope})` : exports.join(', ');
  if (!options.subscription && totals.rowsRead > 0 && totals.rowsSelected === 0) {
    // the pre-check counted skipped rows only: read every row once more to say what the files hold
    const survey = createAccumulator(month, rowSelector(selector));
    for (const file of exports) await readExport(file, (row) => survey.add(row));
    totals = survey.result();
  }
  if (totals.rowsRead === 0) throw new UserInputError(`${where}: no usage rows at all (an empty export?); export the month's usage details and try again`);
  if (totals.rowsInMonth === 0) throw new UserInputError(`${where}: no rows for ${month.month}; the rows read cover ${totals.firstDay} to ${totals.lastDay}`);
  if (totals.rowsSelected === 0)
    throw new UserInputError(`${where}: none of the ${totals.rowsInMonth} rows of ${month.month} is the CMG's (${describeSelector(selector)}); check the resource group, resource id or tag`);
  if (totals.currency && totals.currency !== scenario.currency) {
    throw new UserInputError(
      `the actual costs are in ${totals.currency} but the forecast is in ${scenario.currency}: set currency: ${totals.currency} in ${scenarioFile} and give prices in ${totals.currency} (cmg-planner pricing refresh --currency ${totals.currency})`,
    );
  }

  const calibration = calibrate(scenario, forecast, totals, telemetry);
  const alerts = recommendAlerts(forecast, totals, month.days);
  const report = buildActualsReport({ month: month.month, scope, sources, forecast, actual: totals, calibration, alerts, telemetry });

  if (options.writeCalibrated) {
    const text = calibratedScenarioText(
      scenarioText,
      options.writeCalibrated,
      {
        'traffic.managementMBPerClientMonth': Number(report.calibration.managementMBPerClientMonth),
        'content.downloadMBPerClientMonth': Number(report.calibration.contentMBPerClientMonth),
        'content.mbPerReadOperation': Number(report.calibration.mbPerReadOperation),
        'egress.alert14DayGB': alerts.outbound14DayGB,
      },
      `calibrated by cmg-planner actuals from ${month.month} (${report.calibration.basis.management}; content ${report.calibration.basis.content})`,
    );
    await writeFileAtomic(options.writeCalibrated, text);
    io.stderr(`wrote ${options.writeCalibrated} (calibrated scenario)\n`);
  }

  await emit(renderActuals(report, options.format), options.out, io, `actual ${report.total.actualCost} ${report.currency} against ${report.total.forecastCost} forecast: ${report.total.verdict}`);
}

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { PACKAGE_ROOT } from '../io/package-root.js';
import { csvRecord, escapeMarkdown } from './escape.js';
import { textTable } from './text-table.js';

export type ReportFormat = 'table' | 'json' | 'md' | 'html' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'md', 'html', 'csv'];

const EXTENSION: Record<Exclude<ReportFormat, 'json'>, string> = { table: 'txt', md: 'md', html: 'html', csv: 'csv' };

/** The runtime is the full Handlebars without its compiler: the same API where it matters here. */
const Handlebars = HandlebarsRuntime as unknown as typeof import('handlebars');

/** Templates the build precompiled (scripts/bundle.mjs): name -> Handlebars template spec. Absent when running from src/. */
declare const CMG_PLANNER_TEMPLATES: Record<string, TemplateSpecification> | undefined;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** How each template is compiled: only HTML is escaped by Handlebars; the other formats escape through their own helpers. */
export function compileOptions(name: string): { noEscape: boolean; strict: boolean } {
  return { noEscape: !name.endsWith('.html.hbs'), strict: true };
}

/** Groups the integer part of a decimal string for people: 12345.60 -> 12,345.60. */
export function groupDigits(value: unknown): string {
  const text = String(value ?? '');
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

function precompiled(): Record<string, TemplateSpecification> | undefined {
  return typeof CMG_PLANNER_TEMPLATES === 'undefined' ? undefined : CMG_PLANNER_TEMPLATES;
}

/** The full Handlebars (with its compiler), loaded only where templates are not precompiled (tests run from src/). */
function compiler(): typeof import('handlebars') {
  const name = 'handlebars';
  return createRequire(import.meta.url)(name) as typeof import('handlebars');
}

function createEngine(): typeof Handlebars {
  const built = precompiled();
  const hb = (built ? Handlebars : compiler()).create();
  hb.registerHelper('amount', (value: unknown) => (value === null || value === undefined ? 'unpriced' : groupDigits(value)));
  hb.registerHelper('md', (value: unknown) => escapeMarkdown(value));
  // a CSV record of the arguments; an array argument gives one cell per element
  hb.registerHelper('csv', (...args: unknown[]) => csvRecord(args.slice(0, -1).flat()));
  hb.registerHelper('pluck', (items: unknown, key: string) => (Array.isArray(items) ? items.map((i) => (i as Record<string, unknown>)[key]) : []));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (a: unknown, b: unknown) => a || b);
  hb.registerHelper('concat', (...args: unknown[]) =>
    args
      .slice(0, -1)
      .map((a) => String(a ?? ''))
      .join(''),
  );
  hb.registerHelper('table', (rows: unknown, options: { hash: { columns: string; headers: string; right?: string } }) => {
    const columns = options.hash.columns.split('|');
    const right = (options.hash.right ?? '').split('|');
    const cells = (rows as Record<string, unknown>[]).map((row) =>
      columns.map((c) => {
        const v = row[c];
        return v === null || v === undefined ? '' : right.includes(c) ? groupDigits(v) : String(v);
      }),
    );
    return textTable(
      options.hash.headers.split('|'),
      cells,
      columns.map((c) => right.includes(c)),
    );
  });
  // shared pieces of the templates: reports/partials/<name>.hbs is {{> name}}
  if (built) {
    for (const [name, spec] of Object.entries(built)) if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length).replace(/\.hbs$/, ''), hb.template(spec));
  } else {
    const partials = join(PACKAGE_ROOT, 'reports', 'partials');
    for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) hb.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partials, file), 'utf8'));
  }
  return hb;
}

let engine: typeof Handlebars | undefined;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders a report model with reports/<report>.<ext>.hbs. JSON is the model itself. */
export function renderReport(report: string, format: ReportFormat, model: object, view: object = {}): string {
  if (format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  const name = `${report}.${EXTENSION[format]}.hbs`;
  let template = compiled.get(name);
  if (!template) {
    engine ??= createEngine();
    const spec = precompiled()?.[name];
    template = spec ? engine.template(spec) : (engine as unknown as typeof import('handlebars')).compile(readFileSync(join(PACKAGE_ROOT, 'reports', name), 'utf8'), compileOptions(name));
    compiled.set(name, template);
  }
  return template({ ...model, view });
}

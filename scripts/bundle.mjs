// Bundles the CLI into dist/bundle/cmg-planner.cjs with esbuild: one minified file (commander, yaml, zod,
// handlebars' runtime, decimal.js, the model, the precompiled report templates) that bin/cmg-planner.js
// loads through a V8 code cache. That keeps `estimate` close to bare Node's start-up (bench/model.ts).
// The Azure SDK, axios and the proxy agents stay in node_modules: only the commands that need them load them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/**
 * The report templates, precompiled: the CLI then loads only Handlebars' runtime, and no template is
 * compiled at run time. The options are render.ts's own (HTML escaped, the other formats through helpers).
 */
function precompiledTemplates() {
  const entries = [];
  const add = (name) => {
    const noEscape = !name.endsWith('.html.hbs');
    entries.push(`${JSON.stringify(name)}: ${Handlebars.precompile(readFileSync(join('reports', name), 'utf8'), { noEscape, strict: true })}`);
  };
  for (const file of readdirSync('reports').filter((f) => f.endsWith('.hbs'))) add(file);
  for (const file of readdirSync(join('reports', 'partials')).filter((f) => f.endsWith('.hbs'))) add(`partials/${file}`);
  return `{${entries.join(',')}}`;
}

/** zod re-exports its 64 message locales as a namespace, which no bundler can drop; the CLI speaks English only. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${'zod'}`) ? { path: 'zod-locales', namespace: 'cmg-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'cmg-stub' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: process.cwd() }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
const templatesModule = join('dist', 'precompiled-templates.mjs');
writeFileSync(templatesModule, `export const CMG_PLANNER_TEMPLATES = ${precompiledTemplates()};\n`);
await build({
  entryPoints: { 'cmg-planner': 'src/cli/index.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  // one CommonJS file, so that bin/cmg-planner.js can load it through a V8 code cache (Node 20 has no module compile cache)
  format: 'cjs',
  minify: process.env.CMG_PLANNER_MINIFY !== '0',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  external: ['@azure/*', 'axios', 'https-proxy-agent', 'http-proxy-agent', 'proxy-from-env'],
  // the Azure SDK and axios are loaded with require() when their command runs
  supported: { 'dynamic-import': false },
  plugins: [englishOnlyZod],
  // render.ts's free name CMG_PLANNER_TEMPLATES becomes this generated module's export
  inject: [templatesModule],
  define: { 'import.meta.url': '__cmgModuleUrl' },
  banner: { js: "const __cmgModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});

// the V8 code cache bin/cmg-planner.js loads the bundle with: written by one run of the main job
spawnSync(process.execPath, ['bin/cmg-planner.js', 'estimate', 'scenarios/contoso-20k.yaml'], { stdio: 'ignore' });

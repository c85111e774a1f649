// Bundles the CLI into dist/bundle/ with esbuild: one file for start-up (commander, yaml, zod,
// handlebars, decimal.js and the model), a chunk per command loaded on demand. Loading one bundle
// instead of hundreds of modules keeps `estimate` close to bare Node's start-up (bench/startup.ts).
// The Azure SDK, axios and the proxy agents stay in node_modules: only the commands that need them load them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { 'cmg-planner': 'src/cli/index.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: ['@azure/*', 'axios', 'https-proxy-agent', 'http-proxy-agent', 'proxy-from-env'],
  // CommonJS packages inside an ES module bundle need a require
  banner: { js: "import { createRequire as __cmgCreateRequire } from 'node:module'; const require = __cmgCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

#!/usr/bin/env node
// Loads the bundle through a V8 code cache kept beside it (written after the first run, checked by V8
// against the source and its own version): start-up then skips parsing and compiling the bundle.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle', 'cmg-planner.cjs');
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  if (existsSync(cacheFile)) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
process.exitCode = await module.exports.main(process.argv.slice(2));
if (!cachedData || script.cachedDataRejected) writeCache();

function writeCache() {
  // best effort: a read-only install just starts a little slower
  try {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // no cache this time
  }
}

// `npm run bench [-- model|ingest|refresh]`: prints the figures the README quotes.
import { benchModel } from './model.js';
import { benchIngest } from './ingest.js';
import { benchRefresh } from './refresh.js';

const only = process.argv[2];
console.log(`cmg-planner benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${process.platform} ${process.arch}`);
if (!only || only === 'model') benchModel();
if (!only || only === 'refresh') await benchRefresh();
if (!only || only === 'ingest') await benchIngest();

#!/usr/bin/env node
import { main } from '../dist/bundle/cmg-planner.mjs';

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// `npm run bench [-- --quick] [--only <scenario>] [--db postgres]`: the benchmark harness, in TypeScript via tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');

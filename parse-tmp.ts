import { readFileSync } from 'node:fs';
import { parsePlan } from './src/server/plans/parser/parse-plan';

const d = parsePlan(readFileSync('src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt', 'utf8'));
const strip = (o: any): any =>
  Array.isArray(o)
    ? o.map(strip)
    : o && typeof o === 'object'
      ? Object.fromEntries(
          Object.entries(o)
            .filter(([k]) => k !== 'source' && k !== 'sources')
            .map(([k, v]) => [k, strip(v)]),
        )
      : o;
console.log(JSON.stringify(strip(d), null, 1));

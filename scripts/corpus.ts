/**
 * `npm run corpus`: the plan parser's own benchmark. Reads every document of src/server/plans/corpus (and the seed
 * plan), checks the facts its sidecar lists and prints the accuracy per field, then each fact missed.
 * `--verbose` also prints the facts that were read right.
 */
import { checkFacts, loadCorpus, scoreByField } from '../src/server/plans/corpus/corpus';
import { parsePlanText } from '../src/server/plans/plans.service';

const verbose = process.argv.includes('--verbose');
const all = [];
const misses: string[] = [];
for (const doc of loadCorpus()) {
  const { draft } = parsePlanText(doc.text);
  const results = checkFacts(draft, doc.facts);
  all.push(...results);
  const ok = results.filter((r) => r.ok).length;
  if (verbose || ok < results.length) console.log(`${doc.name.padEnd(40)} ${ok}/${results.length}`);
  for (const r of results)
    if (!r.ok || verbose)
      misses.push(
        `${r.ok ? '  ok ' : '  MISS'} ${doc.name} ${r.field}: expected ${JSON.stringify(r.expected)}, read ${JSON.stringify(r.actual)}`,
      );
}
const scores = scoreByField(all);
console.log('\nfield          correct / total');
for (const s of scores)
  console.log(
    `${s.field.padEnd(14)} ${String(s.correct).padStart(4)} / ${String(s.total).padEnd(4)} ${((100 * s.correct) / s.total).toFixed(1)}%`,
  );
const correct = all.filter((r) => r.ok).length;
console.log(
  `${'all'.padEnd(14)} ${String(correct).padStart(4)} / ${String(all.length).padEnd(4)} ${((100 * correct) / all.length).toFixed(1)}%`,
);
if (misses.length) console.log(`\n${misses.join('\n')}`);

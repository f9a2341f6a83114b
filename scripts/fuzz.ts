// The long run of the engine's mutation fuzzing (the deterministic subset runs in npm test: test/robust/fuzz.test.ts).
// Usage: npm run fuzz -- [--n 100000] [--seed 1] [--case N] [--limit-ms 1000] [--show 5] [--fix-all-every 5] [--cross-checks-every 1]
// A failure names its seed and case; `--seed S --case N` replays that case alone, and prints the failing inputs.
import { parseArgs } from 'node:util';
import { fuzzEngine, fuzzSeeds, type FuzzStats } from '../test/helpers/engineFuzz';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    case: { type: 'string' },
    'limit-ms': { type: 'string', default: '1000' },
    show: { type: 'string', default: '5' },
    'fix-all-every': { type: 'string', default: '5' },
    'cross-checks-every': { type: 'string', default: '1' },
  },
});

const { seeds, corpusPresent } = fuzzSeeds();
if (!corpusPresent) console.warn('The real-world corpus (../shared/corpus) is absent: fuzzing the examples and rule explanations only.');
const inputs = Number(values.n);
const started = performance.now();
let lastReport = started;
const progress = (stats: FuzzStats) => {
  const now = performance.now();
  if (now - lastReport < 10_000) return;
  lastReport = now;
  console.log(`${stats.inputs}/${inputs} inputs, ${stats.failures.length} failing, ${Math.round((now - started) / 1000)} s`);
};
const stats = fuzzEngine(seeds, {
  inputs: values.case === undefined ? inputs : Number.MAX_SAFE_INTEGER,
  seed: Number(values.seed),
  onlyCase: values.case === undefined ? undefined : Number(values.case),
  limitMs: Number(values['limit-ms']),
  fixAllEvery: Number(values['fix-all-every']),
  crossChecksEvery: Number(values['cross-checks-every']),
  onCase: progress,
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `${stats.inputs} inputs (${[...stats.byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}) from ${seeds.length} seeds, ${stats.fixAllRuns} fix-all runs, in ${seconds.toFixed(0)} s`,
);
console.log(`slowest: ${stats.slowest.cpuMs.toFixed(0)} ms CPU, ${stats.slowest.wallMs.toFixed(0)} ms wall: ${stats.slowest.label}`);
console.log(`${stats.failures.length} failing inputs`);
const show = values.case === undefined ? Number(values.show) : stats.failures.length;
for (const failure of stats.failures.slice(0, show)) {
  console.log(`\n${failure.label}\n  ${failure.problems.join('\n  ')}`);
  if (values.case !== undefined) console.log(`--- input ---\n${JSON.stringify(failure.text)}`);
}
process.exitCode = stats.failures.length > 0 ? 1 : 0;

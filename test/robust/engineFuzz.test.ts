// The deterministic part of the engine's mutation fuzzing (test/helpers/engineFuzz.ts); `npm run fuzz -- --n 100000`
// runs the long one. A failure names its case: `npm run fuzz -- --seed 1 --case N` replays it and prints the inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzEngine, fuzzSeeds } from '../helpers/engineFuzz';

const INPUTS = 1_500;

test(`${INPUTS} mutated container files of every kind: no rule fails, ranges and fixes stay in the file, an edit lints as a first open does, each under 1 s`, (t) => {
  const { seeds, corpusPresent } = fuzzSeeds();
  if (!corpusPresent) t.diagnostic('the real-world corpus (../shared/corpus) is absent: mutating the examples and the rules’ examples only');
  // The neighbours' lints, the comparison with a first lint and fix-all on some of the inputs: more inputs in the time.
  const stats = fuzzEngine(seeds, { inputs: INPUTS, seed: 1, crossChecksEvery: 4, fixAllEvery: 8 });
  t.diagnostic(
    `${stats.inputs} inputs (${[...stats.byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}), ${stats.fixAllRuns} fix-all runs; slowest ${stats.slowest.cpuMs.toFixed(0)} ms CPU: ${stats.slowest.label}`,
  );
  assert.deepEqual(
    stats.failures.map((failure) => `${failure.label}\n  ${failure.problems.join('\n  ')}`),
    [],
  );
});

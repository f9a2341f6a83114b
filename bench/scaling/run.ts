// How checking a Dockerfile grows with its length: every shape of instruction is repeated 1,000 and then 4,000
// times, and whatever grows much faster than the file (the parse, a pass of all rules, one rule, the engine) is
// reported. Linear work grows about 4×; work quadratic in the number of instructions grows about 16×.
import { performance } from 'node:perf_hooks';
import { lintFile } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';

const SMALLER = 1000;
const LARGER = 4000;
/** Growth from SMALLER to LARGER copies beyond which a measurement is reported (linear is about 4). */
const SUSPICIOUS_GROWTH = 8;
/** Below this many milliseconds at LARGER copies, timer noise decides the growth: not reported. */
const NOTICEABLE_MS = 40;
/** Each rule is timed this many times once the shared models exist; the best run counts. */
const RUNS = 3;

/** One instruction (or a few) per copy; `i` makes each copy's names and values its own. */
const SHAPES: Record<string, (i: number) => string> = {
  'RUN apt-get': (i) => `RUN apt-get update && apt-get install -y curl${i} && rm -rf /var/lib/apt/lists/*\n`,
  'RUN apt-get, findings': (i) => `RUN apt-get update && apt-get install -y curl${i}\n`,
  'RUN pipes': (i) => `RUN curl -sL https://example.com/${i} | tar xz -C /opt && pip install flask==${i}\n`,
  'RUN heredoc': (i) => `RUN <<EOF\napt-get install -y x${i}\nEOF\n`,
  'RUN useradd': (i) => `RUN useradd -u ${1000 + i} user${i}\n`,
  COPY: (i) => `COPY src${i}/ /app/${i}/\n`,
  'COPY --from': (i) => `COPY --from=builder /out/${i} /app/${i}\n`,
  ADD: (i) => `ADD https://example.com/${i}.tar.gz /tmp/\n`,
  WORKDIR: (i) => `WORKDIR app${i}\n`,
  USER: (i) => `USER user${i}\n`,
  EXPOSE: (i) => `EXPOSE ${1000 + i}\n`,
  LABEL: (i) => `LABEL a${i}=b${i}\n`,
  ARG: (i) => `ARG A${i}=$A${i - 1}\n`,
  ENV: (i) => `ENV E${i}=$E${i - 1} F${i}=x\n`,
  CMD: (i) => `CMD node server${i}.js\n`,
  HEALTHCHECK: (i) => `HEALTHCHECK CMD curl -f http://localhost:${i}/\n`,
  'ONBUILD RUN': (i) => `ONBUILD RUN npm install package${i}\n`,
  SHELL: () => `SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n`,
  VOLUME: (i) => `VOLUME /data${i}\n`,
  'suppression comments': (i) => `# check=skip=JSONArgsRecommended\n# hadolint ignore=DL3008\nRUN echo ${i}\n`,
  stages: (i) => `FROM alpine:3.20 AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /x /x\nRUN echo ${i}\n`,
};

const workspace = new Workspace({ readFile: () => undefined });
const dockerfileRules = rules.filter((rule) => rule.kind === 'dockerfile');

interface ShapeTimes {
  /** Parsing the file (dockerfile-ast and our model). */
  parse: number;
  /** Every rule once with every fix (as a code action request builds them), building the shared models on the way. */
  firstPass: number;
  /** Each rule's own time, the best of a few runs once the models exist, and the engine's as `engine`. */
  byRule: Map<string, number>;
}

function timeShape(text: string): ShapeTimes {
  const uri = 'file:///scaling/Dockerfile';
  workspace.open(uri, text, 'dockerfile');
  let file: ReturnType<typeof workspace.get>;
  const parse = timed(() => (file = workspace.get(uri)));
  const lint = (selected: readonly Rule[]) => lintFile(file!, workspace, { rules: {} }, selected);
  const firstPass = timed(() => lint(dockerfileRules).flatMap((finding) => finding.fixes));
  const best = (work: () => unknown) => Math.min(...Array.from({ length: RUNS }, () => timed(work)));
  const engine = best(() => lint([]));
  // Every single-rule lint pays the engine's work (suppressions, messages, sorting) once; it is reported apart.
  const byRule = new Map(dockerfileRules.map((rule) => [rule.id, Math.max(0, best(() => lint([rule])) - engine)]));
  byRule.set('engine', engine);
  return { parse, firstPass, byRule };
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function fileOf(shape: string, copies: number): string {
  const make = SHAPES[shape]!;
  const header = shape === 'stages' ? '' : 'FROM node:22 AS builder\nFROM alpine:3.20\n';
  return header + Array.from({ length: copies }, (_, i) => make(i)).join('');
}

let suspicious = 0;
console.log(`Each shape repeated ${SMALLER} and ${LARGER} times; what grows more than ${SUSPICIOUS_GROWTH}× (and takes over ${NOTICEABLE_MS} ms) is listed.\n`);
const growth = (smaller: number, larger: number) => `${smaller.toFixed(0)} → ${larger.toFixed(0)} ms`;
for (const shape of Object.keys(SHAPES)) {
  timeShape(fileOf(shape, 200)); // compiles the code these instructions reach
  const smaller = timeShape(fileOf(shape, SMALLER));
  const larger = timeShape(fileOf(shape, LARGER));
  const measured: [string, number, number][] = [
    ['parse', smaller.parse, larger.parse],
    ['first pass of all rules and fixes', smaller.firstPass, larger.firstPass],
    ...[...larger.byRule].map(([id, ms]): [string, number, number] => [id, smaller.byRule.get(id)!, ms]),
  ];
  const growing = measured.filter(([, small, large]) => large > NOTICEABLE_MS && large / Math.max(small, 0.5) > SUSPICIOUS_GROWTH);
  suspicious += growing.length;
  const summary = `parse ${larger.parse.toFixed(0).padStart(4)} ms, first pass ${larger.firstPass.toFixed(0).padStart(5)} ms`;
  console.log(
    `${shape.padEnd(22)} at ${LARGER}: ${summary}${growing.length ? `   grows too fast: ${growing.map(([what, small, large]) => `${what} ${growth(small, large)}`).join(', ')}` : ''}`,
  );
}
console.log(suspicious ? `\n${suspicious} measurement(s) grow faster than the file.` : '\nEverything grows with the file.');

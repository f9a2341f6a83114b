// One finding per instruction per rule (the precision rules of the catalogue): a rule that reports the same
// instruction twice says one thing twice. The exceptions are rules whose findings each name a different word with
// its own remedy (a package to pin, a call to add a flag to, a port, a variable, a file): they may report one
// instruction several times, at distinct words. Checked over the real-world corpus (when present), the examples and
// a Dockerfile written to repeat what rules look for within single instructions.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { lintFile } from '../../../server/src/engine/lint';
import { instructionAtLine, parseDockerfile } from '../../../server/src/parsing/dockerfile';
import { rules } from '../../../server/src/rules';
import { Workspace } from '../../../server/src/workspace/workspace';
import { repoRoot } from '../../helpers/cli';
import { corpus, corpusFiles } from '../../helpers/corpus';

/** Rules whose findings are per word (package, call, flag, port, variable, name, source file, syntax error). */
const PER_WORD = new Set([
  'dockerfile/syntax',
  'dockerfile/apt-get-pin-versions',
  'dockerfile/apk-pin-versions',
  'dockerfile/dnf-pin-versions',
  'dockerfile/yum-pin-versions',
  'dockerfile/zypper-pin-versions',
  'dockerfile/pip-pin-versions',
  'dockerfile/npm-pin-versions',
  'dockerfile/gem-pin-versions',
  'dockerfile/go-pin-versions',
  'dockerfile/apt-get-yes',
  'dockerfile/apt-no-install-recommends',
  'dockerfile/apt-instead-of-apt-get',
  'dockerfile/apk-no-cache',
  'dockerfile/pip-no-cache-dir',
  'dockerfile/dnf-yes',
  'dockerfile/yum-yes',
  'dockerfile/zypper-non-interactive',
  'dockerfile/zypper-dist-upgrade',
  'dockerfile/wget-progress-bar',
  'dockerfile/no-sudo',
  'dockerfile/npm-omit-dev',
  'dockerfile/useradd-no-log-init',
  'dockerfile/irrelevant-command',
  'dockerfile/secret-in-arg-or-env',
  'dockerfile/undefined-var',
  'dockerfile/env-self-reference',
  'dockerfile/expose-invalid-format',
  'dockerfile/expose-port-out-of-range',
  'dockerfile/expose-proto-casing',
  'dockerfile/copy-sensitive-file',
  'dockerfile/copy-ignored-file',
  'dockerfile/untrusted-registry',
]);

/** The same concerns repeated inside single instructions. */
const REPEATS = [
  'FROM ubuntu:24.04',
  'ARG API_TOKEN DB_PASSWORD',
  'ENV SECRET_KEY=a AWS_SECRET_ACCESS_KEY=b OTHER=$UNDEFINED_ONE$UNDEFINED_TWO',
  'EXPOSE 70000 80/TCP 443/Udp',
  'COPY .env id_rsa server.key /app/',
  'WORKDIR /app',
  'RUN cd /tmp && apt-get update && apt-get install curl wget && cd /app && apt install git vim && sudo make && sudo make install',
  'RUN wget https://a.example/x.tgz | tar xz && wget https://a.example/y.tgz && pip install flask requests && pip3 install gunicorn',
  'RUN apk add curl && apk add git && npm install -g pm2 nodemon --production && gem install rails bundler',
  'RUN dnf install gcc make && yum install gcc-c++ cmake && zypper install vim && zypper dist-upgrade && zypper dup',
  'RUN useradd app && useradd worker && go install example.com/a example.com/b && ssh host && shutdown now && vim x',
  'RUN apt-get install -y build-essential gcc g++ make libssl-dev && rm -rf /var/lib/apt/lists/*',
  'CMD ./migrate && node server.js',
  '',
].join('\n');

const ROOT = 'file:///project/';

function findingsPerInstruction(text: string): Map<string, Range[]> {
  const uri = `${ROOT}Dockerfile`;
  const workspace = new Workspace({ readFile: (path) => (path === uri ? text : undefined) });
  workspace.index(uri);
  const file = workspace.get(uri)!;
  const dockerfileRules = rules.filter((rule) => rule.kind === 'dockerfile');
  const everyRuleOn = Object.fromEntries(dockerfileRules.map((rule) => [rule.id, 'warning' as const]));
  const model = parseDockerfile(text);
  const grouped = new Map<string, Range[]>();
  for (const finding of lintFile(file, workspace, { rules: everyRuleOn }, dockerfileRules)) {
    const instruction = instructionAtLine(model, finding.range.start.line);
    if (!instruction) continue;
    const key = `${finding.ruleId} at line ${instruction.getRange().start.line + 1}`;
    grouped.set(key, [...(grouped.get(key) ?? []), finding.range]);
  }
  return grouped;
}

const overlap = (a: Range, b: Range) =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character <= b.start.character)) &&
  !(b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character <= a.start.character));

function problems(name: string, text: string): string[] {
  const found: string[] = [];
  for (const [key, ranges] of findingsPerInstruction(text)) {
    if (ranges.length < 2) continue;
    const rule = key.split(' ')[0]!;
    if (!PER_WORD.has(rule)) found.push(`${name}: ${key} reports ${ranges.length} times`);
    else if (ranges.some((range, index) => ranges.slice(index + 1).some((other) => overlap(range, other))))
      found.push(`${name}: ${key} reports the same words twice`);
  }
  return found;
}

test('a rule reports an instruction once, unless each finding is a different word (written repeats)', () => {
  assert.deepEqual(problems('repeats', REPEATS), []);
  // The fixture must exercise what it claims: several per-word findings on its RUNs.
  const multiple = [...findingsPerInstruction(REPEATS)].filter(([, ranges]) => ranges.length > 1).map(([key]) => key.split(' ')[0]);
  for (const rule of ['dockerfile/apk-pin-versions', 'dockerfile/no-sudo', 'dockerfile/pip-no-cache-dir', 'dockerfile/secret-in-arg-or-env'])
    assert.ok(multiple.includes(rule), `${rule} should report several words of one instruction`);
});

test('a rule reports an instruction once, unless each finding is a different word (examples)', () => {
  for (const path of ['examples/seed/Dockerfile', 'examples/clean/Dockerfile']) {
    const full = join(repoRoot, path);
    if (existsSync(full)) assert.deepEqual(problems(path, readFileSync(full, 'utf8')), []);
  }
});

test('a rule reports an instruction once, unless each finding is a different word (real-world corpus)', (t) => {
  if (!existsSync(corpus)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  const found = corpusFiles(join(corpus, 'dockerfile')).flatMap(({ path, text }) => problems(path, text));
  assert.deepEqual(found, []);
});

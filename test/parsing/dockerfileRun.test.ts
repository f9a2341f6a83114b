import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { commandsNamed, hasOption, runInstructions, type RunInstruction } from '../../server/src/parsing/dockerfileRun';

function runsOf(text: string): RunInstruction[] {
  const file = parseContainerFile('file:///p/Dockerfile', text);
  assert.equal(file.kind, 'dockerfile');
  return file.kind === 'dockerfile' ? runInstructions(file) : [];
}

/** Each command as `program arg…` with its 0-based start line:character, for compact expectations. */
function summary(run: RunInstruction): string[] {
  return run.commands.map(
    (command) =>
      `${command.words.map((word) => word.value ?? '<expansion>').join(' ')} @${command.range.start.line}:${command.range.start.character}${command.piped ? ' |' : ''}`,
  );
}

const cases: { name: string; text: string; commands: string[][]; pipe?: boolean[] }[] = [
  {
    name: 'lists, continuations and the comment and blank lines the builder drops',
    text: 'FROM debian:12\nRUN apt-get update && \\\n  # why\n\n  apt-get install -y \\\n    curl && rm -rf /var/lib/apt/lists/*\n',
    commands: [['apt-get update @1:4', 'apt-get install -y curl @4:2', 'rm -rf /var/lib/apt/lists/* @5:12']],
  },
  {
    name: 'pipelines, if and subshells',
    text: 'FROM alpine:3.20\nRUN curl -fsSL https://x | sh; if [ -f r ]; then (pip install -r r); fi\n',
    commands: [['curl -fsSL https://x @1:4 |', 'sh @1:27 |', '[ -f r ] @1:34', 'pip install -r r @1:50']],
    pipe: [true],
  },
  {
    name: 'sh -c in shell and exec form',
    text: 'FROM alpine:3.20\nRUN sh -c "apk add curl && echo $HOME"\nRUN ["bash", "-ec", "npm ci"]\n',
    commands: [
      ['sh -c <expansion> @1:4', 'apk add curl @1:11', 'echo <expansion> @1:27'],
      ['bash -ec npm ci @2:4', 'npm ci @2:21'],
    ],
  },
  {
    name: 'heredoc scripts, but not heredoc data',
    text: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add x\nEOF\nRUN python3 <<PY\nimport os\nPY\n',
    commands: [['set -e @2:0', 'apk add x @3:0'], ['python3 @5:4']],
  },
  {
    name: 'ONBUILD RUN and a non-POSIX SHELL',
    text: 'FROM node:20\nONBUILD RUN npm install\nSHELL ["pwsh", "-c"]\nRUN Get-ChildItem\n',
    commands: [['npm install @1:12'], []],
  },
  {
    name: 'declaration builtins are commands, their assignments words',
    text: 'FROM alpine:3.20\nRUN export PATH=/opt/bin:$PATH A=1 && X=1 make CC=gcc\n',
    commands: [['export <expansion> A=1 @1:4', 'make CC=gcc @1:38']],
  },
  {
    name: 'commands in the substitutions of a loop header',
    text: 'FROM alpine:3.20\nRUN for p in $(cat list); do apk add "$p"; done\n',
    commands: [['cat list @1:15', 'apk add <expansion> @1:29']],
  },
  {
    name: 'the commands before a syntax error are kept',
    text: 'FROM alpine:3.20\nRUN apk add curl && echo "unterminated\n',
    commands: [['apk add curl @1:4', 'echo unterminated @1:20']],
  },
  {
    name: 'CRLF line ends and non-ASCII text',
    text: 'FROM a:1\r\nRUN echo é && apk add \\\r\n  y\r\n',
    commands: [['echo é @1:4', 'apk add y @1:14']],
  },
];

for (const entry of cases) {
  test(`RUN model: ${entry.name}`, () => {
    const runs = runsOf(entry.text);
    assert.deepEqual(runs.map(summary), entry.commands);
    if (entry.pipe)
      assert.deepEqual(
        runs.map((run) => run.hasPipe),
        entry.pipe,
      );
  });
}

test('RUN model: mounts, shells inherited from the parent stage, and syntax errors', () => {
  const runs = runsOf(
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN --mount=type=cache,target=/var/cache/apt echo "unterminated\n',
  );
  assert.deepEqual(runs[0]!.mounts, [{ type: 'cache', target: '/var/cache/apt' }]);
  assert.deepEqual(runs[0]!.shell, ['/bin/bash', '-o', 'pipefail', '-c']);
  assert.match(runs[0]!.syntaxError?.message ?? '', /unterminated double quote/);
});

test('RUN model: options in clusters and with values', () => {
  const [run] = runsOf('FROM debian:12\nRUN apt-get -qy install --no-install-recommends=true curl\n');
  const [install] = commandsNamed(run!, 'apt-get', 'install');
  assert.ok(install);
  assert.ok(hasOption(install, '-y', '--yes'));
  assert.ok(hasOption(install, '--no-install-recommends'));
  assert.ok(!hasOption(install, '--fix-missing'));
});

test('RUN model: commands of an exec-form sh -c script point into the JSON string', () => {
  const [run] = runsOf('FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y x"]\n');
  const install = commandsNamed(run!, 'apt-get', 'install')[0]!;
  assert.deepEqual(install.range, { start: { line: 1, character: 36 }, end: { line: 1, character: 56 } });
});

test('RUN model: commands of an sh -c string with escapes span the whole string', () => {
  const [run] = runsOf('FROM debian:12\nRUN sh -c "echo \\"x\\" && apk add curl"\n');
  const add = commandsNamed(run!, 'apk', 'add')[0]!;
  assert.deepEqual(add.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 38 } });
  assert.deepEqual(add.words[2]!.range, add.range);
});

test('RUN model: a backslash followed by blanks still continues the line, as the builder reads it', () => {
  const [run] = runsOf('FROM debian:12\nRUN apt-get install -y \\  \n    curl git\n');
  assert.deepEqual(summary(run!), ['apt-get install -y curl git @1:4']);
});

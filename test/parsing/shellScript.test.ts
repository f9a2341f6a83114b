import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScript } from '../../server/src/parsing/shellScript';

const programs = (text: string) => parseScript(text).allCommands.map((command) => command.words[0]?.value);

test('commands inside command substitutions are read for the shell checks, not listed among the commands that run', () => {
  const parsed = parseScript('ln -s "$(dirname $(readlink -f /usr/bin/java))" /opt/jdk');
  assert.deepEqual(
    parsed.commands.map((command) => command.words[0]?.value),
    ['ln'],
  );
  assert.deepEqual(programs('ln -s "$(dirname $(readlink -f /usr/bin/java))" /opt/jdk'), ['ln', 'dirname', 'readlink']);
});

test('word parts: quoting, parameters, substitutions and what they print, globs', () => {
  const [command] = parseScript('cp "$HOME"/a ${B:-x} `uname -m` $(curl -s x | tail -n1) *.txt \'$C\'').allCommands;
  const parts = command!.words.slice(1).map((word) => word.parts.map((piece) => piece.type + ('quoted' in piece && piece.quoted ? '"' : '')));
  assert.deepEqual(parts, [['quoted', 'parameter"', 'literal'], ['parameter'], ['substitution'], ['substitution'], ['glob', 'literal'], ['quoted']]);
  const [, , braced, backquoted, piped] = command!.words;
  assert.deepEqual(braced!.parts[0], {
    type: 'parameter',
    quoted: false,
    start: 13,
    end: 20,
    source: '${B:-x}',
    name: 'B',
    braced: true,
    length: false,
    indirect: false,
    indexed: false,
    operator: ':-',
    operation: 'Default',
  });
  assert.deepEqual(backquoted!.parts[0]?.type === 'substitution' && [backquoted!.parts[0].backquoted, backquoted!.parts[0].output], [true, ['uname', '-m']]);
  assert.deepEqual(piped!.parts[0]?.type === 'substitution' && piped!.parts[0].output, ['tail', '-n1']);
});

test('a command is tested when a failure cannot go unnoticed: left of && or ||, a condition, after !', () => {
  const tested = (text: string) => parseScript(text).allCommands.map((command) => `${command.words[0]?.value}:${command.tested}`);
  assert.deepEqual(tested('a && b; c || d'), ['a:true', 'b:false', 'c:true', 'd:false']);
  assert.deepEqual(tested('if a; b; then c; fi; while ! d; do e; done'), ['a:false', 'b:true', 'c:false', 'd:true', 'e:false']);
  assert.deepEqual(tested('{ a; b; } && c'), ['a:false', 'b:true', 'c:false']);
});

test('scripts handed to a shell are units of their own, with their shell and options', () => {
  const parsed = parseScript("set -e; sh -ec 'cd /x; make'; bash <<EOF\necho hi\nEOF\n");
  assert.deepEqual(parsed.scripts, [
    { shell: undefined, options: [] },
    { shell: 'sh', options: ['-ec'] },
    { shell: 'bash', options: [] },
  ]);
  assert.deepEqual(
    parsed.allCommands.map((command) => `${command.words[0]?.value}@${command.script}`),
    ['set@0', 'sh@0', 'cd@1', 'make@1', 'bash@0', 'echo@2'],
  );
});

test('a heredoc that is the whole RUN takes its shebang: a shell is a unit, another interpreter is not shell', () => {
  assert.deepEqual(parseScript('<<EOF\n#!/usr/bin/env bash -e\necho hi\nEOF\n').scripts[1], { shell: 'bash', options: ['-e'] });
  const python = parseScript('<<EOF\n#!/usr/bin/env python3\nprint("hi")\nEOF\n');
  assert.deepEqual([python.scripts.length, python.commands.length], [1, 0]);
});

test('constructs beyond POSIX sh, with their spans', () => {
  const text = "function f { [[ -n $1 ]] &>/dev/null; }; a=(1 2); echo ${a[0]} ${x/y/z} $'\\t' {a,b} <(ls) <<< x";
  const kinds = parseScript(text).constructs.map((construct) => `${construct.kind}:${text.slice(construct.start, construct.end)}`);
  assert.deepEqual(kinds, [
    'function-keyword:function f',
    'double-bracket-test:[[ -n $1 ]]',
    'redirect-both:&>/dev/null',
    'array-assignment:a=(1 2)',
    'array-reference:${a[0]}',
    'replacement:${x/y/z}',
    "ansi-c-quote:$'\\t'",
    'brace-expansion:{a,b}',
    'process-substitution:<(ls)',
    'here-string:<<< x',
  ]);
});

test('output that goes elsewhere: its own redirection, a block redirected, a pipe', () => {
  const redirected = (text: string) => parseScript(text).allCommands.map((command) => `${command.words[0]?.value}:${command.stdoutRedirected}`);
  assert.deepEqual(redirected('{ echo a; echo b; } > /x; echo c >&2; echo d | tee /y; echo e 2>/dev/null'), [
    'echo:true',
    'echo:true',
    'echo:false',
    'echo:true',
    'tee:false',
    'echo:false',
  ]);
});

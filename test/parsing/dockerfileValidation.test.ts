// dockerfile/syntax runs dockerfile-utils' validator on the tree the model parsed (validateDockerfile), step by step
// as its validate() does, and reuses an unchanged instruction's problems from the previous version. Both must give
// what validate() gives on the text: a release of dockerfile-utils or dockerfile-ast that changes the steps fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateDockerfile, type InstructionProblems } from '../../server/src/parsing/dockerfileValidation';
import { VersionMemo } from '../../server/src/parsing/versionMemo';
import { repoRoot } from '../helpers/cli';
import { CORPUS_KINDS, corpus, corpusFiles, mutants } from '../helpers/corpus';

const dockerfileKind = CORPUS_KINDS.find((kind) => kind.folder === 'dockerfile')!;
const corpusFolder = join(corpus, 'dockerfile');

/** Written for the purpose: each breaks the builder or a convention dockerfile-utils checks. */
const BROKEN = [
  '',
  'ARG A=1\n',
  'RUN echo before from\nFROM alpine:3.22\n',
  'FROM alpine:3.22 AS a\nFROM alpine:3.22 AS A\nCMD a\nCMD b\nENTRYPOINT x\nENTRYPOINT y\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n',
  '# escape=`\n# escape=\\\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n',
  'FROM $UNDEFINED\nEXPOSE $PORT\nSTOPSIGNAL $SIGNAL\nARG PORT=80\nEXPOSE $PORT\nEXPOSE 8080/tcpx\nSTOPSIGNAL 9x\n',
  "FROM alpine:3.22\nCMD ['a', 'b']\nENV A\nENV B=\"unclosed\nLABEL 'a=b\nWORKDIR\nUSER\nADD a\nCOPY --chown a b c\nHEALTHCHECK --interval=5x CMD true\n",
  'FROM alpine:3.22\nRUN echo ${A:x} ${B/c/d}\nENV C=${D:?}\nMAINTAINER me\nonbuild from x\nONBUILD ONBUILD RUN x\nONBUILD MAINTAINER x\nRUN a \\\n\n  b\nSHELL sh -c\nFOO bar\n',
  "FROM alpine:3.22\n# dockerfile-utils: ignore\nCMD ['a']\nCMD ['b']\n",
];

const DEFAULTS: ValidatorSettings | undefined = undefined;
const SYNTAX_RULE: ValidatorSettings = {
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionCasing: ValidationSeverity.IGNORE,
  emptyContinuationLine: ValidationSeverity.IGNORE,
};

function onParsedTree(text: string, settings: ValidatorSettings | undefined, memo?: VersionMemo<InstructionProblems>) {
  return validateDockerfile(TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text), DockerfileParser.parse(text), settings ?? {}, memo);
}

function texts(): { label: string; text: string }[] {
  const examples = ['examples/seed/Dockerfile', 'examples/clean/Dockerfile'].map((path) => ({ label: path, text: readFileSync(join(repoRoot, path), 'utf8') }));
  const written = BROKEN.map((text, index) => ({ label: `broken ${index}`, text }));
  if (!existsSync(corpusFolder)) return [...examples, ...written];
  const files = corpusFiles(corpusFolder);
  return [...examples, ...written, ...files.map(({ path, text }) => ({ label: path, text })), ...mutants(dockerfileKind, files, 300)];
}

test('validateDockerfile on a parsed tree reports what validate() reports on its text', (t) => {
  if (!existsSync(corpusFolder)) t.diagnostic(`${corpusFolder} is absent: only the examples and written files are compared`);
  let problems = 0;
  for (const { label, text } of texts()) {
    for (const settings of [DEFAULTS, SYNTAX_RULE]) {
      const expected = validate(text, settings);
      problems += expected.length;
      // The library's default settings come from its constructor when none are given.
      assert.deepEqual(
        settings
          ? onParsedTree(text, settings)
          : validateDockerfile(
              TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text),
              DockerfileParser.parse(text),
              undefined as unknown as ValidatorSettings,
            ),
        expected,
        label,
      );
    }
  }
  assert.ok(problems > 20, `the inputs should have problems to compare (${problems})`);
});

test('problems kept from the previous version are those validate() finds in the new one, moved with their lines', (t) => {
  if (!existsSync(corpusFolder)) t.diagnostic(`${corpusFolder} is absent: only the examples and written files are edited`);
  const all = texts();
  const sequences = all.map(({ label, text }, index) => {
    const edited = all[(index * 7 + 3) % all.length]!.text;
    // The same file moved down two lines, a different file, then the first again with a line removed at the top.
    return { label, versions: [text, `# a\n\n${text}`, edited, text.slice(text.indexOf('\n') + 1)] };
  });
  // Whether FROM's variable is defined depends on an ARG above it: the same FROM text has other problems.
  const from = 'FROM $BASE\nEXPOSE $PORT\nSTOPSIGNAL $SIGNAL\n';
  sequences.push({ label: 'variables defined above', versions: [from, `ARG BASE=alpine:3.22\nARG PORT=80\nARG SIGNAL=SIGTERM\n${from}`, from] });
  for (const { label, versions } of sequences) {
    let memo: VersionMemo<InstructionProblems> | undefined;
    for (const version of versions) {
      memo = new VersionMemo(memo);
      assert.deepEqual(onParsedTree(version, SYNTAX_RULE, memo), validate(version, SYNTAX_RULE), `${label}: ${JSON.stringify(version.slice(0, 40))}`);
    }
  }
});

// parsing/dockerfileAstCache.ts keeps what some dockerfile-ast getters compute, per instruction and per stage, by
// replacing them on the library's prototypes: dockerfile-utils' validator and our rules call them many times per
// instruction, and the library gives no other way in. dockerfile-ast is pinned (package.json); this test compares
// every kept getter with the library's own on a fresh copy of the module, so a release that changes what they return,
// or starts to modify what they return, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as DockerfileAst from 'dockerfile-ast';
import { DockerfileParser } from '../../server/src/parsing/dockerfileAstCache';
import { repoRoot } from '../helpers/cli';
import { CORPUS_KINDS, corpus, corpusFiles, mutants } from '../helpers/corpus';

const require = createRequire(import.meta.url);
for (const key of Object.keys(require.cache)) if (key.includes('/node_modules/dockerfile-ast/')) delete require.cache[key];
const library = require('dockerfile-ast') as typeof DockerfileAst;

const INSTRUCTION_GETTERS = [
  'getRawArguments',
  'getVariables',
  'getHeredocs',
  'getArgumentsRanges',
  'getKeyword',
  'getArgumentsContent',
  'getRawArgumentsContent',
] as const;
const IMAGE_GETTERS = ['getFROMs', 'getRange', 'getARGs', 'getENVs'] as const;

/** Plain data: the objects' own fields, without their links back to the document and the tree. */
const plain = (value: unknown): string => JSON.stringify(value, (key, field) => (key === 'document' || key === 'dockerfile' ? undefined : field));

const WRITTEN = [
  'ARG BASE=alpine:3.22\nFROM ${BASE} AS build\nENV A=1 B=$A\nRUN --mount=type=cache,target=/root/.cache <<EOF bash -e\necho $A ${B:-x}\nEOF\nONBUILD RUN echo $A\n',
  'FROM alpine:3.22\nCOPY <<-"EOT" /a\n\tx\nEOT\nRUN echo \\\n  # comment\n  done\nEXPOSE 80/tcp 443\nLABEL a="b c" d=e\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n',
];

function texts(): string[] {
  const examples = ['examples/seed/Dockerfile', 'examples/clean/Dockerfile'].map((path) => readFileSync(join(repoRoot, path), 'utf8'));
  const folder = join(corpus, 'dockerfile');
  if (!existsSync(folder)) return [...examples, ...WRITTEN];
  const files = corpusFiles(folder);
  return [...examples, ...WRITTEN, ...files.map((file) => file.text), ...mutants(CORPUS_KINDS[0], files, 100).map((mutant) => mutant.text)];
}

test('the kept getters give what dockerfile-ast computes, and callers cannot change what is kept', (t) => {
  if (!existsSync(join(corpus, 'dockerfile'))) t.diagnostic('the corpus is absent: only the examples and written files are compared');
  const rawArgumentsOf = (prototype: object) => (prototype as Record<string, unknown>).getRawArguments;
  const keptPrototype = Object.getPrototypeOf(Object.getPrototypeOf(DockerfileParser.parse('FROM a').getInstructions()[0]!)) as object;
  assert.notEqual(rawArgumentsOf(library.Instruction.prototype), rawArgumentsOf(keptPrototype), 'a fresh copy of the library');
  let compared = 0;
  for (const text of texts()) {
    const kept = DockerfileParser.parse(text);
    const fresh = library.DockerfileParser.parse(text);
    const withTriggers = (file: DockerfileAst.Dockerfile) => [...file.getInstructions(), ...file.getOnbuildTriggers()];
    const [keptInstructions, freshInstructions] = [withTriggers(kept), withTriggers(fresh)];
    assert.equal(keptInstructions.length, freshInstructions.length);
    for (const [index, instruction] of keptInstructions.entries()) {
      for (const getter of INSTRUCTION_GETTERS) {
        const call = (on: unknown) => (on as Record<string, () => unknown>)[getter]!.call(on);
        const expected = plain(call(freshInstructions[index]));
        const first = call(instruction);
        // dockerfile-ast itself shifts items off the lists it gets: a copy is handed out each time.
        if (Array.isArray(first)) first.length = 0;
        assert.equal(plain(call(instruction)), expected, `${getter} of ${instruction.getTextContent()}`);
        compared++;
      }
    }
    const images = (file: DockerfileAst.Dockerfile) => [file, ...file.getFROMs().map((from) => file.getContainingImage(from.getRange().start)!)];
    const [keptImages, freshImages] = [images(kept), images(fresh)];
    for (const [index, image] of keptImages.entries()) {
      for (const getter of IMAGE_GETTERS) {
        if (getter === 'getRange' && index === 0) continue;
        const call = (on: unknown) => (on as Record<string, () => unknown>)[getter]!.call(on);
        assert.equal(plain(call(image)), plain(call(freshImages[index])), getter);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000, `compared ${compared}`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemTag, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { allImageEntries, imageEntry, smallerVariants } from '../../server/src/knowledge/images';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { completions } from '../../server/src/service/completion';
import { fileWithCursor } from './cursor';

interface Case {
  name: string;
  /** A Dockerfile with `|` at the cursor. */
  text: string;
  /** All labels, in the order the editor shows them (by sortText, else label). */
  labels?: readonly string[];
  /** Labels that must be among them, and labels that must not. */
  includes?: readonly string[];
  excludes?: readonly string[];
  /** The typed text every item replaces. */
  replaces?: string;
}

const node = imageEntry({ repository: 'node' });
assert.ok(node, 'the image table knows node');
/** Tags, each followed by its smaller variants, as the table lists them (newest first). */
const nodeTags = node.tags.flatMap((tag) => [tag, ...smallerVariants(node, tag)]);
const wildcardImages = allImageEntries()
  .filter((entry) => entry.match.includes('*'))
  .map((entry) => entry.match);
const predefinedArgs = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'FTP_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
];

const cases: Case[] = [
  // Instruction keywords
  {
    name: 'keywords in an empty file',
    text: '|',
    includes: ['FROM', 'RUN', 'COPY', 'COPY --from=stage source destination', 'USER', 'HEALTHCHECK', 'HEALTHCHECK NONE', 'ARG'],
    excludes: ['MAINTAINER'],
    replaces: '',
  },
  { name: 'keywords replace the typed prefix', text: 'FROM alpine:3.22\nRU|', includes: ['RUN'], replaces: 'RU' },
  { name: 'keywords follow lower case typing', text: 'fr|', includes: ['from', 'run'], excludes: ['FROM'], replaces: 'fr' },
  { name: 'keywords on an indented line', text: 'FROM alpine:3.22\n  WO|', includes: ['WORKDIR'], replaces: 'WO' },
  {
    name: 'ONBUILD triggers exclude what Docker refuses there',
    text: 'FROM alpine:3.22\nONBUILD |',
    includes: ['RUN', 'COPY'],
    excludes: ['FROM', 'ONBUILD', 'MAINTAINER'],
  },
  { name: 'lower-case ONBUILD gets lower-case triggers', text: 'FROM alpine:3.22\nonbuild |', includes: ['run'], excludes: ['RUN'] },
  // Flags
  { name: 'COPY flags', text: 'FROM alpine:3.22\nCOPY --|', labels: ['--chmod', '--chown', '--exclude', '--from', '--link', '--parents'], replaces: '--' },
  { name: 'COPY flags after a single dash', text: 'FROM alpine:3.22\nCOPY -|', includes: ['--from'], replaces: '-' },
  { name: 'ADD flags', text: 'FROM alpine:3.22\nADD --|', labels: ['--checksum', '--chmod', '--chown', '--exclude', '--keep-git-dir', '--link'] },
  { name: 'RUN flags', text: 'FROM alpine:3.22\nRUN --|', labels: ['--mount', '--network', '--security'] },
  { name: 'FROM flags', text: 'FROM --|', labels: ['--platform'] },
  {
    name: 'a flag already given is not offered again',
    text: 'FROM alpine:3.22\nCOPY --chown=1:1 --|',
    includes: ['--from', '--exclude'],
    excludes: ['--chown'],
  },
  { name: 'a repeatable flag is offered again', text: 'FROM alpine:3.22\nCOPY --exclude=*.md --|', includes: ['--exclude'] },
  { name: 'flags on a continuation line', text: 'FROM alpine:3.22\nRUN --network=none \\\n    --|', labels: ['--mount', '--security'] },
  {
    name: 'flags on a continuation line with a custom escape',
    text: '# escape=`\nFROM alpine:3.22\nRUN --network=none `\n    --|',
    labels: ['--mount', '--security'],
  },
  { name: 'no flags after the first operand', text: 'FROM alpine:3.22\nCOPY src --|', labels: [] },
  { name: 'RUN --mount values', text: 'FROM alpine:3.22\nRUN --mount=|', includes: ['type=cache,target=/root/.cache', 'type=secret,id=name', 'type=ssh'] },
  { name: 'RUN --network values', text: 'FROM alpine:3.22\nRUN --network=n|', labels: ['none', 'default', 'host'], replaces: 'n' },
  { name: 'FROM --platform values', text: 'FROM --platform=|', includes: ['$BUILDPLATFORM', 'linux/arm64'] },
  { name: 'a flag without known values', text: 'FROM alpine:3.22\nCOPY --chown=|', labels: [] },
  // Stage names
  {
    name: 'COPY --from offers the earlier stages only',
    text: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS test\nFROM nginx:1.27\nCOPY --from=|\nFROM alpine:3.22 AS later',
    labels: ['build', 'test'],
    replaces: '',
  },
  { name: 'COPY --from does not offer the own stage', text: 'FROM node:22 AS build\nCOPY --from=|', labels: [] },
  { name: 'COPY --from offers an unnamed stage by index', text: 'FROM node:22\nFROM nginx:1.27\nCOPY --from=|', labels: ['0'] },
  { name: 'COPY --from replaces the typed stage prefix', text: 'FROM node:22 AS build\nFROM nginx:1.27\nCOPY --from=bu|', labels: ['build'], replaces: 'bu' },
  { name: 'FROM offers earlier stages before images', text: 'FROM node:22 AS build\nFROM |', includes: ['build', 'node'] },
  // Variables
  {
    name: 'variables after $: the stage’s ARG and ENV, then the predefined ARGs',
    text: 'ARG GLOBAL=1\nFROM node:22\nARG VERSION=1\nENV HOME_DIR=/app\nRUN echo $|',
    labels: ['VERSION', 'HOME_DIR', ...predefinedArgs],
    replaces: '',
  },
  { name: 'variables after ${', text: 'FROM node:22\nENV HOME_DIR=/app\nWORKDIR ${HO|', includes: ['HOME_DIR'], replaces: 'HO' },
  { name: 'FROM sees the global ARGs', text: 'ARG NODE_VERSION=22\nFROM node:${|', includes: ['NODE_VERSION', 'TARGETPLATFORM'] },
  { name: 'a stage does not see global ARGs it did not declare', text: 'ARG GLOBAL=1\nFROM node:22\nRUN echo $|', excludes: ['GLOBAL'] },
  { name: 'variables declared below are not visible yet', text: 'FROM node:22\nRUN echo $|\nENV LATER=1', excludes: ['LATER'] },
  { name: 'ENV of the base stage is inherited', text: 'FROM node:22 AS base\nENV FROM_BASE=1\nFROM base\nRUN echo $|', includes: ['FROM_BASE'] },
  { name: 'an escaped dollar is no variable', text: 'FROM node:22\nRUN echo \\$|', labels: [] },
  // Images and tags
  {
    name: 'FROM offers the known images',
    text: 'FROM |',
    includes: ['node', 'python', 'alpine', 'mcr.microsoft.com/dotnet/aspnet', 'scratch'],
    excludes: wildcardImages,
    replaces: '',
  },
  { name: 'FROM replaces the typed image prefix', text: 'FROM no|', includes: ['node'], replaces: 'no' },
  { name: 'node tags and variants, newest first', text: 'FROM node:|', labels: nodeTags, replaces: '' },
  { name: 'tags replace the typed tag prefix', text: 'FROM node:2|', labels: nodeTags, replaces: '2' },
  { name: 'tags of an image written with its registry', text: 'FROM docker.io/library/node:|', labels: nodeTags },
  { name: 'tags after --platform', text: 'FROM --platform=$BUILDPLATFORM node:|', labels: nodeTags },
  { name: 'no tags for an unknown image', text: 'FROM example.com/unknown:|', labels: [] },
  { name: 'nothing after a digest', text: 'FROM node:22@|', labels: [] },
  { name: 'AS after the image', text: 'FROM node:22 |', labels: ['AS'] },
  { name: 'as after a lower-case from', text: 'from node:22 |', labels: ['as'] },
  { name: 'nothing after the stage name', text: 'FROM node:22 AS build |', labels: [] },
  // HEALTHCHECK
  {
    name: 'HEALTHCHECK options, CMD and NONE',
    text: 'FROM alpine:3.22\nHEALTHCHECK |',
    labels: ['--interval', '--retries', '--start-interval', '--start-period', '--timeout', 'CMD', 'NONE'],
  },
  {
    name: 'HEALTHCHECK NONE takes no options',
    text: 'FROM alpine:3.22\nHEALTHCHECK --interval=5s |',
    labels: ['--retries', '--start-interval', '--start-period', '--timeout', 'CMD'],
  },
  {
    name: 'HEALTHCHECK options after a dash',
    text: 'FROM alpine:3.22\nHEALTHCHECK --|',
    labels: ['--interval', '--retries', '--start-interval', '--start-period', '--timeout'],
  },
  { name: 'nothing after HEALTHCHECK CMD', text: 'FROM alpine:3.22\nHEALTHCHECK CMD |', labels: [] },
  // Places without completions
  { name: 'nothing inside a RUN heredoc body', text: 'FROM alpine:3.22\nRUN <<EOF\n|\nEOF', labels: [] },
  { name: 'nothing inside a COPY heredoc body', text: 'FROM alpine:3.22\nCOPY <<EOF /etc/motd\nfr|\nEOF', labels: [] },
  { name: 'nothing inside an ADD heredoc body', text: 'FROM alpine:3.22\nADD <<EOF /etc/motd\nfr|\nEOF', labels: [] },
  { name: 'nothing inside an unterminated heredoc', text: 'FROM alpine:3.22\nRUN <<EOF\necho hi\n|', labels: [] },
  { name: 'keywords again after a heredoc', text: 'FROM alpine:3.22\nRUN <<EOF\necho hi\nEOF\n|', includes: ['RUN'] },
  { name: 'no keywords on a continuation line', text: 'FROM alpine:3.22\nRUN apt-get update \\\n  |', labels: [] },
  { name: 'no keywords on a continuation line with a custom escape', text: '# escape=`\nFROM alpine:3.22\nRUN dir `\n  |', labels: [] },
  { name: 'nothing in a comment', text: '# FR|', labels: [] },
  { name: 'nothing in RUN arguments', text: 'FROM alpine:3.22\nRUN apt|', labels: [] },
];

/** The order the editor shows: by sortText, falling back to the label. */
function shown(items: readonly CompletionItem[]): CompletionItem[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

for (const { name, text, labels, includes, excludes, replaces } of cases) {
  test(`completion: ${name}`, () => {
    const { file, position } = fileWithCursor(text);
    const items = shown(completions(file, position));
    const actual = items.map((item) => item.label);
    if (labels) assert.deepEqual(actual, labels);
    for (const label of includes ?? []) assert.ok(actual.includes(label), `${label} missing from ${JSON.stringify(actual)}`);
    for (const label of excludes ?? []) assert.ok(!actual.includes(label), `${label} should not be offered`);
    if (replaces !== undefined) {
      for (const item of items) {
        const edit = item.textEdit as TextEdit;
        assert.equal(file.document.getText(edit.range), replaces, `${item.label} replaces the typed text`);
        assert.deepEqual(edit.range.end, position, `${item.label} ends at the cursor`);
      }
    }
  });
}

function newTextOf(text: string, label: string): string | undefined {
  const { file, position } = fileWithCursor(text);
  const item = completions(file, position).find((candidate) => candidate.label === label);
  return (item?.textEdit as TextEdit | undefined)?.newText;
}

test('completion: keyword snippets', () => {
  const snippets: [string, string, string][] = [
    ['|', 'USER', 'USER ${1:10001}:${2:10001}'],
    ['|', 'HEALTHCHECK', 'HEALTHCHECK --interval=30s --timeout=3s CMD ${1}'],
    ['|', 'COPY --from=stage source destination', 'COPY --from=${1:stage} ${2:source} ${3:destination}'],
    ['|', 'CMD', 'CMD ["${1:executable}", "${2:argument}"]'],
    ['he|', 'healthcheck', 'healthcheck --interval=30s --timeout=3s cmd ${1}'],
    ['en|', 'env', 'env ${1:NAME}=${2:value}'],
  ];
  for (const [text, label, expected] of snippets) assert.equal(newTextOf(text, label), expected, `${label} in ${JSON.stringify(text)}`);
});

test('completion: flag snippets and what they insert', () => {
  assert.equal(newTextOf('FROM alpine:3.22\nHEALTHCHECK --|', '--interval'), '--interval=${1:30s}');
  assert.equal(newTextOf('FROM alpine:3.22\nCOPY --|', '--link'), '--link');
  assert.equal(newTextOf('FROM alpine:3.22\nCOPY --|', '--from'), '--from=');
  assert.equal(newTextOf('FROM --platform=|', '$BUILDPLATFORM'), '\\$BUILDPLATFORM');
});

test('completion: a flag that takes a listed value asks for suggestions again', () => {
  const { file, position } = fileWithCursor('FROM alpine:3.22\nCOPY --|');
  const items = completions(file, position);
  assert.equal(items.find((item) => item.label === '--from')?.command?.command, 'editor.action.triggerSuggest');
  assert.equal(items.find((item) => item.label === '--chown')?.command, undefined);
});

test('completion: ${ closes the brace unless the editor already did', () => {
  assert.equal(newTextOf('ARG NODE_VERSION=22\nFROM node:${NO|', 'NODE_VERSION'), 'NODE_VERSION}');
  assert.equal(newTextOf('ARG NODE_VERSION=22\nFROM node:${NO|}', 'NODE_VERSION'), 'NODE_VERSION');
  assert.equal(newTextOf('ARG NODE_VERSION=22\nFROM node:$NO|', 'NODE_VERSION'), 'NODE_VERSION');
});

test('completion: tags keep the table order through sortText', () => {
  const { file, position } = fileWithCursor('FROM node:|');
  const sortTexts = completions(file, position).map((item) => item.sortText ?? '');
  assert.deepEqual(sortTexts, [...sortTexts].sort());
  assert.equal(new Set(sortTexts).size, sortTexts.length);
});

test('completion: a deprecated image is marked deprecated', () => {
  const { file, position } = fileWithCursor('FROM |');
  const deprecated = completions(file, position).filter((item) => item.tags?.includes(CompletionItemTag.Deprecated));
  assert.deepEqual(
    deprecated.map((item) => item.label),
    allImageEntries()
      .filter((entry) => entry.deprecated && !entry.match.includes('*'))
      .map((entry) => entry.match),
  );
});

test('completion: nothing for YAML that is no Kubernetes object nor becoming one, or unknown files', () => {
  assert.deepEqual(completions(parseContainerFile('file:///project/ci.yaml', 'on: push\njobs:\n  build:\n    \n'), { line: 3, character: 4 }), []);
  assert.deepEqual(completions(parseContainerFile('file:///project/ci.yaml', 'on: push\n\n'), { line: 1, character: 0 }), []);
  assert.deepEqual(completions(parseContainerFile('file:///project/notes.txt', 'kind: \n'), { line: 0, character: 6 }), []);
  assert.deepEqual(completions(undefined, { line: 0, character: 0 }), []);
});

test('completion: never throws, at any position of odd input or past its end', () => {
  const texts = [
    '',
    '\\',
    'FROM',
    'RUN <<',
    'RUN <<EOF <<EOT\n',
    'COPY --from=',
    '${',
    'FROM node:${',
    'FROM $',
    '\r\n\r\nFR',
    '# escape=`\nRUN a `\n b',
    'HEALTHCHECK --interval',
    'ONBUILD',
    'ONBUILD RUN --',
    'ARG =\nENV =\nFROM :',
    'FROM a AS\nFROM a AS\nCOPY --from=',
    'RUN --mount=type=cache,target=/x \\\n\\\n',
  ];
  for (const text of texts) {
    const file = parseContainerFile('file:///project/Dockerfile', text);
    const lines = TextDocument.create('file:///x', '', 0, text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.doesNotThrow(() => completions(file, lines.positionAt(offset)), `${JSON.stringify(text)} at ${offset}`);
    }
    assert.doesNotThrow(() => completions(file, { line: 99, character: 99 }), `${JSON.stringify(text)} past the end`);
  }
});

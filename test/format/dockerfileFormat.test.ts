import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { builderView } from '../../server/src/format/builderView';
import { formatDockerfile, formatDockerfileOnType, formatDockerfileRange } from '../../server/src/format/dockerfileFormat';
import { applyEdits, assertWellFormed } from '../helpers/formatting';

const FOUR_SPACES: FormattingOptions = { tabSize: 4, insertSpaces: true };

interface Case {
  name: string;
  before: string;
  after: string;
  options?: FormattingOptions;
  droppedForSafety?: number;
  keptAsAligned?: number;
}

const cases: Case[] = [
  {
    name: 'instructions and comments go to column 0, continuation lines one level in, blank lines lose their spaces',
    before: '  FROM alpine:3.22\n\n\t# install\n   \nRUN apk add \\\n  curl \\\n  git\n  USER app\n',
    after: 'FROM alpine:3.22\n\n# install\n\nRUN apk add \\\n    curl \\\n    git\nUSER app\n',
  },
  {
    name: 'tabs when the client asks for tabs',
    before: 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n',
    after: 'FROM alpine\nRUN apk add \\\n\tcurl \\\n\tgit\n',
    options: { tabSize: 4, insertSpaces: false },
  },
  {
    name: 'the client tab size',
    before: 'FROM alpine\nENV A=1 \\\n\tB=2\n',
    after: 'FROM alpine\nENV A=1 \\\n  B=2\n',
    options: { tabSize: 2, insertSpaces: true },
  },
  {
    name: 'continuation lines at column 0 are indented',
    before: 'FROM alpine\nRUN set -e; \\\necho hi\n',
    after: 'FROM alpine\nRUN set -e; \\\n    echo hi\n',
  },
  {
    name: 'a RUN heredoc body and terminator are kept as written',
    before: 'FROM alpine\n  RUN <<EOF\n  set -e\n      echo hi\n   \nEOF\n',
    after: 'FROM alpine\nRUN <<EOF\n  set -e\n      echo hi\n   \nEOF\n',
  },
  {
    name: 'a COPY heredoc keeps its indented file content',
    before: 'FROM nginx\nCOPY <<EOF /etc/nginx/conf.d/default.conf\nserver {\n    listen 8080;\n}\nEOF\n\tEXPOSE 8080\n',
    after: 'FROM nginx\nCOPY <<EOF /etc/nginx/conf.d/default.conf\nserver {\n    listen 8080;\n}\nEOF\nEXPOSE 8080\n',
  },
  {
    name: '<<-EOF keeps the tabs the builder strips',
    before: 'FROM alpine\nRUN <<-EOF\n\t\techo hi\n\tEOF\n',
    after: 'FROM alpine\nRUN <<-EOF\n\t\techo hi\n\tEOF\n',
  },
  {
    name: 'an ADD heredoc, which dockerfile-utils would indent, is kept as written',
    before: 'FROM alpine\nADD <<EOF /greeting\n  hello\nEOF\n',
    after: 'FROM alpine\nADD <<EOF /greeting\n  hello\nEOF\n',
    droppedForSafety: 2,
  },
  {
    name: 'an ONBUILD RUN heredoc is kept as written',
    before: 'FROM alpine\nONBUILD RUN <<EOF\n  echo hi\nEOF\n',
    after: 'FROM alpine\nONBUILD RUN <<EOF\n  echo hi\nEOF\n',
    droppedForSafety: 2,
  },
  {
    name: 'two heredocs in one RUN',
    before: 'FROM alpine\nRUN <<ONE <<TWO\n  a\nONE\n  b\nTWO\n  RUN true\n',
    after: 'FROM alpine\nRUN <<ONE <<TWO\n  a\nONE\n  b\nTWO\nRUN true\n',
  },
  {
    name: 'nested continuation lines laid out by hand keep their indentation',
    before: 'FROM debian\nRUN set -eux; \\\n\tapt-get install -y \\\n\t\tca-certificates \\\n\t\tcurl \\\n\t; \\\n\trm -rf /var/lib/apt/lists/*\n',
    after: 'FROM debian\nRUN set -eux; \\\n\tapt-get install -y \\\n\t\tca-certificates \\\n\t\tcurl \\\n\t; \\\n\trm -rf /var/lib/apt/lists/*\n',
    keptAsAligned: 5,
  },
  {
    name: 'continuation lines aligned under the first argument keep their column',
    before: 'FROM alpine\nLABEL org.opencontainers.image.title=app \\\n      org.opencontainers.image.version=1\n',
    after: 'FROM alpine\nLABEL org.opencontainers.image.title=app \\\n      org.opencontainers.image.version=1\n',
    keptAsAligned: 1,
  },
  {
    name: 'comments inside a continuation move with the lines around them',
    before: 'FROM alpine\nRUN apk add \\\n  # for downloads\n  curl \\\n  git\n',
    after: 'FROM alpine\nRUN apk add \\\n    # for downloads\n    curl \\\n    git\n',
  },
  {
    name: 'comments kept at column 0 inside a continuation mark it as laid out by hand',
    before: 'FROM alpine\nRUN apk add \\\n# for downloads\n  curl \\\n  git\n',
    after: 'FROM alpine\nRUN apk add \\\n# for downloads\n  curl \\\n  git\n',
    keptAsAligned: 3,
  },
  {
    name: 'whitespace inside a quoted string that spans lines is what the builder sees: the instruction is kept',
    before: "FROM alpine\nRUN bash -c ' \\\n  mkdir -p /data; \\\n  chown app /data'\n",
    after: "FROM alpine\nRUN bash -c ' \\\n  mkdir -p /data; \\\n  chown app /data'\n",
    droppedForSafety: 2,
  },
  {
    name: 'the escape directive: backtick continuations',
    before: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n  Write-Host hi\n',
    after: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\n',
  },
  {
    name: 'CRLF line ends stay CRLF',
    before: '  FROM alpine\r\nRUN apk add \\\r\n  curl\r\n  \r\nUSER app\r\n',
    after: 'FROM alpine\r\nRUN apk add \\\r\n    curl\r\n\r\nUSER app\r\n',
  },
  { name: 'an empty file', before: '', after: '' },
  {
    name: 'an unterminated heredoc keeps everything after its opener',
    before: 'FROM alpine\nRUN <<EOF\n  echo hi\n  RUN true\n',
    after: 'FROM alpine\nRUN <<EOF\n  echo hi\n  RUN true\n',
  },
  {
    name: 'broken input: an instruction without arguments, a dangling continuation and an unclosed quote',
    before: '  FROM\n\tRUN echo "unclosed \\\n   \\\n  ',
    after: 'FROM\nRUN echo "unclosed \\\n    \\\n',
  },
];

for (const { name, before, after, options = FOUR_SPACES, droppedForSafety = 0, keptAsAligned = 0 } of cases) {
  test(`formatting: ${name}`, () => {
    const result = formatDockerfile(before, options);
    assertWellFormed(before, result.edits, name);
    const formatted = applyEdits(before, result.edits);
    assert.equal(formatted, after);
    assert.deepEqual({ droppedForSafety: result.droppedForSafety, keptAsAligned: result.keptAsAligned }, { droppedForSafety, keptAsAligned });
    assert.deepEqual(builderView(formatted), builderView(before), 'the builder sees the same instructions');
    assert.deepEqual(formatDockerfile(formatted, options).edits, [], 'formatting again changes nothing');
  });
}

test('range formatting changes only the lines of the range', () => {
  const text = '  FROM alpine\n  RUN apk add \\\n  curl\n  USER app\n';
  const { edits } = formatDockerfileRange(text, { start: { line: 1, character: 3 }, end: { line: 2, character: 0 } }, FOUR_SPACES);
  assert.equal(applyEdits(text, edits), '  FROM alpine\nRUN apk add \\\n    curl\n  USER app\n');
});

test('range formatting over a heredoc leaves its body alone', () => {
  const text = 'FROM alpine\nADD <<EOF /x\n  hi\nEOF\n  USER app\n';
  const { edits } = formatDockerfileRange(text, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, FOUR_SPACES);
  assert.equal(applyEdits(text, edits), 'FROM alpine\nADD <<EOF /x\n  hi\nEOF\nUSER app\n');
});

test('range formatting past the end of the document stays inside it', () => {
  const text = 'FROM alpine\n  RUN true  ';
  const { edits } = formatDockerfileRange(text, { start: { line: 1, character: 0 }, end: { line: 9, character: 4 } }, FOUR_SPACES);
  assertWellFormed(text, edits, 'past the end');
  assert.equal(applyEdits(text, edits), 'FROM alpine\nRUN true  ');
});

test('typing the escape character at the end of a line indents the line it continues onto', () => {
  const text = 'FROM alpine\nRUN apk add \\\ncurl\n';
  const { edits } = formatDockerfileOnType(text, { line: 1, character: 13 }, '\\', FOUR_SPACES);
  assert.equal(applyEdits(text, edits), 'FROM alpine\nRUN apk add \\\n    curl\n');
});

test('typing the escape character set by the directive, and no other, formats on type', () => {
  const text = '# escape=`\nFROM alpine\nRUN echo `\nhi\n';
  assert.equal(
    applyEdits(text, formatDockerfileOnType(text, { line: 2, character: 10 }, '`', FOUR_SPACES).edits),
    '# escape=`\nFROM alpine\nRUN echo `\n    hi\n',
  );
  assert.deepEqual(formatDockerfileOnType(text, { line: 2, character: 10 }, '\\', FOUR_SPACES).edits, []);
});

test('typing the escape character before a heredoc body does not touch the body', () => {
  const text = 'FROM alpine\nADD <<EOF /x \\\n  hi\nEOF\n';
  const result = formatDockerfileOnType(text, { line: 1, character: 14 }, '\\', FOUR_SPACES);
  assert.deepEqual(result.edits, []);
});

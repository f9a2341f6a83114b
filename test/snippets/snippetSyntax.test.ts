// The snippet expander the snippet tests rely on gives what VS Code inserts with every default accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSnippet, insertAtMarker, SnippetSyntaxError } from './snippetSyntax';

const variables = { TM_FILENAME_BASE: 'api', TM_SELECTED_TEXT: '' };
const expanded = (body: string) => expandSnippet(body, { variables }).text;

test('tab stops, placeholders, mirrors and the final tab stop', () => {
  const cases: [string, string][] = [
    ['plain text', 'plain text'],
    ['a $1 b ${2} c $0', 'a  b  c '],
    ['port ${1:8080}', 'port 8080'],
    // A mirror takes the value of the tab stop's placeholder, wherever that stands.
    ['$1 then ${1:web}', 'web then web'],
    ['${1:web}: $1-data', 'web: web-data'],
    // Placeholders nest, and a nested one can mirror another tab stop.
    ['CMD ${1:wget http://127.0.0.1:${2:8080}${3:/healthz}}', 'CMD wget http://127.0.0.1:8080/healthz'],
    ['${1:app} ${2:$1-svc}', 'app app-svc'],
  ];
  for (const [body, text] of cases) assert.equal(expanded(body), text, body);
});

test('choices take their first option, or the one chosen', () => {
  assert.equal(expanded('FROM node:${1|24,22|}-slim\nFROM node:$1-slim'), 'FROM node:24-slim\nFROM node:24-slim');
  const second = expandSnippet('${1|a,b,c|} ${2|x,y|}', { variables, choose: (_index, choices) => choices[Math.min(1, choices.length - 1)] });
  assert.equal(second.text, 'b y');
  assert.deepEqual(
    [...second.choices],
    [
      [1, ['a', 'b', 'c']],
      [2, ['x', 'y']],
    ],
  );
  // Commas and pipes inside an option are escaped.
  assert.equal(expanded('${1|a\\,b,c\\|d|}'), 'a,b');
});

test('variables: their value, else their default; unknown ones are reported and inserted by name, as the editor does', () => {
  assert.equal(expanded('name: $TM_FILENAME_BASE'), 'name: api');
  assert.equal(expanded('name: ${TM_FILENAME_BASE}'), 'name: api');
  assert.equal(expanded('name: ${WORKSPACE_NAME:my-app}'), 'name: my-app');
  assert.equal(expanded('${TM_SELECTED_TEXT:${1:default}}'), 'default');
  assert.equal(expanded('[$TM_SELECTED_TEXT]'), '[]');
  const unknown = expandSnippet('ENV PATH=/opt/bin:$PATH', { variables });
  assert.equal(unknown.text, 'ENV PATH=/opt/bin:PATH');
  assert.deepEqual(unknown.unknownVariables, ['PATH']);
});

test('escapes: \\$, \\} and \\\\ are literal, and a $ that starts nothing is text', () => {
  assert.equal(expanded('ENV PATH="/opt/venv/bin:\\$PATH"'), 'ENV PATH="/opt/venv/bin:$PATH"');
  assert.equal(expanded('PASSWORD: \\${PASSWORD:?set it}'), 'PASSWORD: ${PASSWORD:?set it}');
  assert.equal(expanded('${1:a \\} b}'), 'a } b');
  assert.equal(expanded('RUN a \\\\\n  && b'), 'RUN a \\\n  && b');
  assert.equal(expanded('cost: 5$ or $ 6'), 'cost: 5$ or $ 6');
  // A backslash before anything else is itself.
  assert.equal(expanded('-exec cp {} /out \\;'), '-exec cp {} /out \\;');
});

test('tab stops are listed in order of appearance', () => {
  assert.deepEqual(expandSnippet('${2:b} ${1:a} $2 $0', { variables }).tabstops, [2, 1, 0]);
});

test('what the expander cannot expand faithfully fails loudly', () => {
  assert.throws(() => expanded('${1:unclosed'), SnippetSyntaxError);
  assert.throws(() => expanded('${1|a,b'), SnippetSyntaxError);
  assert.throws(() => expanded('${TM_FILENAME/(.*)/${1:/upcase}/}'), /transforms are not supported/);
});

test('insertion indents every line at the marker line’s indentation, as the editor does', () => {
  const document = 'services:\n  # HERE\nvolumes: {}';
  assert.equal(
    insertAtMarker(document, '# HERE', 'db:\n  image: postgres:18\n\n  ports: []'),
    'services:\n  db:\n    image: postgres:18\n\n    ports: []\nvolumes: {}',
  );
  assert.throws(() => insertAtMarker(document, '# THERE', 'x'), /no # THERE/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/parsing/dockerfile';
import { isPredefinedArg } from '../../server/src/parsing/dockerfileScope';

/** The position of `|` in the text, and the text without it. */
function at(textWithCursor: string): { text: string; position: { line: number; character: number } } {
  const before = textWithCursor.slice(0, textWithCursor.indexOf('|')).split('\n');
  return { text: textWithCursor.replace('|', ''), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

test('stages: index, lower-cased name, range from FROM to the last instruction; the final stage is the last', () => {
  const model = parseDockerfile('FROM node:22 AS Build\nRUN npm ci \\\n  --omit=dev\n\nFROM build\nCMD ["node"]\n');
  assert.deepEqual(
    model.stages.map(({ index, name, range }) => ({ index, name, lines: [range.start.line, range.end.line] })),
    [
      { index: 0, name: 'build', lines: [0, 2] },
      { index: 1, name: undefined, lines: [4, 5] },
    ],
  );
  assert.equal(model.finalStage, model.stages[1]);
  assert.equal(model.stageAt(3), model.stages[0]);
  assert.equal(parseDockerfile('ARG A=1\n').finalStage, undefined);
});

test('finalUser: the last USER of the final stage or of the stages it builds on, as written, numeric or not', () => {
  const cases: [string, { value: string; numeric: boolean; line: number } | undefined][] = [
    ['FROM a:1\nUSER app\nUSER 1000:1000\n', { value: '1000:1000', numeric: true, line: 2 }],
    ['FROM a:1 AS base\nUSER app:app\nFROM base\nRUN id\n', { value: 'app:app', numeric: false, line: 1 }],
    ['FROM a:1\nUSER ${UID}\n', { value: '${UID}', numeric: false, line: 1 }],
    ['FROM a:1 AS base\nUSER app\nFROM b:1\n', undefined],
    ['FROM a:1\nUSER\n', undefined],
  ];
  for (const [text, expected] of cases) {
    const user = parseDockerfile(text).finalUser;
    assert.deepEqual(user && { value: user.value, numeric: user.numeric, line: user.range.start.line }, expected, text);
  }
  const user = parseDockerfile('FROM a:1\nUSER  app \n').finalUser!;
  assert.deepEqual(user.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } });
});

test('exposedPorts: the final stage’s ports with their numbers and protocols, inherited ones first', () => {
  const model = parseDockerfile(
    'FROM a:1 AS base\nEXPOSE 9000\nFROM b:1 AS other\nEXPOSE 1\nFROM base\nEXPOSE 8080/TCP 53/udp 8000-8010 127.0.0.1:80:81 ${PORT} http\n',
  );
  assert.deepEqual(
    model.exposedPorts.map(({ written, port, lastPort, protocol, mapping }) => ({ written, port, lastPort, protocol, mapping: mapping?.text })),
    [
      { written: '9000', port: 9000, lastPort: 9000, protocol: 'tcp', mapping: undefined },
      { written: '8080/TCP', port: 8080, lastPort: 8080, protocol: 'tcp', mapping: undefined },
      { written: '53/udp', port: 53, lastPort: 53, protocol: 'udp', mapping: undefined },
      { written: '8000-8010', port: 8000, lastPort: 8010, protocol: 'tcp', mapping: undefined },
      { written: '127.0.0.1:80:81', port: 81, lastPort: 81, protocol: 'tcp', mapping: '127.0.0.1:80:' },
      { written: '${PORT}', port: undefined, lastPort: undefined, protocol: 'tcp', mapping: undefined },
      { written: 'http', port: undefined, lastPort: undefined, protocol: 'tcp', mapping: undefined },
    ],
  );
  assert.deepEqual(model.exposedPorts[1]!.writtenProtocol, { text: 'TCP', range: { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } } });
  assert.deepEqual(parseDockerfile('FROM a:1\n').exposedPorts, []);
});

test('variables in scope: ARG from its own pair on, ENV after its instruction, global ARGs only once redeclared', () => {
  const cases: [string, string, boolean][] = [
    ['ARG A=1 B=$|A\nFROM x', 'A', true],
    ['ARG B=$|A A=1\nFROM x', 'A', false],
    ['FROM x\nENV A=1 B=$|A', 'A', false],
    ['FROM x\nENV A=1\nRUN echo $|A', 'A', true],
    ['FROM x\nRUN echo $|A\nENV A=1', 'A', false],
    ['ARG V=1\nFROM x:$|V', 'V', true],
    ['FROM x:$|TARGETARCH', 'TARGETARCH', true],
    ['ARG V=1\nFROM x\nRUN echo $|V', 'V', false],
    ['ARG V=1\nFROM x\nARG V\nRUN echo $|V', 'V', true],
    ['FROM x\nRUN echo $|TARGETARCH', 'TARGETARCH', false],
    ['FROM x AS base\nENV E=1\nARG G=1\nFROM base\nRUN echo $|E', 'E', true],
    ['FROM x AS base\nENV E=1\nARG G=1\nFROM base\nRUN echo $|G', 'G', false],
    ['FROM x\nARG C D=$|C', 'C', false],
    ['FROM x\nARG C D\nRUN echo $|D', 'D', true],
  ];
  for (const [textWithCursor, name, expected] of cases) {
    const { text, position } = at(textWithCursor);
    const scope = parseDockerfile(text).variables.scopeAt(position.line);
    assert.equal(scope.has(name, position), expected, `${name} in ${JSON.stringify(textWithCursor)}`);
  }
  assert.ok(isPredefinedArg('TARGETARCH') && isPredefinedArg('http_proxy') && !isPredefinedArg('HOME'));
});

test('ENV values where a RUN runs: the latest ENV above it, inherited ones, all of them at the end of the stage', () => {
  const model = parseDockerfile('FROM x AS base\nENV E=base\nFROM base\nRUN one\nENV E=own\nRUN two\nENV F\n');
  const scope = model.variables.of(model.stages[1]!);
  assert.equal(scope.envValue('E', { line: 3, character: 0 }), 'base');
  assert.equal(scope.envValue('E', { line: 5, character: 0 }), 'own');
  assert.equal(scope.envValue('E'), 'own');
  assert.equal(scope.envValue('F', { line: 5, character: 0 }), undefined);
  assert.equal(scope.envValue('F'), '');
});

test('visibleAt: each declared name once with its latest declaration, then the predefined build arguments', () => {
  const { text, position } = at('ARG GLOBAL=1\nFROM x\nARG V=1\nENV E=a\nARG V=2\nRUN echo $|');
  const visible = parseDockerfile(text).variables.visibleAt(position);
  assert.deepEqual(
    visible.slice(0, 2).map(({ name, source, value }) => ({ name, source, value })),
    [
      { name: 'E', source: 'ENV', value: 'a' },
      { name: 'V', source: 'ARG', value: '2' },
    ],
  );
  assert.ok(visible.slice(2).every((variable) => variable.source === 'predefined' && variable.description));
  assert.ok(!visible.some((variable) => variable.name === 'GLOBAL'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServiceDefinition } from '../../server/src/parsing/composeService';
import { parseYamlFile } from '../../server/src/parsing/yaml';
import { YamlView } from '../../server/src/parsing/yamlView';

function serviceOf(text: string, name: string): ServiceDefinition {
  const document = TextDocument.create('file:///p/compose.yaml', 'dockercompose', 0, text);
  const root = YamlView.root(parseYamlFile(document).documents[0]!)!;
  const view = root.at('services', name)!;
  return new ServiceDefinition(name, view, view.keyRange!, 'file:///p/compose.yaml', 'file:///p');
}

test('ports: the colons and slashes inside ${…} defaults do not split the mapping', () => {
  const ports = serviceOf(
    'services:\n  web:\n    ports:\n      - "${WEB_PORT:-8080}:80"\n      - "${HOST_IP}:443:443/udp"\n      - "${BIND:-127.0.0.1}:${PORT:-5432}:5432"\n      - "${PORTS}"\n      - "[::1]:53:53/udp"\n',
    'web',
  ).ports.map(({ hostIp, published, target, protocol, interpolated }) => ({ hostIp, published, target, protocol, interpolated }));
  assert.deepEqual(ports, [
    { hostIp: undefined, published: '${WEB_PORT:-8080}', target: '80', protocol: 'tcp', interpolated: true },
    { hostIp: '${HOST_IP}', published: '443', target: '443', protocol: 'udp', interpolated: true },
    { hostIp: '${BIND:-127.0.0.1}', published: '${PORT:-5432}', target: '5432', protocol: 'tcp', interpolated: true },
    { hostIp: undefined, published: undefined, target: '${PORTS}', protocol: 'tcp', interpolated: true },
    { hostIp: '::1', published: '53', target: '53', protocol: 'udp', interpolated: false },
  ]);
});

test('volumes: a source with a ${…:-default} is one source', () => {
  const volumes = serviceOf(
    'services:\n  web:\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro\n      - data:/data\n',
    'web',
  ).volumes;
  assert.deepEqual(
    volumes.map(({ type, source, target }) => ({ type, source, target })),
    [
      { type: 'bind', source: '${DOCKER_SOCK:-/var/run/docker.sock}', target: '/var/run/docker.sock' },
      { type: 'volume', source: 'data', target: '/data' },
    ],
  );
});

test('a key brought in by a merge key is seen at its anchor through atDefinition', () => {
  const text = 'x-env: &env\n  TOKEN: abc\nservices:\n  web:\n    environment:\n      <<: *env\n      MODE: dev\n';
  const [token, mode] = serviceOf(text, 'web').environment;
  assert.equal(token?.valueView?.isWrittenHere, false);
  const definition = token!.valueView!.atDefinition;
  assert.ok(definition.isWrittenHere);
  assert.deepEqual(definition.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } });
  assert.equal(mode?.valueView?.atDefinition, mode?.valueView, 'a value written in place is its own definition');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';

test('kind detection by name, language id and content', () => {
  const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
  const composeContent = 'services:\n  app:\n    image: nginx:1.27\n';
  const cases: [string, string, string | undefined, boolean, string][] = [
    ['file:///p/Dockerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/Dockerfile.dev', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/api.Dockerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/Containerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['untitled:Untitled-1', 'FROM a\n', 'dockerfile', false, 'dockerfile'],
    ['file:///p/docker-compose.yml', composeContent, undefined, false, 'compose'],
    ['file:///p/compose.override.yaml', composeContent, undefined, false, 'compose'],
    ['file:///p/stack.yml', composeContent, 'dockercompose', false, 'compose'],
    ['file:///p/stack.yml', composeContent, undefined, true, 'compose'],
    ['file:///p/stack.yml', composeContent, undefined, false, 'unknown'],
    ['file:///p/deploy.yaml', manifest, undefined, false, 'kubernetes'],
    ['file:///p/all.yml', `# list\n---\n${manifest}---\n${manifest}`, undefined, false, 'kubernetes'],
    ['file:///p/.github/workflows/ci.yml', 'on: push\njobs: {}\n', undefined, true, 'unknown'],
    ['file:///p/readme.md', '# hi\n', undefined, true, 'unknown'],
  ];
  for (const [uri, text, languageId, composeByContent, kind] of cases) {
    assert.equal(parseContainerFile(uri, text, { languageId, composeByContent }).kind, kind, `${uri} ${languageId ?? ''}`);
  }
});

test('a Kubernetes file keeps only the documents that are objects', () => {
  const file = parseContainerFile('file:///p/x.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\njust: data\n---\napiVersion: v1\nkind: Pod\n');
  assert.equal(file.kind, 'kubernetes');
  if (file.kind !== 'kubernetes') return;
  assert.deepEqual(
    file.objects.map((object) => [object.kind, object.name]),
    [
      ['Service', 's'],
      ['Pod', undefined],
    ],
  );
});

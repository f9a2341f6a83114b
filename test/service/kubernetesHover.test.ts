import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent, Range } from 'vscode-languageserver-types';
import { rules } from '../../server/src/rules';
import { hover } from '../../server/src/service/hover';
import { ruleDocsLinks } from '../../server/src/service/ruleDocs';
import { kubernetesHover } from '../../server/src/service/kubernetesHover';
import { fileWithCursor } from './cursor';

/** The hover at the `|` of a manifest: its markdown and range, or undefined. */
function hoverAt(textWithCursor: string): { markdown: string; range: Range } | undefined {
  const { file, position } = fileWithCursor(textWithCursor, 'app.yaml');
  return kubernetesHover(file, position);
}

const deployment = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: settings}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  labels:',
  '    app: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          imagePullPolicy: Always',
  '          resources:',
  '            limits:',
  '              cpu: 500m',
  '          readinessProbe:',
  '            httpGet: {path: /, port: http}',
  '            tcpSocket:',
  '              port: 80',
];

/** The deployment with the cursor put on line `line` (of the array), just after `column` characters. */
function at(line: number, column: number, lines = deployment): string {
  return lines.map((text, index) => (index === line ? `${text.slice(0, column)}|${text.slice(column)}` : text)).join('\n');
}

test('kubernetes hover: a field of a container in a second document, with its type, required mark, description and kubectl explain', () => {
  const result = hoverAt(at(14, 12));
  assert.ok(result);
  assert.equal(
    result.markdown,
    [
      '**name** · `string` · required',
      'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
      '`kubectl explain deployment.spec.template.spec.containers.name`',
    ].join('\n\n'),
  );
  assert.deepEqual(result.range, { start: { line: 14, character: 10 }, end: { line: 14, character: 14 } });
});

test('kubernetes hover: a quantity and an int-or-string say what they take', () => {
  const cpu = hoverAt(at(18, 16));
  assert.ok(cpu?.markdown.startsWith('**cpu** · `quantity`\n\nLimits describes the maximum amount of compute resources allowed.'), cpu?.markdown);
  assert.ok(cpu?.markdown.includes('Takes a quantity: a number, or a number with a unit such as "250m"'), cpu?.markdown);
  assert.ok(cpu?.markdown.endsWith('`kubectl explain deployment.spec.template.spec.containers.resources.limits`'), 'a map entry is no field of its own');
  const port = hoverAt(at(22, 15));
  assert.ok(port?.markdown.startsWith('**port** · `int-or-string` · required\n\nNumber or name of the port'), port?.markdown);
  assert.ok(port?.markdown.includes('Takes an integer or a string'), port?.markdown);
});

test('kubernetes hover: an enum lists its values, once', () => {
  const service = hoverAt(['apiVersion: v1', 'kind: Service', 'spec:', '  ty|pe: ClusterIP'].join('\n'));
  assert.ok(service?.markdown.startsWith('**type** · `string`\n\ntype determines how the Service is exposed.'), service?.markdown);
  assert.ok(service?.markdown.includes('Possible enum values:\n - `"ClusterIP"`'), service?.markdown);
  assert.ok(!service?.markdown.includes('Allowed values'), 'the description lists them already');
  assert.equal(
    hoverAt(at(4, 3))?.markdown,
    ['**apiVersion** · `string` · required', 'Allowed values: `apps/v1`', '`kubectl explain deployment.apiVersion`'].join('\n\n'),
  );
});

test('kubernetes hover: the kind, on its key or its value, with the other versions that serve it', () => {
  const onValue = hoverAt(at(5, 9));
  assert.deepEqual(onValue, {
    markdown: ['**Deployment** · `apps/v1`', 'Deployment enables declarative updates for Pods and ReplicaSets.', '`kubectl explain deployment`'].join('\n\n'),
    range: { start: { line: 5, character: 6 }, end: { line: 5, character: 16 } },
  });
  assert.equal(hoverAt(at(5, 2))?.markdown, onValue?.markdown);
  const hpa = hoverAt(['apiVersion: autoscaling/v1', 'kind: Horizontal|PodAutoscaler'].join('\n'));
  assert.ok(hpa?.markdown.includes('Also served as: `autoscaling/v2`'), hpa?.markdown);
  assert.ok(hpa?.markdown.endsWith('`kubectl explain horizontalpodautoscaler --api-version=autoscaling/v1`'), hpa?.markdown);
});

test('kubernetes hover: a label key tells what labels are', () => {
  const label = hoverAt(at(9, 5));
  assert.ok(label?.markdown.startsWith('**app** · `string`\n\nMap of string keys and values'), label?.markdown);
});

test('kubernetes hover: nothing where the schema knows nothing', () => {
  assert.equal(hoverAt(['apiVersion: example.com/v1', 'kind: Wid|get', 'spec: {size: 1}'].join('\n')), undefined, 'a custom kind');
  assert.equal(hoverAt(['apiVersion: example.com/v1', 'kind: Widget', 'spec:', '  si|ze: 1'].join('\n')), undefined, "a custom resource's spec");
  assert.ok(
    hoverAt(['apiVersion: example.com/v1', 'kind: Widget', 'metadata:', '  na|me: w'].join('\n'))?.markdown.startsWith('**name** · `string`'),
    'metadata is every object’s',
  );
  assert.equal(hoverAt(at(15, 30)), undefined, 'a value');
  assert.equal(hoverAt(at(14, 8)), undefined, 'a dash');
  assert.equal(hoverAt(['apiVersion: v1', 'kind: Pod', 'spec:', '  contaners|: []'].join('\n')), undefined, 'a misspelt field');
});

test('kubernetes hover: the hover of a manifest shows its fields', () => {
  const { file, position } = fileWithCursor(
    ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      ima|ge: nginx:latest'].join('\n'),
    'pod.yaml',
  );
  const result = hover({ file, findings: [] }, position, rules, ruleDocsLinks(undefined));
  assert.ok(((result?.contents as MarkupContent | undefined)?.value ?? '').startsWith('**image** · `string`'), JSON.stringify(result));
});

// A multi-document manifest is checked per document: a broken document costs only its own findings, and an
// object's annotations silence only the findings inside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFile } from '../../server/src/engine/lint';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';

const URI = 'file:///p/all.yaml';

function findings(text: string): string[] {
  const workspace = new Workspace({ readFile: (uri) => (uri === URI ? text : undefined) });
  workspace.index(URI);
  const file = workspace.get(URI);
  assert.ok(file);
  const about = rules.filter((rule) => rule.id === 'k8s/latest-tag' || rule.id === 'k8s/syntax');
  return lintFile(file, workspace, { rules: {} }, about).map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`);
}

const pod = (name: string, annotations = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${annotations}spec:\n  containers:\n    - name: c\n      image: nginx\n`;

test('a broken document among good ones: one syntax finding there, the others still checked', () => {
  const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: broken\n';
  assert.deepEqual(findings(`${pod('a')}---\n${broken}---\n${pod('b')}`), ['8 k8s/latest-tag', '13 k8s/syntax', '22 k8s/latest-tag']);
});

test('a document that is not an object among objects is reported, the objects still checked', () => {
  assert.deepEqual(findings(`${pod('a')}---\njust: data\n---\n${pod('b')}`), ['8 k8s/latest-tag', '10 k8s/syntax', '19 k8s/latest-tag']);
});

test('annotations of kube-linter, kube-score and Polaris silence their checks in their own object only', () => {
  const text = [
    pod('a', '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "pinned by the deploy tool"\n'),
    pod('b', '  annotations:\n    kube-score/ignore: container-image-tag\n'),
    pod('c', '  annotations:\n    polaris.fairwinds.com/tagNotSpecified-exempt: "true"\n'),
    pod('d', '  annotations:\n    polaris.fairwinds.com/runAsRootAllowed-exempt: "true"\n'),
  ].join('---\n');
  assert.deepEqual(findings(text), ['43 k8s/latest-tag']);
});

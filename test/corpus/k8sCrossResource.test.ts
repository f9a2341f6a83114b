// The cross-resource Kubernetes rules over the real-world corpus (../shared/corpus/k8s), each repository folder
// taken as one workspace: no crash, findings inside their files, and what the other tools' own test fixtures say
// must fire (or must not) agrees.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintFile } from '../../server/src/engine/lint';
import { rulesById } from '../../server/src/rules';
import { pathToUri } from '../../server/src/workspace/uri';
import { walkContainerFiles } from '../../server/src/workspace/walk';
import { Workspace } from '../../server/src/workspace/workspace';
import { corpus } from '../helpers/corpus';

const RULE_IDS = [
  'k8s/selector-mismatch',
  'k8s/dangling-service',
  'k8s/dangling-reference',
  'k8s/single-replica',
  'k8s/no-anti-affinity',
  'k8s/pdb-max-unavailable',
  'k8s/pdb-min-available',
  'k8s/pdb-unhealthy-pod-eviction-policy',
];

/** Findings the fixtures of kube-linter, kube-score and Polaris are written to produce: `file:line rule`. */
const MUST_FIRE = [
  'stackrox_kube-linter/tests_checks_dangling-hpa.yml:47 k8s/dangling-reference',
  'stackrox_kube-linter/tests_checks_non-existent-service-account.yml:23 k8s/dangling-reference',
  'stackrox_kube-linter/tests_checks_run-as-non-root.yml:9 k8s/selector-mismatch',
  'zegl_kube-score/score_testdata_service-not-target-deployment.yaml:20 k8s/dangling-service',
  'zegl_kube-score/score_testdata_pod-probes-not-targeted-by-service.yaml:21 k8s/dangling-service',
  'kubernetes_examples/_archived_cockroachdb_cockroachdb-statefulset.yaml:67 k8s/pdb-min-available',
];

/** Fixtures written not to produce a finding of a rule: `file rule`. */
const MUST_NOT_FIRE = [
  'zegl_kube-score/score_testdata_service-target-pod.yaml k8s/dangling-service',
  'zegl_kube-score/score_testdata_hpa-min-replicas-ok.yaml k8s/single-replica',
  'stackrox_kube-linter/tests_checks_dangling-hpa.yml k8s/single-replica',
];

test('the cross-resource rules over every repository of the Kubernetes corpus, each a workspace', (t) => {
  const root = join(corpus, 'k8s');
  if (!existsSync(root)) {
    t.skip(`the real-world corpus is not at ${root}`);
    return;
  }
  const rules = RULE_IDS.map((id) => {
    const rule = rulesById.get(id);
    assert.ok(rule, id);
    return rule;
  });
  const found: string[] = [];
  const counts = new Map<string, number>();
  for (const repository of readdirSync(root)) {
    const workspace = new Workspace();
    const paths = [...walkContainerFiles(join(root, repository))];
    for (const path of paths) workspace.index(pathToUri(path));
    for (const path of paths) {
      const file = workspace.get(pathToUri(path));
      if (file?.kind !== 'kubernetes') continue;
      const label = `${repository}/${path.slice(join(root, repository).length + 1)}`;
      for (const finding of lintFile(file, workspace, { rules: {} }, rules)) {
        const { start, end } = finding.range;
        assert.ok(end.line < file.document.lineCount && start.line <= end.line, `${label}: ${finding.ruleId} outside the file`);
        found.push(`${label}:${start.line + 1} ${finding.ruleId}`);
        counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      }
    }
  }
  for (const expected of MUST_FIRE) assert.ok(found.includes(expected), `expected ${expected}`);
  for (const excluded of MUST_NOT_FIRE) {
    const [file, ruleId] = excluded.split(' ');
    assert.deepEqual(
      found.filter((finding) => finding.startsWith(`${file}:`) && finding.endsWith(` ${ruleId}`)),
      [],
    );
  }
  t.diagnostic(`findings: ${[...counts].map(([id, count]) => `${id} ${count}`).join(', ')}`);
});

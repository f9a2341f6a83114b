import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../server/src/rules/k8s/removed-api';
import { retiredApis } from '../../../server/src/schema/kubernetesApiVersions';
import { hasKubernetesSchema } from '../../../server/src/schema/kubernetesSchema';
import { lintCase, ruleTester } from '../../ruleTester';

const cronJob = (apiVersion: string, name = 'backup') => `apiVersion: ${apiVersion}
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: backup:1.0
`;

const deployment = (apiVersion: string, selector: string) => `apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: web
spec:
${selector}  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const pdb = 'kind: PodDisruptionBudget\nmetadata: { name: web }\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: web }\n';

ruleTester(rule, {
  valid: [
    { name: 'current apiVersions', code: `${cronJob('batch/v1')}---\n${deployment('apps/v1', '  selector:\n    matchLabels: { app: web }\n')}` },
    { name: 'a custom resource in a beta version', code: 'apiVersion: example.com/v1beta1\nkind: Widget\nmetadata: { name: w }\n' },
    {
      name: 'a kind that came back in a version once removed for others: ValidatingAdmissionPolicy in admissionregistration.k8s.io/v1beta1',
      code: 'apiVersion: admissionregistration.k8s.io/v1beta1\nkind: ValidatingAdmissionPolicy\nmetadata: { name: p }\n',
    },
    { name: 'not yet deprecated in the target version', code: cronJob('batch/v1beta1', 'old-cluster'), options: { kubernetesVersion: '1.20' } },
  ],
  invalid: [
    {
      name: 'a removed CronJob version: the apiVersion is rewritten',
      code: cronJob('batch/v1beta1'),
      errors: [{ messageId: 'removed', line: 1, column: 13, endColumn: 26, data: { kind: 'CronJob', removed: '1.25', replacement: 'batch/v1' } }],
      output: cronJob('batch/v1'),
    },
    {
      name: 'a quoted apiVersion keeps its quotes',
      code: `apiVersion: "policy/v1beta1"\n${pdb}`,
      errors: [{ messageId: 'removed', line: 1, column: 13, endColumn: 29, data: { replacement: 'policy/v1' } }],
      output: `apiVersion: "policy/v1"\n${pdb}`,
    },
    {
      name: 'an extensions/v1beta1 Deployment without selector: what apps/v1 also needs, no fix',
      code: deployment('extensions/v1beta1', ''),
      errors: [
        { messageId: 'removedWithChanges', line: 1, column: 13, data: { replacement: 'apps/v1', changes: 'spec is missing the required key "selector"' } },
      ],
      output: null,
    },
    {
      name: 'an apps/v1beta2 Deployment with a selector: rewritten (an unsafe fix: defaults changed)',
      code: deployment('apps/v1beta2', '  selector:\n    matchLabels: { app: web }\n'),
      errors: [{ messageId: 'removed', line: 1, column: 13 }],
      output: deployment('apps/v1', '  selector:\n    matchLabels: { app: web }\n'),
    },
    {
      name: 'an extensions/v1beta1 Ingress: the new backend form named',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              serviceName: web\n              servicePort: 80\n',
      errors: [
        {
          messageId: 'removedWithChanges',
          line: 1,
          column: 13,
          data: { replacement: 'networking.k8s.io/v1', changes: 'spec.rules[0].http.paths[0] is missing the required key "pathType"' },
        },
      ],
      output: null,
    },
    {
      name: 'PodSecurityPolicy: no replacement, what to do instead',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: { name: restricted }\nspec:\n  privileged: false\n',
      errors: [{ messageId: 'removedWithoutReplacement', line: 1, column: 13, data: { advice: 'Pod Security Admission' } }],
      output: null,
    },
    {
      name: 'deprecated, not yet removed in the target version: the replacement it serves',
      code: cronJob('batch/v1beta1', 'nightly'),
      options: { kubernetesVersion: '1.22' },
      errors: [{ messageId: 'deprecated', line: 1, column: 13, data: { deprecated: '1.21', removed: '1.25', replacement: 'batch/v1' } }],
      output: cronJob('batch/v1', 'nightly'),
    },
    {
      name: 'a target that does not serve the final replacement yet: the interim version',
      code: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: FlowSchema\nmetadata: { name: f }\nspec:\n  priorityLevelConfiguration: { name: global-default }\n',
      options: { kubernetesVersion: '1.27' },
      errors: [{ messageId: 'deprecated', line: 1, column: 13, data: { replacement: 'flowcontrol.apiserver.k8s.io/v1beta3' } }],
      output:
        'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: { name: f }\nspec:\n  priorityLevelConfiguration: { name: global-default }\n',
    },
    {
      name: 'the second document of a file',
      code: `${deployment('apps/v1', '  selector:\n    matchLabels: { app: web }\n')}---\napiVersion: policy/v1beta1\n${pdb}`,
      errors: [{ messageId: 'removed', line: 16, column: 13 }],
      output: `${deployment('apps/v1', '  selector:\n    matchLabels: { app: web }\n')}---\napiVersion: policy/v1\n${pdb}`,
    },
  ],
});

test('k8s/removed-api: removed is an error, deprecated a warning', () => {
  const [removed] = lintCase(rule, { code: cronJob('batch/v1beta1') });
  assert.equal(removed!.severity, 'error');
  assert.deepEqual(removed!.aliases, ['kube-score:stable-version', 'kube-linter:no-extensions-v1beta']);
  const [deprecated] = lintCase(rule, { code: cronJob('batch/v1beta1'), options: { kubernetesVersion: '1.23' } });
  assert.equal(deprecated!.severity, 'warning');
  const [unsafe] = lintCase(rule, { code: deployment('apps/v1beta1', '  selector:\n    matchLabels: { app: web }\n') });
  assert.equal(unsafe!.fixes[0]!.unsafe, true);
  assert.equal(removed!.fixes[0]!.unsafe, undefined);
});

test('every retired apiVersion and its replacement are kinds the schema knows', () => {
  for (const retired of retiredApis()) {
    assert.ok(retired.deprecated < retired.removed, `${retired.apiVersion} ${retired.kind}`);
    assert.ok(hasKubernetesSchema(retired.apiVersion, retired.kind) || retired.kind === 'ControllerRevision', `${retired.apiVersion} ${retired.kind}`);
    if (retired.replacement) assert.ok(hasKubernetesSchema(retired.replacement, retired.kind), `${retired.replacement} ${retired.kind}`);
    else assert.ok(retired.advice, `${retired.apiVersion} ${retired.kind} says what to do instead`);
    if (retired.interim) assert.ok(hasKubernetesSchema(retired.interim.apiVersion, retired.kind), `${retired.interim.apiVersion} ${retired.kind}`);
  }
});

// Cloud Run accepts no securityContext (isCloudRunService): the rules that ask for one stay silent on a Knative
// Service marked as Cloud Run's, and still speak for a Knative Service on a cluster of one's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule as netRaw } from '../../../server/src/rules/k8s/net-raw-capability';
import { rule as privilegeEscalation } from '../../../server/src/rules/k8s/privilege-escalation';
import { rule as runAsRoot } from '../../../server/src/rules/k8s/run-as-root';
import { rule as writableRootFs } from '../../../server/src/rules/k8s/writable-root-fs';
import { lintCase } from '../../ruleTester';

const service = (metadata: string, templateMetadata = '') => `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: web
${metadata}spec:
  template:
${templateMetadata}    spec:
      containers:
        - name: web
          image: example/web:1.4
`;

const CLOUD_RUN_SERVICES: Record<string, string> = {
  'a run.googleapis.com annotation on the service': service('  annotations:\n    run.googleapis.com/ingress: all\n'),
  'the cloud.googleapis.com/location label': service('  labels:\n    cloud.googleapis.com/location: europe-west1\n'),
  'a run.googleapis.com annotation on the revision template': service(
    '',
    '    metadata:\n      annotations:\n        run.googleapis.com/startup-cpu-boost: "true"\n',
  ),
};
const SELF_HOSTED = service('  labels:\n    app: web\n');

for (const rule of [netRaw, privilegeEscalation, runAsRoot, writableRootFs]) {
  test(`${rule.id} is silent on Cloud Run services and speaks for self-hosted Knative`, () => {
    for (const [name, code] of Object.entries(CLOUD_RUN_SERVICES)) assert.deepEqual(lintCase(rule, { code }), [], name);
    const findings = lintCase(rule, { code: SELF_HOSTED });
    assert.deepEqual(
      findings.map((finding) => finding.range.start),
      [{ line: 10, character: 16 }],
    );
  });
}

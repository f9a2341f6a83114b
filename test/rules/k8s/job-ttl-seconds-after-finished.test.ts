import { rule } from '../../../server/src/rules/k8s/job-ttl-seconds-after-finished';
import { ruleTester } from '../../ruleTester';

const job = (metadata: string, spec: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
${metadata}spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: example/migrate:1.0
`;

const cronJob = (jobSpec: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  successfulJobsHistoryLimit: 3
  jobTemplate:
    spec:
${jobSpec}      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - {name: job, image: "example/job:1"}
`;

ruleTester(rule, {
  valid: [
    { name: 'a Job with a TTL', code: job('', '  ttlSecondsAfterFinished: 3600\n') },
    {
      name: 'a Helm hook Job deleted by Helm',
      code: job('  annotations:\n    helm.sh/hook: pre-upgrade\n    helm.sh/hook-delete-policy: hook-succeeded\n', ''),
    },
    { name: 'a Job owned by another object', code: job('  ownerReferences:\n    - {apiVersion: example.com/v1, kind: Pipeline, name: p, uid: "1"}\n', '') },
    { name: 'a CronJob without TTL', code: cronJob('      backoffLimit: 2\n') },
    { name: 'a Job of another API group', code: job('', '').replace('batch/v1', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'a standalone Job: a TTL of a day',
      code: job('', '  backoffLimit: 1 # retries\n'),
      errors: [{ messageId: 'noTtl', line: 4, column: 9, endColumn: 16, data: { job: 'migrate' } }],
      output: job('', '  backoffLimit: 1 # retries\n').replace(
        '          image: example/migrate:1.0\n',
        '          image: example/migrate:1.0\n  ttlSecondsAfterFinished: 86400\n',
      ),
    },
    {
      name: 'a flow spec',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: "example/a:1"}]}}}\n',
      errors: [{ messageId: 'noTtl', line: 3, column: 18 }],
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: "example/a:1"}]}}, ttlSecondsAfterFinished: 86400}\n',
    },
    {
      name: 'a CronJob template with a TTL: removed',
      code: cronJob('      ttlSecondsAfterFinished: 600 # clean up\n'),
      errors: [{ messageId: 'cronJobTtl', line: 10, column: 7, endColumn: 35, data: { job: 'nightly' } }],
      output: cronJob(''),
    },
  ],
});

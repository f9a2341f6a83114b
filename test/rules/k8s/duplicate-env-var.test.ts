import { rule } from '../../../server/src/rules/k8s/duplicate-env-var';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'the same name in two containers, and in env and envFrom',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      env: [{name: MODE, value: init}]
  containers:
    - name: app
      image: example/app:1
      envFrom:
        - configMapRef: {name: app}
      env:
        - name: MODE
          value: serve
`,
    },
  ],
  invalid: [
    {
      name: 'the second of two entries, in a Deployment; a third one too',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:2.3
          env:
            - name: LOG_LEVEL
              value: info
            - name: PORT
              value: "8080"
            - name: LOG_LEVEL # left from a merge
              value: debug
            - {name: LOG_LEVEL, value: warn}
`,
      errors: [
        { messageId: 'duplicate', line: 16, column: 21, endColumn: 30, data: { container: 'api', name: 'LOG_LEVEL', firstLine: 12 } },
        { messageId: 'duplicate', line: 18, column: 22, data: { firstLine: 12 } },
      ],
    },
    {
      name: 'an env list shared through an anchor: reported once; a CronJob init container',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: a
              image: example/a:1
              env: &env
                - {name: A, value: "1"}
                - {name: A, value: "2"}
          containers:
            - name: b
              image: example/b:1
              env: *env
`,
      errors: [{ messageId: 'duplicate', line: 16, column: 26, data: { container: 'a', firstLine: 15 } }],
    },
  ],
});

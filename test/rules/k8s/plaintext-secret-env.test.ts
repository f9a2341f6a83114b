import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fixes';
import { rule } from '../../../server/src/rules/k8s/plaintext-secret-env';
import { lintCase, ruleTester } from '../../ruleTester';

/** A Deployment in namespace `shop` whose container has the env entries `env` (lines indented for list items). */
const deployment = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:2.3
          env:
${env}`;

const SECRET_REF = '            valueFrom:\n              secretKeyRef:\n                name: api-secrets\n                key: DB_PASSWORD\n';
const literalWith = (logLevel: string) =>
  deployment(`          - name: DB_PASSWORD\n            value: s3cr3t # rotate me\n          - name: LOG_LEVEL\n            value: ${logLevel}\n`);
const rewrittenWith = (logLevel: string) =>
  deployment(
    `          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: api-secrets\n                key: DB_PASSWORD # rotate me\n          - name: LOG_LEVEL\n            value: ${logLevel}\n`,
  );
const literal = literalWith('info');
const rewritten = rewrittenWith('info');
const secretFile = (name: string, entries: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: shop\ntype: Opaque\nstringData:\n${entries}`;

ruleTester(rule, {
  valid: [
    { name: 'valueFrom', code: deployment(`          - name: DB_PASSWORD\n${SECRET_REF}`) },
    {
      name: 'paths, flags, numbers, empty values, references and names that are not secrets',
      code: deployment(
        [
          '          - {name: DB_PASSWORD_FILE, value: /run/secrets/db}',
          '          - {name: TLS_KEY, value: /etc/tls/tls.key}',
          '          - {name: REDIS_PASSWORD_REQUIRED, value: "false"}',
          '          - {name: TOKEN_LIFETIME, value: "3600"}',
          '          - {name: API_TOKEN, value: ""}',
          '          - {name: DATABASE_URL_PASSWORD, value: $(DB_PASSWORD)}',
          '          - {name: GITHUB_TOKEN, value: "${GITHUB_TOKEN}"}',
          '          - {name: AUTH_METHOD, value: oidc}',
          '          - {name: POSTGRES_USER, value: app}',
          '',
        ].join('\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'a literal: rewritten to secretKeyRef, and secret.yaml created beside with the value',
      code: literal,
      errors: [
        { messageId: 'literal', line: 14, column: 13, endLine: 14, endColumn: 26, data: { name: 'DB_PASSWORD', secret: 'api-secrets', key: 'DB_PASSWORD' } },
      ],
      output: rewritten,
      createdFiles: { 'secret.yaml': secretFile('api-secrets', '  DB_PASSWORD: s3cr3t\n') },
    },
    {
      name: 'secret.yaml with another Secret gets a second document',
      code: literalWith('debug'),
      files: { 'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\nstringData:\n  A: b' },
      errors: [{ messageId: 'literal', line: 14, column: 13 }],
      output: rewrittenWith('debug'),
      editedFiles: {
        'secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\nstringData:\n  A: b\n---\n${secretFile('api-secrets', '  DB_PASSWORD: s3cr3t\n')}`,
      },
    },
    {
      name: 'secret.yaml with the Secret gets the key; a flow entry is rewritten in flow style',
      code: deployment('          - {name: STRIPE_SECRET_KEY, value: "sk_live_123"}\n'),
      files: { 'secret.yaml': secretFile('api-secrets', '  DB_PASSWORD: s3cr3t\n') },
      errors: [{ messageId: 'literal', line: 13, column: 39 }],
      output: deployment('          - {name: STRIPE_SECRET_KEY, valueFrom: { secretKeyRef: { name: api-secrets, key: STRIPE_SECRET_KEY } }}\n'),
      editedFiles: { 'secret.yaml': secretFile('api-secrets', '  DB_PASSWORD: s3cr3t\n  STRIPE_SECRET_KEY: sk_live_123\n') },
    },
    {
      name: 'secret.yaml has the key already: only the rewrite',
      code: literalWith('warn'),
      files: { 'secret.yaml': secretFile('api-secrets', '  DB_PASSWORD: other\n') },
      errors: [{ messageId: 'literal', line: 14, column: 13 }],
      output: rewrittenWith('warn'),
    },
    {
      name: 'a block scalar value in an init container of a CronJob; CRLF kept',
      code: 'apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n  name: backup\r\nspec:\r\n  schedule: "@daily"\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n            - name: keys\r\n              image: example/keys:1\r\n              env:\r\n                - name: SSH_PRIVATE_KEY\r\n                  value: |\r\n                    -----BEGIN KEY-----\r\n                    abc\r\n                - name: HOME\r\n                  value: /root\r\n',
      errors: [{ messageId: 'literal', line: 16, column: 19 }],
      output:
        'apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n  name: backup\r\nspec:\r\n  schedule: "@daily"\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n            - name: keys\r\n              image: example/keys:1\r\n              env:\r\n                - name: SSH_PRIVATE_KEY\r\n                  valueFrom:\r\n                    secretKeyRef:\r\n                      name: backup-secrets\r\n                      key: SSH_PRIVATE_KEY\r\n                - name: HOME\r\n                  value: /root\r\n',
      createdFiles: {
        'secret.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: backup-secrets\ntype: Opaque\nstringData:\n  SSH_PRIVATE_KEY: "-----BEGIN KEY-----\\nabc\\n"\n',
      },
    },
    {
      name: 'an env list shared through an anchor: reported once where it is written',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: example/a:1
      env: &env
        - name: API_KEY
          value: abc123
    - name: b
      image: example/b:1
      env: *env
`,
      errors: [{ messageId: 'literal', line: 11, column: 11, data: { container: 'a', secret: 'p-secrets' } }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: example/a:1
      env: &env
        - name: API_KEY
          valueFrom:
            secretKeyRef:
              name: p-secrets
              key: API_KEY
    - name: b
      image: example/b:1
      env: *env
`,
      createdFiles: { 'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: p-secrets\ntype: Opaque\nstringData:\n  API_KEY: abc123\n' },
    },
  ],
});

test('k8s/plaintext-secret-env: the other fixes add the Secret to this file, or only rewrite the value', () => {
  const [finding] = lintCase(rule, { code: literal });
  assert.ok(finding);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    [
      'Take DB_PASSWORD from Secret "api-secrets" (key DB_PASSWORD) and create secret.yaml with its current value',
      'Take DB_PASSWORD from Secret "api-secrets" (key DB_PASSWORD) and add the Secret to this file with its current value',
      'Take DB_PASSWORD from Secret "api-secrets" (key DB_PASSWORD)',
    ],
  );
  assert.ok(finding.fixes.every((fix) => fix.unsafe));
  const sameFile = applyEdits(literal, finding.fixes[1]!.edits);
  assert.equal(sameFile, `${rewritten}---\n${secretFile('api-secrets', '  DB_PASSWORD: s3cr3t\n')}`);
  assert.deepEqual(lintCase(rule, { code: sameFile }), []);
  assert.equal(applyEdits(literal, finding.fixes[2]!.edits), rewritten);

  // A second variable of the same workload then goes into the Secret this file now has.
  const twice = sameFile.replace('          - name: LOG_LEVEL\n            value: info\n', '          - name: JWT_SECRET\n            value: "x:y"\n');
  const [second] = lintCase(rule, { code: twice });
  assert.ok(second);
  const fixed = applyEdits(twice, second.fixes[1]!.edits);
  assert.ok(fixed.endsWith('stringData:\n  DB_PASSWORD: s3cr3t\n  JWT_SECRET: x:y\n'), fixed);
  assert.deepEqual(lintCase(rule, { code: fixed }), []);
});

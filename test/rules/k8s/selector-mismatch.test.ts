import { rule } from '../../../server/src/rules/k8s/selector-mismatch';
import { ruleTester } from '../../ruleTester';

const deployment = (selector: string, labels: string, apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: web
          image: web:1.0
`;

const replicationController = (selector: string) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: web
spec:
  selector: ${selector}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

ruleTester(rule, {
  valid: [
    deployment('    matchLabels:\n      app: web', '        app: web\n        tier: front'),
    {
      name: 'matchExpressions that hold',
      code: deployment(
        '    matchExpressions:\n      - {key: app, operator: In, values: [web, api]}\n      - {key: legacy, operator: DoesNotExist}\n      - {key: tier, operator: Exists}',
        '        app: web\n        tier: front',
      ),
    },
    { name: 'numbers compare as written', code: deployment('    matchLabels:\n      version: 2', '        version: "2"') },
    { name: 'a ReplicationController selects with a plain map', code: replicationController('{app: web}') },
    { name: 'extensions/v1beta1 defaulted the selector', code: deployment('    {}', '        app: web', 'extensions/v1beta1') },
    {
      name: 'an operator it does not know is left alone',
      code: deployment('    matchExpressions:\n      - {key: app, operator: Like, values: [w]}', '        app: web'),
    },
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec:\n  template:\n    spec:\n      containers: [{name: job, image: job:1.0}]\n      restartPolicy: Never\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: web, image: web:1.0}]\n',
  ],
  invalid: [
    {
      name: 'a different value',
      code: deployment('    matchLabels:\n      app: web', '        app: webapp'),
      errors: [{ messageId: 'label', line: 8, column: 7, endColumn: 15, data: { requirement: 'app=web', actual: 'app=webapp' } }],
    },
    {
      name: 'a label the template lacks, in flow style, among ones it has',
      code: deployment('    matchLabels: {app: web, tier: front}', '        app: web'),
      errors: [{ messageId: 'label', line: 7, column: 29, data: { actual: 'no "tier" label' } }],
    },
    {
      name: 'an expression that does not hold',
      code: deployment('    matchExpressions:\n      - {key: env, operator: NotIn, values: [dev]}', '        app: web\n        env: dev'),
      errors: [{ messageId: 'expression', line: 8, column: 9, data: { requirement: 'env notin (dev)', actual: 'app=web,env=dev' } }],
    },
    {
      name: 'an empty apps/v1 selector',
      code: deployment('    {}', '        app: web'),
      errors: [{ messageId: 'empty', line: 6, column: 3 }],
    },
    {
      name: 'a template without labels',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    spec:\n      containers: [{name: db, image: db:1.0}]\n',
      errors: [{ messageId: 'label', line: 5, column: 28 }],
    },
    {
      name: 'a ReplicationController',
      code: replicationController('{app: api}'),
      errors: [{ messageId: 'label', line: 6, column: 14 }],
    },
  ],
});

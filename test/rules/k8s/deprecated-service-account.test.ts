import { rule } from '../../../server/src/rules/k8s/deprecated-service-account';
import { ruleTester } from '../../ruleTester';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${spec}      containers:
        - name: web
          image: example/web:1.4
`;

ruleTester(rule, {
  valid: [deployment('      serviceAccountName: web\n'), deployment('')],
  invalid: [
    {
      name: 'renamed, comment kept',
      code: deployment("      serviceAccount: web # the app's account\n"),
      errors: [{ messageId: 'deprecated', line: 10, column: 7, endColumn: 21, data: { workload: 'Deployment "web"' } }],
      output: deployment("      serviceAccountName: web # the app's account\n"),
    },
    {
      name: 'an empty serviceAccountName beside it goes',
      code: deployment('      serviceAccountName: ""\n      serviceAccount: web\n'),
      errors: [{ messageId: 'deprecated', line: 11, column: 7 }],
      output: deployment('      serviceAccountName: web\n'),
    },
    {
      name: 'the same account twice: the deprecated one goes',
      code: deployment('      serviceAccount: web\n      serviceAccountName: web\n'),
      errors: [{ messageId: 'redundant', line: 10, column: 7 }],
      output: deployment('      serviceAccountName: web\n'),
    },
    {
      name: 'two different accounts: the pod runs as serviceAccountName',
      code: deployment('      serviceAccountName: web\n      serviceAccount: admin\n'),
      errors: [{ messageId: 'conflicting', line: 11, column: 7, data: { deprecated: 'admin', current: 'web' } }],
      output: deployment('      serviceAccountName: web\n'),
    },
    {
      name: 'flow style Pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {serviceAccount: p, containers: [{name: c, image: "x:1"}]}\n',
      errors: [{ messageId: 'deprecated', line: 4, column: 8 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {serviceAccountName: p, containers: [{name: c, image: "x:1"}]}\n',
    },
  ],
});

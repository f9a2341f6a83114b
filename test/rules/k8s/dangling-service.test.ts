import { rule } from '../../../server/src/rules/k8s/dangling-service';
import { ruleTester } from '../../ruleTester';

const service = (selector: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${extra}spec:
  selector: ${selector}
  ports:
    - port: 80
`;

const deployment = (labels: string, namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

/** The same Service, told apart by a comment naming the case (the tester refuses duplicate cases). */
const described = (what: string, selector: string) => `# ${what}\n${service(selector)}`;

ruleTester(rule, {
  valid: [
    {
      name: 'pods of a Deployment in another file',
      code: described('pods of a Deployment in another file', '{app: web}'),
      files: { 'deployment.yaml': deployment('{app: web, tier: front}') },
    },
    { name: 'pods of a Deployment in the same file', code: `${service('{app: web}')}---\n${deployment('{app: web}')}` },
    {
      name: 'a bare Pod',
      code: described('a bare Pod', '{app: web}'),
      files: { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers: [{name: c, image: c:1}]\n' },
    },
    {
      name: 'pods of a controller the model does not know (Argo Rollout)',
      code: described('pods of a controller the model does not know (Argo Rollout)', '{app: web}'),
      files: {
        'rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n',
      },
    },
    {
      name: 'a Service without namespace meets pods of any',
      code: described('a Service without namespace meets pods of any', '{app: web}'),
      files: { 'deployment.yaml': deployment('{app: web}', 'shop') },
    },
    {
      name: 'the workspace has no workload at all',
      code: described('the workspace has no workload at all', '{app: web}'),
      files: { 'other.yaml': service('{app: api}') },
    },
    {
      name: 'an ExternalName Service',
      code: described('an ExternalName Service', '{app: api}').replace('spec:\n', 'spec:\n  type: ExternalName\n  externalName: api.example.com\n'),
      files: { 'deployment.yaml': deployment('{app: web}') },
    },
    {
      name: 'no selector: endpoints come from elsewhere',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: [{port: 5432}]\n',
      files: { 'deployment.yaml': deployment('{app: web}') },
    },
    { name: 'a value filled in later', code: described('a value filled in later', '{app: "${APP}"}'), files: { 'deployment.yaml': deployment('{app: web}') } },
    {
      name: 'pods an operator makes for a custom resource named by the selector',
      code: described('pods an operator makes for a custom resource named by the selector', '{prometheus: main}'),
      files: {
        'deployment.yaml': deployment('{app: web}'),
        'prometheus.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: main}\nspec: {replicas: 2}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'of workloads as close, the first by file, kind and name is named, whatever order the workspace index holds them in',
      code: service('{app: web, tier: edge}'),
      files: {
        'z-deployment.yaml': deployment('{app: web, tier: batch}').replace('name: web', 'name: alpha'),
        'b-deployment.yaml': deployment('{app: web, tier: back}'),
      },
      errors: [
        { messageId: 'nearest', line: 6, column: 3, endColumn: 11, data: { selector: 'app=web,tier=edge', workload: 'web', labels: 'app=web,tier=back' } },
      ],
    },
    {
      name: 'labels changed on one side: the closest workload is named',
      code: service('{app: web, tier: front}'),
      files: { 'deployment.yaml': deployment('{app: web, tier: back}') },
      errors: [
        { messageId: 'nearest', line: 6, column: 3, endColumn: 11, data: { selector: 'app=web,tier=front', workload: 'web', labels: 'app=web,tier=back' } },
      ],
    },
    {
      name: 'nothing comes close',
      code: service('{app: api}'),
      files: { 'deployment.yaml': deployment('{app: web}') },
      errors: [{ messageId: 'none', line: 6, column: 3, data: { selector: 'app=api' } }],
    },
    {
      name: 'the pods are in another namespace',
      code: service('{app: web}', '  namespace: shop\n'),
      files: { 'deployment.yaml': deployment('{app: web}', 'staging') },
      errors: [{ messageId: 'otherNamespace', line: 7, column: 3, data: { namespace: 'shop', otherNamespace: 'staging' } }],
    },
    {
      name: 'a block selector, in the second document',
      code: `${deployment('{app: web}')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n`,
      errors: [{ messageId: 'none', line: 19, column: 3 }],
    },
  ],
});

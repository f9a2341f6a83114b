import { imageEntry } from '../../../server/src/knowledge/images';
import { rule } from '../../../server/src/rules/k8s/latest-tag';
import { ruleTester } from '../../ruleTester';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
`;

const cronJob = `apiVersion: v1
kind: Service
metadata:
  name: svc
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: prepare
              image: busybox
          containers:
            - name: job
              image: alpine:3.20
`;

ruleTester(rule, {
  valid: [
    deployment('nginx:1.27'),
    deployment('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    deployment('registry.example.com:5000/team/web:2.1.0'),
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  image: nginx:latest\n' },
    {
      name: 'a skaffold artifact: skaffold tags it when it deploys',
      code: deployment('registry.example.com/shop/api'),
      files: {
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: registry.example.com/shop/api\n      context: api\n',
      },
    },
    {
      name: 'a kustomize images: entry: kustomize sets the tag',
      code: deployment('shop/web:latest'),
      files: {
        'kustomization.yaml': 'resources: [manifest.yaml]\nimages:\n  - name: shop/web\n    newName: registry.example.com/shop/web\n    newTag: 1.4.0\n',
      },
    },
    {
      name: 'a compose service with build and image names it',
      code: deployment('docker.io/library/myapp'),
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    image: myapp\n' },
    },
  ],
  invalid: [
    {
      code: deployment('nginx:latest'),
      errors: [{ messageId: 'latest', line: 14, column: 18, endColumn: 30, data: { container: 'web' } }],
      output: deployment(`nginx:${imageEntry({ repository: 'nginx' })!.tags[0]}`),
    },
    {
      name: 'the workspace builds an image of another name: skaffold replaces only the name as written',
      code: deployment('docker.io/library/api'),
      files: { 'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n' },
      errors: [{ messageId: 'untagged', line: 14, column: 18 }],
      output: null,
    },
    {
      name: 'a compose service with image but no build is pulled, not built',
      code: deployment('redis:latest'),
      files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:latest\n' },
      errors: [{ messageId: 'latest', line: 14, column: 18 }],
      output: deployment(`redis:${imageEntry({ repository: 'redis' })!.tags[0]}`),
    },
    {
      name: 'untagged',
      code: deployment('nginx'),
      errors: [{ messageId: 'untagged', line: 14, column: 18 }],
      output: deployment(`nginx:${imageEntry({ repository: 'nginx' })!.tags[0]}`),
    },
    {
      name: 'an image the table does not know gets no fix',
      code: deployment('registry.example.com/team/web'),
      errors: [{ messageId: 'untagged', line: 14, column: 18 }],
      output: null,
    },
    {
      name: 'CronJob init container in the second document',
      code: cronJob,
      errors: [{ messageId: 'untagged', line: 18, column: 22 }],
      output: cronJob.replace('image: busybox', `image: busybox:${imageEntry({ repository: 'busybox' })!.tags[0]}`),
    },
    {
      name: 'bare Pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: "redis:latest"\n',
      errors: [{ messageId: 'latest', line: 8, column: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: "redis:' +
        imageEntry({ repository: 'redis' })!.tags[0] +
        '"\n',
    },
  ],
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../server/src/rules/k8s/image-runs-as-root';
import { API_IMAGE, COMPOSE, pod, skaffold } from '../../helpers/crossKind';
import { lintCase, ruleTester } from '../../ruleTester';

const MANIFEST = 'k8s/api.yaml';
const ROOT_USER = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n';
const TWO_STAGES = 'FROM node:22 AS dev\nCMD ["npm", "run", "dev"]\n\nFROM node:22-slim AS prod\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a numeric non-root USER',
      code: pod(API_IMAGE, { container: 'numeric' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM node:22-slim\nUSER 10001\n' },
    },
    {
      name: 'a named non-root USER',
      code: pod(`${API_IMAGE}:1.0`, { container: 'named' }),
      filename: MANIFEST,
      files: { 'compose.yaml': COMPOSE, 'api/Dockerfile': 'FROM node:22-slim\nUSER node\n' },
    },
    {
      name: 'the pod sets a non-root runAsUser',
      code: pod(API_IMAGE, { container: 'pod-uid', podSecurity: 'runAsUser: 10001' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': ROOT_USER },
    },
    {
      name: 'runAsNonRoot with USER root: the kubelet reports a name, k8s/run-as-non-root-named-user says so',
      code: pod(API_IMAGE, { container: 'named-root', containerSecurity: 'runAsNonRoot: true' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': ROOT_USER },
    },
    {
      name: 'no USER on a base image the table does not know: it may set its own',
      code: pod(API_IMAGE, { container: 'unknown-base' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM registry.example.com/base/node:22\nCOPY . .\n' },
    },
    {
      name: 'no USER on a base image that runs as non-root',
      code: pod(API_IMAGE, { container: 'nonroot-base' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY . /app\n' },
    },
    {
      name: 'the target stage sets a non-root USER; the stage before it does not matter',
      code: pod(API_IMAGE, { container: 'target' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold({ target: 'prod' }), 'api/Dockerfile': TWO_STAGES },
    },
    {
      name: 'an image the workspace does not build',
      code: pod('nginx:1.29', { container: 'other' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': ROOT_USER },
    },
    {
      name: 'skaffold matches the name as written: docker.io/library/api is not its artifact api',
      code: pod('docker.io/library/api:1.0', { container: 'as-written' }),
      filename: MANIFEST,
      files: {
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n      context: api\n',
        'api/Dockerfile': ROOT_USER,
      },
    },
    {
      name: 'kustomize retags without a Dockerfile',
      code: pod(API_IMAGE, { container: 'kustomize' }),
      filename: MANIFEST,
      files: { 'k8s/kustomization.yaml': `images:\n  - name: ${API_IMAGE}\n    newTag: "1.4"\n`, 'api/Dockerfile': ROOT_USER },
    },
    {
      name: 'two Dockerfiles build the same image name: the link is left unknown',
      code: pod(API_IMAGE, { container: 'ambiguous' }),
      filename: MANIFEST,
      files: {
        'skaffold.yaml': skaffold(),
        'api/Dockerfile': ROOT_USER,
        'skaffold-tools.yaml': skaffold({ dockerfile: '../tools/Dockerfile' }),
        'tools/Dockerfile': 'FROM node:22-slim\nUSER node\n',
      },
    },
    { name: 'the Dockerfile is missing', code: pod(API_IMAGE, { container: 'missing' }), filename: MANIFEST, files: { 'skaffold.yaml': skaffold() } },
    {
      name: 'a USER from a build argument',
      code: pod(API_IMAGE, { container: 'variable' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM node:22\nARG UID=0\nUSER ${UID}\n' },
    },
  ],
  invalid: [
    {
      name: 'skaffold builds the image from a Dockerfile ending with USER root',
      code: pod(`${API_IMAGE}:1.4.0`),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': ROOT_USER },
      errors: [
        {
          messageId: 'root',
          line: 8,
          column: 14,
          endColumn: 49,
          data: { container: 'api', dockerfile: '../api/Dockerfile', builtBy: '../skaffold.yaml', reason: 'ends with USER root (line 4)' },
        },
      ],
    },
    {
      name: 'a compose build+image pair, no USER on node:22',
      code: pod(API_IMAGE, { container: 'compose' }),
      filename: MANIFEST,
      files: { 'compose.yaml': COMPOSE, 'api/Dockerfile': 'FROM node:22\nCOPY . .\nCMD ["node", "server.js"]\n' },
      errors: [
        {
          messageId: 'root',
          line: 8,
          column: 14,
          data: { dockerfile: '../api/Dockerfile', reason: 'sets no USER and its base image node:22 (line 1) runs as root' },
        },
      ],
    },
    {
      name: 'compose names myapp, the manifest docker.io/library/myapp',
      code: pod('docker.io/library/myapp:2.0', { container: 'myapp' }),
      filename: 'deploy.yaml',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    image: myapp\n', Dockerfile: 'FROM python:3.13-slim\nUSER 0:0\n' },
      errors: [{ messageId: 'root', line: 8, column: 14, data: { dockerfile: 'Dockerfile', builtBy: 'compose.yaml', reason: 'ends with USER 0:0 (line 2)' } }],
    },
    {
      name: 'the target stage runs as root though the last stage does not',
      code: pod(API_IMAGE, { container: 'dev' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold({ target: 'dev' }), 'api/Dockerfile': TWO_STAGES },
      errors: [{ messageId: 'root', line: 8, column: 14, data: { reason: 'sets no USER and its base image node:22 (line 1) runs as root' } }],
    },
    {
      name: 'runAsNonRoot: false says nothing',
      code: pod(API_IMAGE, { container: 'false', podSecurity: 'runAsNonRoot: false' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold({ dockerfile: 'Containerfile' }), 'api/Containerfile': ROOT_USER },
      errors: [{ messageId: 'root', line: 10, column: 14, data: { dockerfile: '../api/Containerfile' } }],
    },
    {
      name: 'runAsNonRoot: true with USER 0: the kubelet refuses to start it',
      code: pod(API_IMAGE, { container: 'uid0', podSecurity: 'runAsNonRoot: true' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM alpine:3.22\nUSER 0\n' },
      errors: [{ messageId: 'refused', line: 10, column: 14, data: { reason: 'ends with USER 0 (line 2)' } }],
    },
    {
      name: 'runAsNonRoot: true with no USER on a root base image: refused too',
      code: pod(API_IMAGE, { container: 'nouser', containerSecurity: 'runAsNonRoot: true' }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM python:3.13-slim\nCOPY . /app\n' },
      errors: [{ messageId: 'refused', line: 8, column: 14, data: { reason: 'sets no USER and its base image python:3.13-slim (line 1) runs as root' } }],
    },
    {
      name: 'every workload kind: a CronJob init container in the second document',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: migrate\n              image: ${API_IMAGE}\n          containers:\n            - name: job\n              image: busybox:1.37\n`,
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold(), 'api/Dockerfile': ROOT_USER },
      errors: [{ messageId: 'root', line: 18, column: 22, data: { container: 'migrate' } }],
    },
  ],
});

test('k8s/image-runs-as-root: the refused start is an error, the plain case a warning', () => {
  const files = { 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM alpine:3.22\nUSER 0\n' };
  const severities = (code: string) => lintCase(rule, { code, filename: MANIFEST, files }).map((finding) => finding.severity);
  assert.deepEqual(severities(pod(API_IMAGE, { podSecurity: 'runAsNonRoot: true' })), ['error']);
  assert.deepEqual(severities(pod(API_IMAGE)), ['warning']);
});

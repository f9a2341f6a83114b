import { rule } from '../../../server/src/rules/dockerfile/missing-healthcheck';
import { ruleTester } from '../../ruleTester';

const TIMING = 'HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.29\nHEALTHCHECK CMD curl -fsS http://127.0.0.1/ || exit 1\n',
    { name: 'HEALTHCHECK NONE is a deliberate choice', code: 'FROM alpine:3.22\nHEALTHCHECK NONE\n' },
    {
      name: 'inherited from the stage built on',
      code: 'FROM node:22 AS base\nHEALTHCHECK CMD ["node", "-e", "process.exit(0)"]\nFROM base\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a scratch stage of files only, exported and never run',
      code: 'FROM alpine:3.22 AS certs\nRUN apk add --no-cache openssl && openssl req -x509 -nodes -subj /CN=test -keyout /key.pem -out /cert.pem\nFROM scratch\nCOPY --from=certs /key.pem /cert.pem /\n',
    },
    { name: 'a worker without a port or a server command', code: 'FROM node:24-slim\nCMD ["node", "worker.js"]\n' },
    { name: 'a test runner image', code: 'FROM python:3.13\nWORKDIR /src\nRUN pip install --no-cache-dir pytest\nENTRYPOINT ["pytest"]\n' },
    { name: 'cypress run through npx', code: 'FROM cypress/included:14.5.0\nWORKDIR /e2e\nCOPY . .\nCMD ["npx", "cypress", "run"]\n' },
    {
      name: 'a code generator',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler\nENTRYPOINT ["protoc"]\n',
    },
    { name: 'npm test', code: 'FROM node:24\nWORKDIR /app\nCOPY . .\nCMD ["npm", "test"]\n' },
    {
      name: 'a base image that starts nothing',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\n',
    },
    {
      name: 'Kubernetes probes the image a compose service builds from this Dockerfile',
      code: 'FROM node:24-slim\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: registry.example.com/shop/web\n',
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/shop/web:1.4.2\n          readinessProbe:\n            httpGet: {path: /healthz, port: 3000}\n',
      },
    },
    { name: 'build stages never need one', code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nHEALTHCHECK CMD ["/app", "health"]\n' },
  ],
  invalid: [
    {
      name: 'node: probe with fetch on the first exposed port',
      code: 'FROM node:22-slim\nEXPOSE 3000 9229\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 5 }],
      output: `FROM node:22-slim\nEXPOSE 3000 9229\n${TIMING}\n  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'python: urllib, since slim images have no HTTP client',
      code: 'FROM python:3.12-slim\nEXPOSE 8000/tcp\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: `FROM python:3.12-slim\nEXPOSE 8000/tcp\n${TIMING}\n  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=2)"]\nCMD ["gunicorn", "app:app"]\n`,
    },
    {
      name: 'alpine: BusyBox wget; UDP ports are skipped',
      code: 'FROM alpine:3.22\nEXPOSE 53/udp 8080\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: `FROM alpine:3.22\nEXPOSE 53/udp 8080\n${TIMING}\n  CMD wget -q --spider http://127.0.0.1:8080/ || exit 1\nENTRYPOINT ["/app"]\n`,
    },
    {
      name: 'a curl the Dockerfile installs',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nEXPOSE 80\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: `FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nEXPOSE 80\n${TIMING}\n  CMD curl -fsS -o /dev/null http://127.0.0.1:80/ || exit 1\n`,
    },
    {
      name: 'a full language image ships curl; a port range probes its first port',
      code: 'FROM golang:1.25\nEXPOSE 8080-8082\nCMD ["/go/bin/app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: `FROM golang:1.25\nEXPOSE 8080-8082\n${TIMING}\n  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/ || exit 1\nCMD ["/go/bin/app"]\n`,
    },
    {
      name: 'an EXPOSE in the stage built on counts',
      code: 'FROM registry.access.redhat.com/ubi9/ubi:9.6 AS base\nEXPOSE 8443\nFROM base\nCMD ["/srv/app"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 1 }],
      output: `FROM registry.access.redhat.com/ubi9/ubi:9.6 AS base\nEXPOSE 8443\nFROM base\n${TIMING}\n  CMD curl -fsS -o /dev/null http://127.0.0.1:8443/ || exit 1\nCMD ["/srv/app"]\n`,
    },
    {
      name: 'a server command without EXPOSE: no port to probe, so no fix',
      code: 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: null,
    },
    {
      name: 'a server program behind an entrypoint script',
      code: 'FROM python:3.13-slim\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: null,
    },
    {
      name: 'a slim Debian image has neither curl nor wget',
      code: 'FROM debian:bookworm-slim\nEXPOSE 8080\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: null,
    },
    {
      name: 'distroless has no shell or client: the message suggests the orchestrator probes',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noProbeTool', line: 1, column: 1, data: { image: 'gcr.io/distroless/static-debian12:nonroot' } }],
      output: null,
    },
    {
      name: 'a Kubernetes workload that runs the image without a probe does not count',
      code: 'FROM node:24-slim\nEXPOSE 3000\nCMD ["node", "server.mjs"]\n',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: registry.example.com/shop/web\n',
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/shop/web:1.4.2\n',
      },
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: `FROM node:24-slim\nEXPOSE 3000\n${TIMING}\n  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["node", "server.mjs"]\n`,
    },
    {
      name: 'a variable port cannot be probed',
      code: 'FROM node:22\nARG PORT=3000\nEXPOSE ${PORT}\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: null,
    },
  ],
});

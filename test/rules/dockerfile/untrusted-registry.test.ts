import { rule } from '../../../server/src/rules/dockerfile/untrusted-registry';
import { ruleTester } from '../../ruleTester';

const trusted = (...registries: string[]) => ({ trustedRegistries: registries });

ruleTester(rule, {
  valid: [
    { name: 'no trustedRegistries configured: never fires', code: 'FROM quay.io/acme/other:1\n' },
    { name: 'an empty list restricts nothing, as in hadolint', code: 'FROM alpine:3.22\nCOPY --from=busybox /bin/busybox /bin/\n', options: trusted() },
    { name: 'a trusted registry', code: 'FROM registry.example.com/base/node:22\n', options: trusted('registry.example.com') },
    {
      name: 'Docker Hub images count as docker.io',
      code: 'FROM node:22\nFROM library/alpine:3.22\nFROM docker.io/bitnami/redis:8\n',
      options: trusted('docker.io'),
    },
    { name: 'hub.docker.com means Docker Hub too', code: 'FROM python:3.12\n', options: trusted('hub.docker.com') },
    { name: 'a wildcard', code: 'FROM eu.gcr.io/acme/app:1\nFROM us.gcr.io/acme/app:1\n', options: trusted('*.gcr.io') },
    { name: 'scratch and stages are not pulled', code: 'FROM ghcr.io/acme/build:1 AS build\nFROM build AS test\nFROM scratch\n', options: trusted('ghcr.io') },
    { name: 'an unresolved variable is not judged', code: 'ARG BASE\nFROM ${BASE}\n', options: trusted('ghcr.io') },
    {
      name: 'COPY --from a stage',
      code: 'FROM ghcr.io/acme/build:1 AS build\nFROM ghcr.io/acme/run:1\nCOPY --from=build /a /a\n',
      options: trusted('ghcr.io'),
    },
    { name: 'registry names compare case-insensitively', code: 'FROM GHCR.io/acme/app:1\n', options: trusted('ghcr.IO') },
  ],
  invalid: [
    {
      code: 'FROM quay.io/acme/app:1\n',
      options: trusted('ghcr.io', 'docker.io'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 24, data: { registry: 'quay.io', trusted: 'ghcr.io, docker.io' } }],
    },
    {
      name: 'a Docker Hub image when only a private registry is trusted',
      code: 'FROM node:22\n',
      options: trusted('registry.example.com'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, data: { image: 'node:22', registry: 'docker.io' } }],
    },
    {
      name: 'a wildcard needs a subdomain',
      code: 'FROM gcr.io/acme/app:1\n',
      options: trusted('*.gcr.io'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, data: { registry: 'gcr.io' } }],
    },
    {
      name: 'an image from an ARG default',
      code: 'ARG BASE=quay.io/acme/app:1\nFROM ${BASE}\n',
      options: trusted('ghcr.io'),
      errors: [{ messageId: 'untrusted', line: 2, column: 6, data: { image: 'quay.io/acme/app:1' } }],
    },
    {
      name: 'COPY --from an image, tagged or bare',
      code: 'FROM ghcr.io/acme/run:1\nCOPY --from=quay.io/acme/tools:2 /bin/tool /bin/\nCOPY --from=busybox /bin/busybox /bin/\n',
      options: trusted('ghcr.io'),
      errors: [
        { messageId: 'untrusted', line: 2, column: 13, data: { registry: 'quay.io' } },
        { messageId: 'untrusted', line: 3, column: 13, data: { registry: 'docker.io' } },
      ],
    },
  ],
});

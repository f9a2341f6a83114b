import { rule } from '../../../server/src/rules/dockerfile/invalid-default-arg-in-from';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'ARG TAG=3.20\nFROM alpine:${TAG}\n',
    { name: 'no variables', code: 'FROM alpine:3.20\n' },
    { name: 'a default inside the reference', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'defaults built from other ARGs', code: 'ARG REGISTRY=ghcr.io\nARG IMAGE=$REGISTRY/acme/app:1.0\nFROM $IMAGE\n' },
    { name: 'platform ARGs', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5 AS xx\nFROM golang:1.23-$TARGETOS\n' },
    {
      name: 'defaults the substitution cannot evaluate are not judged',
      code: 'ARG ARCH=${TARGETPLATFORM#linux/}\nARG FLAVOR=${ARCH:-"default"}\nFROM exit-${FLAVOR}\n',
    },
    { name: 'an undeclared ARG is another rule', code: 'FROM alpine:$UNDECLARED\n' },
    { name: 'a registry with a port and a digest', code: `ARG DIGEST=sha256:${'a'.repeat(64)}\nFROM localhost:5000/team/app@\${DIGEST}\n` },
  ],
  invalid: [
    {
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [{ messageId: 'invalid', line: 2, column: 6, endLine: 2, endColumn: 20, data: { resolved: 'busybox:' } }],
    },
    {
      name: 'an image name with no default',
      code: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE AS base\n',
      errors: [{ messageId: 'empty', line: 2, column: 6, data: { written: '$BASE_IMAGE' } }],
    },
    {
      name: 'an uppercase repository',
      code: 'ARG NAME=MyImage\nFROM ${NAME}:1\n',
      errors: [{ messageId: 'invalid', line: 2, column: 6, data: { resolved: 'MyImage:1' } }],
    },
  ],
});

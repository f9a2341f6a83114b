import { rule } from '../../../server/src/rules/dockerfile/untagged-image';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22-alpine\n',
    'FROM node:latest\n',
    { name: 'a digest pins the image without a tag', code: 'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    'FROM scratch\nCOPY app /app\n',
    { name: 'a stage reference is not an image', code: 'FROM golang:1.25 AS builder\nFROM builder\n' },
    { name: 'stage names compare case-insensitively', code: 'FROM golang:1.25 AS Builder\nFROM builder\n' },
    { name: 'the tag comes from an ARG default', code: 'ARG VERSION=3.12\nFROM python:${VERSION}\n' },
    { name: 'the whole reference comes from an ARG default', code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' },
    { name: 'an ARG without default cannot be judged', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'a registry port is not a tag', code: 'FROM localhost:5000/team/app:2.1\n' },
  ],
  invalid: [
    {
      code: 'FROM node\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 10, data: { image: 'node', suggestion: '24' } }],
      output: 'FROM node:24\n',
    },
    {
      name: 'the stage name and flags stay in place',
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM alpine:3.22\n',
      errors: [{ messageId: 'untagged', line: 1, column: 32, endColumn: 38 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nFROM alpine:3.22\n',
    },
    {
      name: 'an image the table does not know',
      code: 'FROM ghcr.io/acme/runtime\n',
      errors: [{ messageId: 'untaggedUnknown', line: 1, column: 6, data: { image: 'ghcr.io/acme/runtime' } }],
      output: null,
    },
    {
      name: 'a registry with a port',
      code: 'FROM localhost:5000/app\n',
      errors: [{ messageId: 'untaggedUnknown', line: 1, column: 6, endColumn: 24 }],
      output: null,
    },
    {
      name: 'an untagged ARG default is reported at the FROM but not rewritten',
      code: 'ARG BASE=debian\nFROM ${BASE}\n',
      errors: [{ messageId: 'untagged', line: 2, column: 6, data: { image: 'debian', suggestion: 'trixie' } }],
      output: null,
    },
    {
      name: 'an ARG default empty after substitution is still untagged',
      code: 'ARG TAG=\nFROM ubuntu${TAG:+:}${TAG}\n',
      errors: [{ messageId: 'untagged', line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'every stage is checked',
      code: 'FROM python AS build\nFROM docker.io/library/python\n',
      errors: [
        { messageId: 'untagged', line: 1, column: 6 },
        { messageId: 'untagged', line: 2, column: 6 },
      ],
      output: 'FROM python:3.14 AS build\nFROM docker.io/library/python:3.14\n',
    },
  ],
});

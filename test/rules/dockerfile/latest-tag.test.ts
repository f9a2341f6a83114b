import { rule } from '../../../server/src/rules/dockerfile/latest-tag';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20-alpine\n',
    'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM node\n',
    'FROM scratch\n',
    'FROM node:20 AS latest\nFROM latest\n',
    { name: 'ARG default with a concrete tag', code: 'ARG TAG=20\nFROM node:${TAG}\n' },
    { name: 'ARG without default is unknown', code: 'ARG TAG\nFROM node:${TAG}\n' },
    'FROM localhost:5000/app:1.2\n',
  ],
  invalid: [
    {
      name: 'the newest known tag is offered first',
      code: 'FROM node:latest\n',
      errors: [{ messageId: 'latest', line: 1, column: 11, endLine: 1, endColumn: 17, data: { image: 'node:latest' } }],
      output: 'FROM node:24\n',
    },
    {
      name: 'an image the table does not know gets no tag to pin',
      code: 'FROM ghcr.io/org/app:latest AS build\nFROM alpine:3.20\n',
      errors: [{ messageId: 'latest', line: 1, column: 22 }],
      output: null,
    },
    {
      name: 'latest from an ARG default is reported but not rewritten',
      code: 'ARG BASE=node:latest\nFROM ${BASE}\n',
      errors: [{ messageId: 'latest', line: 2, column: 6, endColumn: 13 }],
      output: null,
    },
    {
      name: 'every stage',
      code: 'FROM golang:latest AS build\nFROM alpine:latest\n',
      errors: [
        { messageId: 'latest', line: 1, column: 13 },
        { messageId: 'latest', line: 2, column: 13 },
      ],
      output: 'FROM golang:1.27 AS build\nFROM alpine:3.23\n',
    },
    { name: 'lower-case instruction', code: 'from python:latest\n', errors: [{ messageId: 'latest', line: 1, column: 13 }], output: 'from python:3.14\n' },
    {
      name: 'registry prefix and stage name are kept',
      code: 'FROM docker.io/library/redis:latest AS cache\n',
      errors: [{ messageId: 'latest', line: 1, column: 30 }],
      output: 'FROM docker.io/library/redis:8.2 AS cache\n',
    },
  ],
});

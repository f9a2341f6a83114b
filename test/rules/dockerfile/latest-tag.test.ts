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
    { code: 'FROM node:latest\n', errors: [{ messageId: 'latest', line: 1, column: 11, endLine: 1, endColumn: 17, data: { image: 'node:latest' } }] },
    { code: 'FROM ghcr.io/org/app:latest AS build\nFROM alpine:3.20\n', errors: [{ messageId: 'latest', line: 1, column: 22 }] },
    { name: 'latest from an ARG default', code: 'ARG BASE=node:latest\nFROM ${BASE}\n', errors: [{ messageId: 'latest', line: 2, column: 6, endColumn: 13 }] },
    { name: 'every stage', code: 'FROM golang:latest AS build\nFROM alpine:latest\n', errors: [{ messageId: 'latest', line: 1, column: 13 }, { messageId: 'latest', line: 2, column: 13 }] },
    { name: 'lower-case instruction', code: 'from python:latest\n', errors: [{ messageId: 'latest', line: 1, column: 13 }] },
  ],
});

import { rule } from '../../../server/src/rules/dockerfile/eol-base-image';
import { ruleTester } from '../../ruleTester';

// Releases whose end of life is long past; what is still supported comes from the image table's current tags.
ruleTester(rule, {
  valid: [
    'FROM node:24-alpine\nCMD ["node", "server.js"]\n',
    {
      name: 'a builder stage on an old release does not ship',
      code: 'FROM golang:1.15 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nCOPY --from=build /app /app\n',
    },
    { name: 'floating tags follow the current release', code: 'FROM python:3\nFROM golang:1\nFROM golang:alpine\nFROM debian:stable-slim\n' },
    { name: 'images and tags the table does not cover', code: 'FROM example.com/team/app:18\nFROM scratch\n' },
    { name: 'a supported OS in the tag', code: 'FROM python:3.12-slim-bookworm\n' },
    { name: 'a variable base image', code: 'ARG BASE\nFROM ${BASE}\n' },
  ],
  invalid: [
    {
      name: "the standards document's example: node:18-alpine",
      code: 'FROM node:18-alpine AS production\nCMD ["node", "server.js"]\n',
      errors: [
        {
          messageId: 'endOfLife',
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 20,
          severity: 'warning',
          message:
            'FROM node:18-alpine is Node.js 18, out of support since 2025-04-30, so the image gets no more security fixes; move to node:24-alpine or node:22-alpine.',
        },
      ],
      output: 'FROM node:24-alpine AS production\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'python 3.8 on buster: the version and the codename move',
      code: 'FROM python:3.8-slim-buster\n',
      errors: [
        {
          messageId: 'endOfLife',
          line: 1,
          column: 13,
          message:
            'FROM python:3.8-slim-buster is Python 3.8, out of support since 2024-10-07 and is built on Debian 10 (buster), out of support since 2024-06-30, so the image gets no more security fixes; move to python:3.14-slim-trixie or python:3.13-slim-trixie.',
        },
      ],
      output: 'FROM python:3.14-slim-trixie\n',
    },
    {
      name: 'a supported language on an ended OS release',
      code: 'FROM node:22-bullseye-slim\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 11, data: { reasons: 'is built on Debian 11 (bullseye), out of support since 2026-08-31' } }],
      output: 'FROM node:22-trixie-slim\n',
    },
    {
      name: 'an Alpine release pinned in the tag',
      code: 'FROM nginx:1.29-alpine3.18\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 12, data: { advice: 'move to nginx:1.29-alpine' } }],
      output: 'FROM nginx:1.29-alpine\n',
    },
    {
      name: 'Go older than the two newest releases',
      code: 'FROM golang:1.22.5-alpine\n',
      errors: [
        {
          messageId: 'endOfLife',
          line: 1,
          column: 13,
          data: { reasons: 'is Go 1.22, out of support (Go supports only its two newest releases, 1.27 and 1.26)' },
        },
      ],
      output: 'FROM golang:1.27-alpine\n',
    },
    {
      name: 'Debian by codename, a build date dropped',
      code: 'FROM debian:buster-20240612-slim\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 13, data: { reasons: 'is Debian 10 (buster), out of support since 2024-06-30' } }],
      output: 'FROM debian:trixie-slim\n',
    },
    {
      name: 'Ubuntu by number',
      code: 'FROM ubuntu:20.04\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 13, data: { reasons: 'is Ubuntu 20.04, out of support since 2025-04-02' } }],
      output: 'FROM ubuntu:24.04\n',
    },
    {
      name: 'Ubuntu by codename',
      code: 'FROM ubuntu:bionic\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 13, data: { advice: 'move to ubuntu:noble or ubuntu:jammy' } }],
      output: 'FROM ubuntu:noble\n',
    },
    {
      name: 'the stage the final one builds on ships; a digest gets no fix',
      code: 'FROM alpine:3.16@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base\nFROM base\n',
      errors: [{ messageId: 'endOfLife', line: 1, column: 13, data: { reasons: 'is Alpine Linux 3.16, out of support since 2024-05-23' } }],
      output: null,
    },
    {
      name: 'a tag from an ARG default: reported on the image, no fix',
      code: 'ARG NODE_VERSION=16\nFROM node:${NODE_VERSION}-alpine\n',
      errors: [{ messageId: 'endOfLife', line: 2, column: 6, data: { image: 'node:16-alpine' } }],
      output: null,
    },
  ],
});

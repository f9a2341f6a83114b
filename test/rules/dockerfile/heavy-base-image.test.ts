import { rule } from '../../../server/src/rules/dockerfile/heavy-base-image';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    'FROM node:22-alpine\n',
    'FROM python:3.12-slim-bookworm\n',
    'FROM gcr.io/distroless/nodejs22-debian12\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\n',
    {
      name: 'only the final stage matters',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n',
    },
    { name: 'a base image that is already small', code: 'FROM alpine:3.22\n' },
    { name: 'a full image without a smaller variant in the table', code: 'FROM ubuntu:24.04\n' },
    { name: 'an image the table does not know', code: 'FROM ghcr.io/acme/base:1\n' },
    { name: 'a flavour without a known smaller variant', code: 'FROM php:8.4-apache\n' },
    { name: 'a digest pins exactly this image', code: 'FROM node:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'a variable base image cannot be judged', code: 'ARG BASE\nFROM ${BASE}\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, endLine: 1, endColumn: 13, data: { image: 'node:22', variants: '22-slim, 22-alpine' } }],
      output: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a build stage on the full image is fine, the final one is not',
      code: 'FROM python:3.12 AS build\nRUN pip wheel -r requirements.txt\nFROM python:3.12\n',
      errors: [{ messageId: 'heavy', line: 3, column: 6 }],
      output: 'FROM python:3.12 AS build\nRUN pip wheel -r requirements.txt\nFROM python:3.12-slim\n',
    },
    {
      name: 'the final stage inherits the image from an earlier stage',
      code: 'FROM golang:1.25 AS base\nFROM base\nCMD ["/app"]\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, data: { variants: '1.25-alpine' } }],
      output: 'FROM golang:1.25-alpine AS base\nFROM base\nCMD ["/app"]\n',
    },
    {
      name: 'a full distribution',
      code: 'FROM debian:bookworm\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, data: { variants: 'bookworm-slim' } }],
      output: 'FROM debian:bookworm-slim\n',
    },
    {
      name: 'a release codename after the version: the variants of the version',
      code: 'FROM node:22-bookworm\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, data: { variants: '22-slim, 22-alpine' } }],
      output: 'FROM node:22-slim\n',
    },
    {
      name: 'a flavoured tag the table lists',
      code: 'FROM eclipse-temurin:21-jre\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, data: { variants: '21-jre-alpine' } }],
      output: 'FROM eclipse-temurin:21-jre-alpine\nCMD ["java", "-jar", "/app.jar"]\n',
    },
    {
      name: 'no tag: the variant of the newest known tag',
      code: 'FROM ruby\n',
      errors: [{ messageId: 'heavy', line: 1, column: 6, data: { variants: '3.4-slim, 3.4-alpine' } }],
      output: 'FROM ruby:3.4-slim\n',
    },
    {
      name: 'an image from an ARG default is reported but not rewritten',
      code: 'ARG BASE=python:3.12\nFROM ${BASE}\n',
      errors: [{ messageId: 'heavy', line: 2, column: 6 }],
      output: null,
    },
  ],
});

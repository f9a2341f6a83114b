import { rule } from '../../../server/src/rules/dockerfile/secret-in-arg-or-env';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nARG NODE_VERSION=22\nENV NODE_ENV=production\n',
    { name: 'a path to the secret is not the secret', code: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n' },
    { name: 'public keys and versions are allowed', code: 'FROM alpine:3.20\nARG PUBLIC_KEY_URL=https://example.com/key.asc\nARG TOKEN_VERSION=2\n' },
    { name: 'a user name for useradd is not a secret', code: 'FROM debian:12\nARG USERNAME=app\nRUN useradd -m "$USERNAME"\n' },
    { name: 'the tokenizers switch of Hugging Face', code: 'FROM python:3.12\nENV TOKENIZERS_PARALLELISM=false\n' },
    { name: 'GPG key fingerprints of the official images', code: 'FROM debian:12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    {
      name: 'ids of the PGP keys a download is verified with',
      code: 'FROM ubuntu:24.04\nENV LIBFOO_PGP_KEY_IDS="0x0123456789ABCDEF 0xFEDCBA9876543210" LIBBAR_GPG_KEY_ID=0x89ABCDEF\n',
    },
    { name: 'a credentials file path', code: 'FROM python:3.12\nENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json\n' },
    { name: 'private alone is not a secret', code: 'FROM node:22\nENV PRIVATE_REGISTRY=registry.example.com\n' },
    { name: 'words that merely contain a secret word', code: 'FROM alpine:3.20\nENV AUTHOR=me MONKEY=1 KEYBOARD=us\n' },
    { name: 'secret mounts are the way to go', code: 'FROM node:22\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n' },
  ],
  invalid: [
    {
      name: 'a declared build argument',
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14, data: { name: 'NPM_TOKEN', instruction: 'ARG' } }],
    },
    {
      name: 'ENV with a value',
      code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=postgres\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, data: { name: 'POSTGRES_PASSWORD', instruction: 'ENV' } }],
    },
    {
      name: 'the second pair of an ENV',
      code: 'FROM node:22\nENV PORT=3000 STRIPE_SECRET_KEY=sk_live_x\n',
      errors: [{ messageId: 'secretName', line: 2, column: 15, data: { name: 'STRIPE_SECRET_KEY' } }],
    },
    {
      name: 'a global ARG before FROM',
      code: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\n',
      errors: [{ messageId: 'secretName', line: 1, column: 5 }],
    },
    {
      name: 'camelCase and legacy ENV format',
      code: 'FROM node:22\nENV apiKey abc123\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5, data: { name: 'apiKey' } }],
    },
    {
      name: 'whole-name tokens',
      code: 'FROM alpine:3.20\nARG AUTH=basic\nARG TOKEN\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 5 },
        { messageId: 'secretName', line: 3, column: 5 },
      ],
    },
    {
      name: 'well-known names no word catches',
      code: 'FROM mysql:8.4\nENV MYSQL_PWD=root\nENV RABBITMQ_DEFAULT_PASS=guest SENTRY_DSN=https://k@sentry.io/1\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 5 },
        { messageId: 'secretName', line: 3, column: 5 },
        { messageId: 'secretName', line: 3, column: 33 },
      ],
    },
    {
      name: 'a secret fragment inside one word',
      code: 'FROM alpine:3.20\nENV DBPASSWORD=x\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5 }],
    },
    {
      name: 'a private key',
      code: 'FROM alpine:3.20\nARG SSH_PRIVATE_KEY\n',
      errors: [{ messageId: 'secretName', line: 2, column: 5 }],
    },
  ],
});

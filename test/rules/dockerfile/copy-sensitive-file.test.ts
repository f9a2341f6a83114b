import { rule } from '../../../server/src/rules/dockerfile/copy-sensitive-file';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./\nCOPY src/ ./src/\n',
    { name: 'example env files are templates, not secrets', code: 'FROM node:22\nCOPY .env.example .env.sample ./\n' },
    { name: 'a public SSH key', code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh_keys/\n' },
    {
      name: 'copies from another stage do not read the context',
      code: 'FROM node:22 AS build\nRUN echo x\nFROM node:22\nCOPY --from=build /app/.env /app/.env\n',
    },
    { name: 'a key inside an image copied with --from', code: 'FROM alpine:3.20\nCOPY --from=certs:1 /etc/ssl/server.pem /etc/ssl/\n' },
    { name: 'a here-document is not a context file', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nMODE=demo\nEOF\n' },
    { name: 'a remote ADD', code: 'FROM alpine:3.20\nADD https://example.com/ca.pem /usr/local/share/ca-certificates/\n' },
    { name: 'names that only start like .env', code: 'FROM alpine:3.20\nCOPY .envrc .environment/ ./\n' },
    { name: 'the destination is not a source', code: 'FROM alpine:3.20\nCOPY settings.json /root/.aws/config.json\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY .env ./\n',
      errors: [{ messageId: 'sensitiveFile', line: 2, column: 6, endLine: 2, endColumn: 10, data: { source: '.env', instruction: 'COPY' } }],
    },
    {
      name: 'several sources, one instruction',
      code: 'FROM node:22\nCOPY package.json .npmrc ./\n',
      errors: [{ messageId: 'sensitiveFile', line: 2, column: 19, data: { source: '.npmrc' } }],
    },
    {
      name: 'globs and key files',
      code: 'FROM nginx:1.27\nCOPY certs/*.key certs/server.pem /etc/nginx/certs/\n',
      errors: [
        { messageId: 'sensitiveFile', line: 2, column: 6, data: { source: 'certs/*.key' } },
        { messageId: 'sensitiveFile', line: 2, column: 18, data: { source: 'certs/server.pem' } },
      ],
    },
    {
      name: 'ADD and credential folders',
      code: 'FROM alpine:3.20\nADD .aws /root/.aws\nADD ./.ssh/id_ed25519 /root/.ssh/\n',
      errors: [
        { messageId: 'sensitiveFile', line: 2, column: 5, data: { instruction: 'ADD', kind: 'AWS credentials folder' } },
        { messageId: 'sensitiveFile', line: 3, column: 5, data: { kind: 'SSH keys folder' } },
      ],
    },
    {
      name: 'JSON form and environment variants',
      code: 'FROM python:3.12\nCOPY [".env.production", "credentials.json", ".pypirc", "/app/"]\n',
      errors: [
        { messageId: 'sensitiveFile', line: 2, column: 8 },
        { messageId: 'sensitiveFile', line: 2, column: 27 },
        { messageId: 'sensitiveFile', line: 2, column: 47 },
      ],
    },
    {
      name: 'an SSH private key and an env glob',
      code: 'FROM alpine:3.20\nCOPY id_rsa .env* /tmp/\n',
      errors: [
        { messageId: 'sensitiveFile', line: 2, column: 6, data: { kind: 'SSH private key' } },
        { messageId: 'sensitiveFile', line: 2, column: 13 },
      ],
    },
    {
      name: 'an ONBUILD trigger copies from the child build context',
      code: 'FROM node:22\nONBUILD COPY .env /app/\n',
      errors: [{ messageId: 'sensitiveFile', line: 2, column: 14 }],
    },
  ],
});

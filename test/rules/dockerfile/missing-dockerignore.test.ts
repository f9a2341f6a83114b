import { rule } from '../../../server/src/rules/dockerfile/missing-dockerignore';
import { dockerignoreTemplate } from '../../../server/src/rules/support/dockerignoreTemplate';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'a .dockerignore in the context', code: 'FROM node:22\nCOPY . .\n', files: { '.dockerignore': '.git\n' } },
    {
      name: 'a per-Dockerfile ignore file',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\n',
      filename: 'app.Dockerfile',
      files: { 'app.Dockerfile.dockerignore': '.git\n' },
    },
    { name: 'only named files are copied', code: 'FROM node:22\nCOPY package.json server.js ./\n' },
    { name: 'a copy from another stage', code: 'FROM node:22 AS build\nRUN echo x\nFROM nginx:1.27\nCOPY --from=build . /usr/share/nginx/html\n' },
    { name: 'an ONBUILD trigger copies a later build context', code: 'FROM node:22\nONBUILD COPY . /app\n' },
    { name: 'an empty ignore file still counts', code: 'FROM node:22\nCOPY ./ /app/\n', files: { '.dockerignore': '' } },
    {
      name: 'the context a compose service builds from holds the ignore file, not the Dockerfile folder',
      code: 'FROM node:22\nWORKDIR /srv\nCOPY . .\n',
      filename: 'docker/app/Dockerfile',
      files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/app/Dockerfile\n', '.dockerignore': '.git\n' },
    },
  ],
  invalid: [
    {
      name: 'COPY . . without an ignore file',
      code: 'FROM python:3.12\nCOPY . .\n',
      files: { '.git/HEAD': 'ref: refs/heads/main\n', '.env': 'DATABASE_PASSWORD=secret\n', 'app.py': 'print(1)\n' },
      errors: [
        {
          messageId: 'missing',
          message:
            'COPY . copies the whole build context, which has no .dockerignore, so `.git` and `.env` end up in the image; add a .dockerignore next to the Dockerfile.',
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      createdFiles: { '.dockerignore': dockerignoreTemplate({ installsNodeModules: false, copiedPaths: [] }) },
    },
    {
      name: 'a Node image keeps host node_modules out; named copies stay copyable',
      code: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY ./ ./\nCOPY Dockerfile /app/Dockerfile\n',
      files: { 'node_modules/express/package.json': '{}\n' },
      errors: [{ messageId: 'missing', line: 5, column: 6, data: { source: './', found: '`node_modules`' } }],
      createdFiles: { '.dockerignore': dockerignoreTemplate({ installsNodeModules: true, copiedPaths: ['package.json', 'package-lock.json', 'Dockerfile'] }) },
    },
    {
      name: 'reported once, at the first whole-context copy',
      code: 'FROM golang:1.23 AS build\nADD . /src\nFROM alpine:3.20\nCOPY * /app/\n',
      files: { '.venv/pyvenv.cfg': 'home = /usr/bin\n' },
      errors: [{ messageId: 'missing', line: 2, column: 5, data: { instruction: 'ADD' } }],
      createdFiles: { '.dockerignore': dockerignoreTemplate({ installsNodeModules: false, copiedPaths: [] }) },
    },
    {
      name: 'the ignore file of another Dockerfile does not count',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { 'other.Dockerfile.dockerignore': '.git\n', '.git/HEAD': 'ref: refs/heads/main\n' },
      errors: [{ messageId: 'missing', line: 2, column: 6 }],
      createdFiles: { '.dockerignore': dockerignoreTemplate() },
    },
    {
      name: 'a small context with nothing to keep out yet: info',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
      files: { 'manage.py': 'import django\n', 'requirements.txt': 'Django==5.2\n' },
      errors: [
        {
          messageId: 'missingClean',
          message:
            'COPY . copies the whole build context, which has no .dockerignore; nothing there needs keeping out today (no .git, .env or node_modules), but a .dockerignore keeps them out once they appear.',
          severity: 'info',
          line: 3,
          column: 6,
        },
      ],
      createdFiles: { '.dockerignore': dockerignoreTemplate() },
    },
  ],
});

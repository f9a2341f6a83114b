import { rule } from '../../../server/src/rules/dockerfile/copy-all-before-install';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    {
      name: 'pip with the requirements file first',
      code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n',
    },
    { name: 'installing a tool, not the dependencies', code: 'FROM node:22\nCOPY . .\nRUN npm install -g pm2\n' },
    { name: 'installing the project itself', code: 'FROM python:3.12\nCOPY . .\nRUN pip install .\n' },
    {
      name: 'the install is in another stage',
      code: 'FROM node:22 AS deps\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22\nCOPY . .\nRUN npm run build\n',
    },
    { name: 'a copy from another stage', code: 'FROM golang:1.23 AS src\nRUN echo x\nFROM golang:1.23\nCOPY --from=src . .\nRUN go mod download\n' },
    { name: 'an ONBUILD install runs in a later build', code: 'FROM node:22\nCOPY . .\nONBUILD RUN npm ci\n' },
    { name: 'go build alone', code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n',
      errors: [
        {
          messageId: 'copyAllFirst',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          data: { install: 'npm ci', installLine: 4, manifests: 'package.json and package-lock.json' },
        },
      ],
    },
    {
      name: 'npm clean-install is npm ci',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm clean-install\n',
      errors: [{ messageId: 'copyAllFirst', line: 3, column: 1, data: { install: 'npm clean-install' } }],
    },
    {
      name: 'pip with a requirements file',
      code: 'FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ messageId: 'copyAllFirst', line: 2, column: 1, data: { install: 'pip install -r' } }],
    },
    {
      name: 'go modules, in a command list',
      code: 'FROM golang:1.23 AS build\nCOPY ./ ./\nRUN go mod download && go build -o /out/app .\n',
      errors: [{ messageId: 'copyAllFirst', line: 2, column: 1, data: { install: 'go mod download', manifests: 'go.mod and go.sum' } }],
    },
    {
      name: 'yarn and bundler with no subcommand, ADD',
      code: 'FROM ruby:3.3\nADD . /app\nRUN bundle\nFROM node:22\nCOPY . .\nRUN yarn --frozen-lockfile\n',
      errors: [
        { messageId: 'copyAllFirst', line: 2, column: 1, data: { instruction: 'ADD', install: 'bundle install' } },
        { messageId: 'copyAllFirst', line: 5, column: 1, data: { install: 'yarn install' } },
      ],
    },
    {
      name: 'other ecosystems',
      code: 'FROM maven:3.9 AS java\nCOPY . .\nRUN mvn -B dependency:go-offline\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS net\nCOPY . .\nRUN dotnet restore\nFROM python:3.12 AS py\nCOPY . .\nRUN poetry install --no-root\n',
      errors: [
        { messageId: 'copyAllFirst', line: 2, column: 1, data: { install: 'mvn dependency:go-offline' } },
        { messageId: 'copyAllFirst', line: 5, column: 1, data: { install: 'dotnet restore' } },
        { messageId: 'copyAllFirst', line: 8, column: 1, data: { install: 'poetry install' } },
      ],
    },
    {
      name: 'python -m pip and a cache mount',
      code: 'FROM python:3.12\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/pip python -m pip install -r requirements.txt\n',
      errors: [{ messageId: 'copyAllFirst', line: 2, column: 1 }],
    },
    {
      name: 'pnpm install',
      code: 'FROM node:22\nCOPY * ./\nRUN pnpm install --frozen-lockfile\n',
      errors: [{ messageId: 'copyAllFirst', line: 2, column: 1, data: { install: 'pnpm install' } }],
    },
  ],
});

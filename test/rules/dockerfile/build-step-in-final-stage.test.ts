import { rule } from '../../../server/src/rules/dockerfile/build-step-in-final-stage';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/index.js"]\n',
    { name: 'a single-stage file never fires', code: 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n' },
    {
      name: 'other scripts and commands',
      code: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nRUN npm run migrate && npm test && go version && mvn dependency:go-offline && gradle test\n',
    },
    { name: 'npm takes scripts only through run', code: 'FROM node:20 AS a\nFROM node:20\nRUN npm install build\n' },
    { name: 'ONBUILD builds in a later image', code: 'FROM node:20 AS a\nFROM node:20\nONBUILD RUN npm run build\n' },
    {
      name: 'go install and cargo install are no build step here',
      code: 'FROM golang:1.22 AS a\nFROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.0 && cargo install ripgrep\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20\nCOPY --from=deps /app/node_modules ./node_modules\nRUN npm run build\n',
      errors: [{ messageId: 'buildStep', line: 5, column: 5, endLine: 5, endColumn: 18, data: { command: 'npm run build' } }],
    },
    {
      name: 'yarn, pnpm and bun, with and without run',
      code: 'FROM node:20 AS a\nFROM node:20\nRUN yarn build && pnpm run build:prod && bun run build && npm --prefix web run-script build-docs\n',
      errors: [
        { messageId: 'buildStep', line: 3, column: 5, data: { command: 'yarn build' } },
        { messageId: 'buildStep', line: 3, column: 19, data: { command: 'pnpm run build:prod' } },
        { messageId: 'buildStep', line: 3, column: 42, data: { command: 'bun run build' } },
        { messageId: 'buildStep', line: 3, column: 59, data: { command: 'npm run-script build-docs' } },
      ],
    },
    {
      name: 'go, cargo and dotnet',
      code: 'FROM golang:1.22 AS a\nFROM debian:12\nRUN go build -o /app ./cmd/app; cargo +nightly build --release; dotnet publish -c Release\n',
      errors: [
        { messageId: 'buildStep', line: 3, column: 5, data: { command: 'go build' } },
        { messageId: 'buildStep', line: 3, column: 33, data: { command: 'cargo build' } },
        { messageId: 'buildStep', line: 3, column: 65, data: { command: 'dotnet publish' } },
      ],
    },
    {
      name: 'maven and gradle wrappers, phases after other goals',
      code: 'FROM maven:3 AS a\nFROM eclipse-temurin:21\nRUN ./mvnw -B clean package -DskipTests\nRUN ./gradlew :app:build --no-daemon\nRUN mvn verify && gradle assemble\n',
      errors: [
        { messageId: 'buildStep', line: 3, column: 5, data: { command: 'mvnw package' } },
        { messageId: 'buildStep', line: 4, column: 5, data: { command: 'gradlew :app:build' } },
        { messageId: 'buildStep', line: 5, column: 5, data: { command: 'mvn verify' } },
        { messageId: 'buildStep', line: 5, column: 19, data: { command: 'gradle assemble' } },
      ],
    },
    {
      name: 'heredoc and sh -c',
      code: 'FROM node:20 AS a\nFROM node:20\nRUN <<EOF\nnpm ci\nnpm run build\nEOF\nRUN sh -c "yarn run build"\n',
      errors: [
        { messageId: 'buildStep', line: 5, column: 1 },
        { messageId: 'buildStep', line: 7, column: 12 },
      ],
    },
  ],
});

import { rule } from '../../../server/src/rules/dockerfile/npm-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nRUN npm install -g pnpm@9.12.0\n',
    { name: 'installing from package.json', code: 'FROM node:20\nRUN npm install && npm ci\n' },
    { name: 'scoped packages with a version', code: 'FROM node:20\nRUN npm i -g @angular/cli@18.2.1 @nestjs/cli@^10\n' },
    { name: 'tags and ranges other than latest', code: 'FROM node:20\nRUN npm install typescript@next express@~4.19\n' },
    {
      name: 'local folders and tarballs',
      code: 'FROM node:20\nRUN npm install ./packages/core ../shared /opt/lib file:vendor/x ./dist/app-1.0.0.tgz https://example.com/pkg.tar.gz\n',
    },
    {
      name: 'git URLs with a ref',
      code: 'FROM node:20\nRUN npm install git+https://github.com/org/repo.git#v1.2.0 github:org/tool#semver:^2 org/lib#3f2a1b9\n',
    },
    {
      name: 'option values are not packages',
      code: 'FROM node:20\nRUN npm install --prefix /opt/tools --registry https://registry.example.com left-pad@1.3.0\n',
    },
    { name: 'variables', code: 'FROM node:20\nRUN npm install -g "pnpm@${PNPM_VERSION}" $TOOLS\n' },
    { name: 'other subcommands', code: 'FROM node:20\nRUN npm run build && npm uninstall lodash && npm update\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN npm install -g pnpm\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 24, data: { package: 'pnpm' } }],
    },
    {
      name: 'npm in is npm install',
      code: 'FROM node:20\nRUN npm in -g pm2\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 15, data: { package: 'pm2' } }],
    },
    {
      name: 'scoped without version, @latest, and npm add',
      code: 'FROM node:20\nRUN npm add @nestjs/cli typescript@latest lodash@4.17.21\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 13, data: { package: '@nestjs/cli' } },
        { messageId: 'unpinned', line: 2, column: 25, data: { package: 'typescript' } },
      ],
    },
    {
      name: 'git URLs and GitHub shorthands without a ref',
      code: 'FROM node:20\nRUN npm i git+ssh://git@github.com:org/repo.git org/lib\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 11 },
        { messageId: 'unpinned', line: 2, column: 49 },
      ],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM node:20\nRUN <<EOF\nnpm install -g a\nEOF\nRUN sh -c "npm install b"\nRUN ["npm", "install", "c"]\nONBUILD RUN npm i d\n',
      errors: [
        { messageId: 'unpinned', line: 3, column: 16 },
        { messageId: 'unpinned', line: 5, column: 24 },
        { messageId: 'unpinned', line: 6, column: 25 },
        { messageId: 'unpinned', line: 7, column: 19 },
      ],
    },
  ],
});

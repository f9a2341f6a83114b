import { rule } from '../../../server/src/rules/dockerfile/yarn-cache-not-cleaned';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM node:24 AS builder\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.29\nCOPY --from=builder /app/dist /usr/share/nginx/html\n',
    },
    'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    { name: 'plain yarn, then the cleanup', code: 'FROM node:20\nRUN yarn --frozen-lockfile --production && yarn cache clean --all\n' },
    {
      name: 'cache mount on the yarn cache',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n',
    },
    { name: 'cache mount on the home cache folder', code: 'FROM node:20\nRUN --mount=type=cache,target=/home/node/.cache/yarn,uid=1000 yarn install\n' },
    { name: 'cache mount on the Berry global cache', code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.yarn/berry/cache yarn install --immutable\n' },
    {
      name: 'cache mount on YARN_CACHE_FOLDER',
      code: 'FROM node:20\nENV YARN_CACHE_FOLDER=/cache/yarn\nRUN --mount=type=cache,target=/cache/yarn yarn install\n',
    },
    { name: 'cache mount on --cache-folder', code: 'FROM node:20\nRUN --mount=type=cache,target=/tmp/yc yarn install --cache-folder /tmp/yc\n' },
    { name: 'yarn without installing', code: 'FROM node:20\nRUN yarn build && yarn --version && yarn run test\n' },
    { name: 'npm is another tool', code: 'FROM node:20\nRUN npm install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile\n',
      errors: [{ messageId: 'cache', line: 2, column: 5, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'plain yarn installs too',
      code: 'FROM node:20\nRUN yarn --frozen-lockfile\n',
      errors: [{ messageId: 'cache', line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      name: 'the cleanup must come after the last install',
      code: 'FROM node:20\nRUN yarn install && yarn cache clean && yarn global add serve@14.2.3\n',
      errors: [{ messageId: 'cache', line: 2, column: 41, endLine: 2, endColumn: 52 }],
    },
    {
      name: 'yarn add, a cache mount elsewhere',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm yarn add left-pad@1.3.0\n',
      errors: [{ messageId: 'cache', line: 2, column: 42 }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM node:20\nRUN <<EOF\nyarn install\nEOF\nRUN sh -c "yarn install"\nRUN ["yarn", "install"]\nONBUILD RUN yarn\n',
      errors: [
        { messageId: 'cache', line: 3, column: 1 },
        { messageId: 'cache', line: 5, column: 12 },
        { messageId: 'cache', line: 6, column: 7 },
        { messageId: 'cache', line: 7, column: 13 },
      ],
    },
  ],
});

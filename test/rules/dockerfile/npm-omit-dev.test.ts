import { rule } from '../../../server/src/rules/dockerfile/npm-omit-dev';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nRUN npm ci --omit=dev\n',
    { name: '--production=false asks for dev dependencies', code: 'FROM node:20\nRUN npm install --production=false\n' },
    { name: '--only=dev is another request', code: 'FROM node:20\nRUN npm install --only=dev\n' },
    { name: 'other npm subcommands', code: 'FROM node:20\nRUN npm prune --production && npm run build --production\n' },
    { name: 'yarn keeps --production', code: 'FROM node:20\nRUN yarn install --production\n' },
    { name: 'a package named like the flag value', code: 'FROM node:20\nRUN npm install production\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN npm ci --only=production\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 12, endLine: 2, endColumn: 29, data: { flag: '--only=production' } }],
      output: 'FROM node:20\nRUN npm ci --omit=dev\n',
    },
    {
      code: 'FROM node:20\nRUN npm install --production && npm cache clean --force\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 17, endLine: 2, endColumn: 29, data: { flag: '--production' } }],
      output: 'FROM node:20\nRUN npm install --omit=dev && npm cache clean --force\n',
    },
    {
      name: '--only prod as two words, npm i',
      code: 'FROM node:20\nRUN npm i --only prod\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 11, endLine: 2, endColumn: 22, data: { flag: '--only prod' } }],
      output: 'FROM node:20\nRUN npm i --omit=dev\n',
    },
    {
      name: 'npm clean-install and npm install-clean are npm ci',
      code: 'FROM node:20\nRUN npm clean-install --only=production || npm install-clean --production\n',
      errors: [
        { messageId: 'removedFlag', line: 2, column: 23 },
        { messageId: 'removedFlag', line: 2, column: 62 },
      ],
      output: 'FROM node:20\nRUN npm clean-install --omit=dev || npm install-clean --omit=dev\n',
    },
    {
      name: 'the flag already has its replacement: removed',
      code: 'FROM node:20\nRUN npm ci --omit=dev --production\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 23 }],
      output: 'FROM node:20\nRUN npm ci --omit=dev\n',
    },
    {
      name: '--production=true, in ONBUILD RUN and sh -c',
      code: "FROM node:20\nONBUILD RUN npm ci --production=true\nRUN sh -c 'npm ci --only=prod'\n",
      errors: [
        { messageId: 'removedFlag', line: 2, column: 20 },
        { messageId: 'removedFlag', line: 3, column: 19 },
      ],
      output: "FROM node:20\nONBUILD RUN npm ci --omit=dev\nRUN sh -c 'npm ci --omit=dev'\n",
    },
    {
      name: 'exec form',
      code: 'FROM node:20\nRUN ["npm", "ci", "--production"]\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 20 }],
      output: 'FROM node:20\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    {
      name: 'exec form with the replacement already there',
      code: 'FROM node:20\nRUN ["npm", "ci", "--omit=dev", "--production"]\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 34 }],
      output: 'FROM node:20\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM node:20\nRUN sh -c "echo \\"x\\" && npm ci --production"\n',
      errors: [{ messageId: 'removedFlag', line: 2, column: 11 }],
      output: null,
    },
  ],
});

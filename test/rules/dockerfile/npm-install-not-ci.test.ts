import { rule } from '../../../server/src/rules/dockerfile/npm-install-not-ci';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    { name: 'npm clean-install is npm ci', code: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm clean-install\n' },
    { name: 'npm ic is npm ci', code: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ic --omit=dev\n' },
    { name: 'no lockfile copied', code: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n' },
    { name: 'installing named packages', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install express@4.19.2\n' },
    { name: 'a global install', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install -g\n' },
    { name: 'told to ignore the lockfile', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install --no-package-lock\n' },
    { name: 'the lockfile comes after the install', code: 'FROM node:20\nCOPY package.json ./\nRUN npm install\nCOPY package-lock.json ./\n' },
    {
      name: 'the lockfile was copied in another stage',
      code: 'FROM node:20 AS deps\nCOPY package-lock.json ./\nFROM node:20\nCOPY package.json ./\nRUN npm install\n',
    },
    { name: 'a pattern that cannot match a lockfile', code: 'FROM node:20\nCOPY *.js ./\nRUN npm install\n' },
    { name: 'a variable package argument', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install $EXTRA\n' },
    { name: 'a here-document whose text names the lockfile', code: 'FROM node:20\nCOPY <<EOF notes.txt\npackage-lock.json\nEOF\nRUN npm install\n' },
  ],
  invalid: [
    {
      name: 'a quoted lockfile',
      code: 'FROM node:20\nCOPY "package-lock.json" package.json ./\nRUN npm install\n',
      errors: [{ messageId: 'useCi', line: 3, column: 5 }],
      output: 'FROM node:20\nCOPY "package-lock.json" package.json ./\nRUN npm ci\n',
    },
    {
      code: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n',
      errors: [{ messageId: 'useCi', line: 3, column: 5, endLine: 3, endColumn: 16 }],
      output: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    },
    {
      name: 'package*.json, npm i and other flags kept',
      code: 'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm i --omit=dev --ignore-scripts\n',
      errors: [{ messageId: 'useCi', line: 4, column: 5, endLine: 4, endColumn: 10 }],
      output: 'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci --omit=dev --ignore-scripts\n',
    },
    {
      name: 'npm-shrinkwrap.json, JSON-form COPY, flags before the subcommand',
      code: 'FROM node:20\nCOPY ["package.json", "npm-shrinkwrap.json", "./"]\nRUN npm --loglevel warn install\n',
      errors: [{ messageId: 'useCi', line: 3, column: 5 }],
      output: 'FROM node:20\nCOPY ["package.json", "npm-shrinkwrap.json", "./"]\nRUN npm --loglevel warn ci\n',
    },
    {
      name: 'a lockfile from another stage, in a subfolder',
      code: 'FROM node:20 AS deps\nFROM node:20\nCOPY --from=deps /app/package-lock.json /app/package.json ./\nRUN cd /app && npm install\n',
      errors: [{ messageId: 'useCi', line: 4, column: 16 }],
      output: 'FROM node:20 AS deps\nFROM node:20\nCOPY --from=deps /app/package-lock.json /app/package.json ./\nRUN cd /app && npm ci\n',
    },
    {
      name: 'ADD, a character class, and the exec form',
      code: 'FROM node:20\nADD package[-.]lock.json ./\nRUN ["npm", "install"]\n',
      errors: [{ messageId: 'useCi', line: 3, column: 7 }],
      output: 'FROM node:20\nADD package[-.]lock.json ./\nRUN ["npm", "ci"]\n',
    },
    {
      name: 'ONBUILD COPY and ONBUILD RUN',
      code: 'FROM node:20\nONBUILD COPY package*.json ./\nONBUILD RUN npm install\n',
      errors: [{ messageId: 'useCi', line: 3, column: 13 }],
      output: 'FROM node:20\nONBUILD COPY package*.json ./\nONBUILD RUN npm ci\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM node:20\nCOPY package*.json ./\nRUN sh -c "echo \\"x\\" && npm install"\n',
      errors: [{ messageId: 'useCi', line: 3, column: 11 }],
      output: null,
    },
    {
      name: 'npm add and the misspelt alias npm isntall are npm install',
      code: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm add && npm isntall\n',
      errors: [
        { messageId: 'useCi', line: 3, column: 5 },
        { messageId: 'useCi', line: 3, column: 16 },
      ],
      output: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci && npm ci\n',
    },
  ],
});

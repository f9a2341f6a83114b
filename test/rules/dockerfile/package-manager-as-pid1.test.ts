import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../server/src/rules/dockerfile/package-manager-as-pid1';
import { lintCase, ruleTester } from '../../ruleTester';

const packageJson = (manifest: object) => ({ 'package.json': JSON.stringify(manifest, null, 2) });

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]\n',
    { name: 'npm during the build is fine', code: 'FROM node:22\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n' },
    { name: 'an init in front of node', code: 'FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n' },
    { name: 'a wrapper that execs node last', code: 'FROM node:22\nCMD ["sh", "-c", "npm run migrate && exec node server.js"]\n' },
    { name: 'npx is not a package manager script runner here', code: 'FROM node:22\nCMD ["npx", "serve", "-s", "build"]\n' },
  ],
  invalid: [
    {
      name: 'npm start with a plain node start script',
      code: 'FROM node:22\nCMD ["npm", "start"]\n',
      files: packageJson({ name: 'app', scripts: { start: 'node server.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5, endLine: 2, endColumn: 21, data: { manager: 'npm', instruction: 'CMD' } }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'shell form, node flags kept',
      code: 'FROM node:22\nCMD npm start\n',
      files: packageJson({ scripts: { start: 'node --enable-source-maps dist/index.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: 'FROM node:22\nCMD ["node", "--enable-source-maps", "dist/index.js"]\n',
    },
    {
      name: 'npm run with arguments passed on',
      code: 'FROM node:22\nENTRYPOINT ["npm", "run", "serve", "--", "--port", "8080"]\n',
      files: packageJson({ scripts: { serve: 'node app.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 12, data: { instruction: 'ENTRYPOINT' } }],
      output: 'FROM node:22\nENTRYPOINT ["node", "app.js", "--port", "8080"]\n',
    },
    {
      name: 'yarn and pnpm run scripts by name',
      code: 'FROM node:22 AS a\nCMD ["yarn", "start"]\nFROM node:22\nCMD ["pnpm", "serve"]\n',
      files: packageJson({ scripts: { start: 'node index.js', serve: 'node serve.js' } }),
      errors: [
        { messageId: 'packageManager', line: 2, column: 5, data: { manager: 'yarn' } },
        { messageId: 'packageManager', line: 4, column: 5, data: { manager: 'pnpm' } },
      ],
      output: 'FROM node:22 AS a\nCMD ["node", "index.js"]\nFROM node:22\nCMD ["node", "serve.js"]\n',
    },
    {
      name: "no start script: npm's default server.js",
      code: 'FROM node:22\nCMD ["npm", "start", "--", "--verbose"]\n',
      files: { ...packageJson({ name: 'app' }), 'server.js': 'require("http")' },
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: 'FROM node:22\nCMD ["node", "server.js", "--verbose"]\n',
    },
    {
      name: 'a start script that is not plain node falls back to main (unsafe)',
      code: 'FROM node:22\nCMD npm start\nEXPOSE 3000\n',
      files: packageJson({ main: 'lib/index.js', scripts: { start: 'NODE_ENV=production node lib/index.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: 'FROM node:22\nCMD ["node", "lib/index.js"]\nEXPOSE 3000\n',
    },
    {
      name: 'no package.json: no fix',
      code: 'FROM node:22\nCMD ["npm", "run", "start:prod"]\n',
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'a script that is not plain node, run by name: no fix',
      code: 'FROM node:22\nCMD ["npm", "run", "dev"]\n',
      files: packageJson({ main: 'index.js', scripts: { dev: 'nodemon index.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'the last command of a shell wrapper: no fix, other commands would be lost',
      code: 'FROM node:22\nCMD ["sh", "-c", "npm run migrate && npm start"]\n',
      files: packageJson({ scripts: { start: 'node server.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'exec does not help npm',
      code: 'FROM node:22\nCMD exec npm start\n',
      files: packageJson({ scripts: { start: 'node server.js' } }),
      errors: [{ messageId: 'packageManager', line: 2, column: 5 }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
  ],
});

test('the fix is unsafe when npm would run pre/post scripts or when main is a guess', () => {
  const unsafeOf = (code: string, manifest: object) => {
    const [finding] = lintCase(rule, { code, files: { 'package.json': JSON.stringify(manifest) } });
    return finding?.fixes[0]?.unsafe ?? false;
  };
  assert.equal(unsafeOf('FROM node:22\nCMD ["npm", "start"]\n', { scripts: { start: 'node a.js' } }), false);
  assert.equal(unsafeOf('FROM node:22\nCMD ["npm", "start"]\n', { scripts: { prestart: 'node migrate.js', start: 'node a.js' } }), true);
  assert.equal(unsafeOf('FROM node:22\nCMD ["npm", "start"]\n', { main: 'a.js', scripts: { start: 'ts-node a.ts' } }), true);
});

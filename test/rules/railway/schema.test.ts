import { rule } from '../../../server/src/rules/railway/schema';
import { ruleTester } from '../../ruleTester';

const config = (build: string, deploy: string, rest = '') =>
  `{\n  "$schema": "https://railway.com/railway.schema.json",\n  "build": ${build},\n  "deploy": ${deploy}${rest}\n}\n`;

ruleTester(rule, {
  valid: [
    config(
      '{ "builder": "DOCKERFILE", "dockerfilePath": "Dockerfile", "watchPatterns": ["src/**"] }',
      '{ "healthcheckPath": "/", "healthcheckTimeout": 120, "restartPolicyType": "ON_FAILURE", "restartPolicyMaxRetries": 5, "numReplicas": 2 }',
    ),
    { name: 'null clears a setting', code: config('{ "buildCommand": null }', '{ "startCommand": null, "healthcheckPath": null }') },
    { name: 'build and deploy are open: an undocumented field is left alone', code: config('{}', '{ "limitOverride": { "containers": { "cpu": 2 } } }') },
    { name: 'per-environment overrides', code: config('{}', '{}', ',\n  "environments": { "staging": { "deploy": { "numReplicas": 1 } } }') },
  ],
  invalid: [
    {
      name: 'a builder and a restart policy Railway does not have',
      code: config('{ "builder": "DOCKER" }', '{ "restartPolicyType": "on-failure" }'),
      errors: [
        { messageId: 'notAllowed', line: 3, column: 25, data: { where: 'build.builder', expected: 'one of "RAILPACK", "DOCKERFILE" or "NIXPACKS"' } },
        { messageId: 'notAllowed', line: 4, column: 36, data: { where: 'deploy.restartPolicyType' } },
      ],
      output: null,
    },
    {
      name: 'wrong types and ranges',
      code: config('{}', '{ "healthcheckTimeout": "30", "numReplicas": 0, "healthcheckPath": "health" }'),
      errors: [
        { messageId: 'wrongType', line: 4, column: 37, data: { where: 'deploy.healthcheckTimeout' } },
        { messageId: 'outOfRange', line: 4, column: 58, data: { where: 'deploy.numReplicas' } },
        { messageId: 'wrongType', line: 4, column: 80, data: { expected: 'a path that starts with "/"' } },
      ],
      output: null,
    },
    {
      name: 'a misspelt top-level key is renamed, quotes kept',
      code: '{\n  "deplyo": { "numReplicas": 1 }\n}\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 2, column: 3, data: { key: 'deplyo', suggestion: 'deploy' } }],
      output: '{\n  "deploy": { "numReplicas": 1 }\n}\n',
    },
    {
      name: 'the top level is a mapping',
      code: '["DOCKERFILE"]\n',
      errors: [{ messageId: 'wrongType', line: 1, column: 1 }],
      output: null,
    },
  ],
});

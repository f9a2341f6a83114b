import { rule } from '../../../server/src/rules/ecs/plaintext-secret';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

const environment = (entries: string) => taskDefinition(`,\n      "environment": [\n${entries}\n      ]`);

ruleTester(rule, {
  valid: [
    environment('        { "name": "LOG_LEVEL", "value": "info" }'),
    environment('        { "name": "DB_PASSWORD_FILE", "value": "/run/secrets/db" }'),
    environment('        { "name": "DB_PASSWORD", "value": "" }'),
    environment('        { "name": "DB_PASSWORD", "value": "${DB_PASSWORD}" }'),
    environment('        { "name": "API_TOKEN", "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-token" }'),
    taskDefinition(',\n      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }]'),
  ],
  invalid: [
    {
      name: 'a password among other variables',
      code: environment('        { "name": "PORT", "value": "8080" },\n        { "name": "DB_PASSWORD", "value": "hunter2" }'),
      errors: [{ messageId: 'literal', line: 9, column: 43, data: { name: 'DB_PASSWORD', container: 'web' } }],
    },
    {
      name: 'a well-known credential',
      code: environment('        { "value": "AKIA0000", "name": "AWS_ACCESS_KEY_ID" }'),
      errors: [{ messageId: 'literal', line: 8, column: 20, data: { name: 'AWS_ACCESS_KEY_ID' } }],
    },
  ],
});

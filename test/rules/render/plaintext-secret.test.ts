import { rule } from '../../../server/src/rules/render/plaintext-secret';
import { ruleTester } from '../../ruleTester';

const envVars = (entries: string) => `services:\n  - type: web\n    name: web\n    runtime: docker\n    envVars:\n${entries}`;

ruleTester(rule, {
  valid: [
    envVars('      - key: LOG_LEVEL\n        value: info\n'),
    envVars('      - key: API_TOKEN\n        sync: false\n'),
    envVars('      - key: SESSION_SECRET\n        generateValue: true\n'),
    envVars("      - key: DB_PASSWORD\n        value: ''\n"),
    envVars('      - key: DATABASE_URL\n        fromDatabase:\n          name: db\n          property: connectionString\n'),
  ],
  invalid: [
    {
      name: 'a key among other variables, comment kept',
      code: envVars('      - key: PORT\n        value: 8080\n      - key: STRIPE_API_KEY\n        value: sk_live_0123 # from the dashboard\n'),
      errors: [{ messageId: 'literal', line: 9, column: 16, data: { key: 'STRIPE_API_KEY' } }],
      output: envVars('      - key: PORT\n        value: 8080\n      - key: STRIPE_API_KEY\n        sync: false # from the dashboard\n'),
    },
    {
      name: 'in an environment group',
      code: 'envVarGroups:\n  - name: shared\n    envVars:\n      - key: JWT_SECRET\n        value: "abc"\n',
      errors: [{ messageId: 'literal', line: 5, column: 16, data: { key: 'JWT_SECRET' } }],
      output: 'envVarGroups:\n  - name: shared\n    envVars:\n      - key: JWT_SECRET\n        sync: false\n',
    },
  ],
});

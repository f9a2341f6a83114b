import { defineRailwayRule } from '../../engine/ruleTypes';
import { railwaySchemaViolations } from '../../schema/platformSchemas';
import { SCHEMA_MESSAGES } from '../../schema/schemaMessages';
import { reportSchemaViolations } from '../support/schemaFindings';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineRailwayRule({
  id: 'railway/schema',
  meta: {
    severity: 'error',
    description:
      "The railway.json breaks Railway's config-as-code format: unknown top-level keys, wrong types, builders or restart policies Railway does not have.",
    fix: { when: FIX_WHEN.misspeltKey, applied: 'auto' },
    aliases: [],
    messages: SCHEMA_MESSAGES,
    explanation: {
      why: "Railway reads railway.json at every deployment and the file wins over the dashboard; a misspelt key or an unknown builder is a setting that silently does not apply, or a deployment that fails. The linter checks the file against a schema written from Railway's config-as-code reference: the top level (`$schema`, `build`, `deploy`, `environments`) is closed, `build` and `deploy` are open (only their documented fields are checked), and `builder` and `restartPolicyType` take the documented values. The quick fix renames a misspelt key when that resolves the problem.",
      standard: 'Railway config-as-code reference (https://docs.railway.com/config-as-code/reference).',
      bad: '{\n  "build": { "builder": "DOCKER" },\n  "deploy": { "restartPolicyType": "on-failure" }\n}',
      good: '{\n  "build": { "builder": "DOCKERFILE" },\n  "deploy": { "restartPolicyType": "ON_FAILURE" }\n}',
    },
  },
  check({ file, report }) {
    reportSchemaViolations(file, railwaySchemaViolations, report);
  },
});

import { defineRenderRule } from '../../engine/ruleTypes';
import { renderSchemaViolations } from '../../schema/platformSchemas';
import { SCHEMA_MESSAGES } from '../../schema/schemaMessages';
import { MAX_ALIAS_COUNT, reportSchemaViolations } from '../support/schemaFindings';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineRenderRule({
  id: 'render/schema',
  meta: {
    severity: 'error',
    description:
      'The Render Blueprint breaks the Blueprint specification: unknown top-level or environment variable keys, wrong types, plans, regions or runtimes Render does not offer, missing names.',
    fix: { when: FIX_WHEN.misspeltKey, applied: 'auto' },
    aliases: [],
    messages: {
      ...SCHEMA_MESSAGES,
      unresolvedAlias: 'The alias "*{{name}}" has no anchor "&{{name}}" before it, so Render cannot read the Blueprint; define the anchor above its first use.',
      badMerge:
        'The merge key "<<" takes a mapping, an alias of one or a list of them, so Render cannot read the Blueprint; merge an anchored mapping, as in `<<: *defaults`.',
      tooManyAliases: `The aliases of this Blueprint expand more than ${MAX_ALIAS_COUNT} times, so it was not checked against the Blueprint schema; reuse fewer anchors.`,
    },
    explanation: {
      why: "Render validates a Blueprint when it syncs and refuses the whole file for one misspelt key or a plan it does not offer: nothing is created or updated until it is fixed. The linter checks the file against a schema written from Render's Blueprint YAML reference: the top level and environment variable entries are closed (every key is documented), services and databases are open (only their documented fields are checked), and plans, regions, runtimes and service types are the documented values. A file named render.yaml without any Blueprint key (`services`, `databases`, `envVarGroups`…) is not taken for a Blueprint. The quick fix renames a misspelt key when that resolves the problem.",
      standard: 'Render Blueprint YAML reference (https://render.com/docs/blueprint-spec).',
      bad: 'services:\n  - type: web\n    name: web\n    runtime: docker\n    plan: hobby\n    envVars:\n      - key: DATABASE_URL\n        fromDatabse:\n          name: db\n          property: connectionString',
      good: 'services:\n  - type: web\n    name: web\n    runtime: docker\n    plan: starter\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase:\n          name: db\n          property: connectionString',
    },
  },
  check({ file, report }) {
    reportSchemaViolations(file, renderSchemaViolations, report);
  },
});

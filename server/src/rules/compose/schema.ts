import { defineComposeRule } from '../../engine/ruleTypes';
import { COMPOSE_SCHEMA_MESSAGES, composeSchemaViolations } from '../../schema/composeSchema';
import { SCHEMA_MESSAGES } from '../../schema/schemaMessages';
import { MAX_ALIAS_COUNT, reportSchemaViolations } from '../support/schemaFindings';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineComposeRule({
  id: 'compose/schema',
  meta: {
    severity: 'error',
    description: 'The compose file breaks the Compose Specification schema: unknown keys, wrong types, values that are not allowed, missing keys.',
    fix: { when: FIX_WHEN.misspeltKey, applied: 'auto' },
    aliases: ['dclint:invalid-schema'],
    messages: {
      ...SCHEMA_MESSAGES,
      ...COMPOSE_SCHEMA_MESSAGES,
      unresolvedAlias: 'The alias "*{{name}}" has no anchor "&{{name}}" before it, so Compose cannot load the file; define the anchor above its first use.',
      badMerge:
        'The merge key "<<" takes a mapping, an alias of one or a list of them, so Compose cannot load the file; merge an anchored mapping, as in `<<: *defaults`.',
      tooManyAliases: `The aliases of this document expand more than ${MAX_ALIAS_COUNT} times, so it was not checked against the compose schema; reuse fewer anchors.`,
    },
    explanation: {
      why: 'Docker Compose validates every file against the Compose Specification schema and refuses to start anything when one key is misspelt or has the wrong type; the linter shows every such problem at once, where it is.',
      standard: 'Compose Specification JSON Schema (the version dclint 3.x ships); dclint invalid-schema.',
      bad: 'services:\n  web:\n    imgae: nginx:1.27\n    ports: 8080',
      good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"',
    },
  },
  check({ file, report }) {
    reportSchemaViolations(file, composeSchemaViolations, report);
  },
});

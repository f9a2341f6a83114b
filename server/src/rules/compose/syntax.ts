import { defineComposeRule } from '../../engine/ruleTypes';
import { reportYamlErrors } from '../yamlErrors';

export const rule = defineComposeRule({
  id: 'compose/syntax',
  meta: {
    severity: 'error',
    description: 'The compose file is not well-formed YAML.',
    fixable: false,
    aliases: ['dclint:invalid-yaml'],
    messages: { yaml: 'YAML syntax: {{message}}' },
  },
  check: reportYamlErrors,
});

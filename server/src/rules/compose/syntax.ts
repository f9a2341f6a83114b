import { defineComposeRule } from '../../engine/ruleTypes';
import { reportYamlErrors } from '../yamlErrors';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

export const rule = defineComposeRule({
  id: 'compose/syntax',
  meta: {
    severity: 'error',
    description: 'The compose file is not well-formed YAML.',
    aliases: ['dclint:invalid-yaml'],
    messages: {
      ...UNCHECKED_MESSAGES,
      yaml: 'YAML syntax: {{message}}',
    },
    explanation: {
      why: 'Docker Compose refuses a file that is not valid YAML, so no service starts; a tab used for indentation or an unclosed quote is enough.',
      standard: 'YAML 1.2 specification; dclint invalid-yaml.',
      bad: 'services:\n  web:\n    image: "nginx:1.27',
      good: 'services:\n  web:\n    image: "nginx:1.27"',
    },
  },
  check: reportYamlErrors,
});

import { defineRenderRule } from '../../engine/ruleTypes';
import { reportSyntaxProblems } from '../support/yamlSyntaxProblems';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

export const rule = defineRenderRule({
  id: 'render/syntax',
  meta: {
    severity: 'error',
    description: 'The Render Blueprint (`render.yaml`) is not well-formed YAML.',
    aliases: [],
    messages: {
      ...UNCHECKED_MESSAGES,
      yaml: 'YAML syntax: {{message}}',
    },
    explanation: {
      why: 'Render refuses to sync a Blueprint it cannot read, so none of its services or databases is created or updated; a tab used for indentation or an unclosed quote is enough.',
      standard: 'YAML 1.2 specification; Render Blueprint YAML reference.',
      bad: 'services:\n  - type: web\n    name: "web',
      good: 'services:\n  - type: web\n    name: web',
    },
  },
  check({ file, report }) {
    reportSyntaxProblems(file.yaml.documents, 'yaml', report);
  },
});

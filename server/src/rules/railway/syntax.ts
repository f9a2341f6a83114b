import { defineRailwayRule } from '../../engine/ruleTypes';
import { yamlSyntaxProblems } from '../support/yamlSyntaxProblems';

export const rule = defineRailwayRule({
  id: 'railway/syntax',
  meta: {
    severity: 'error',
    description: 'The Railway config (`railway.json`) is not well-formed JSON.',
    fixable: false,
    aliases: [],
    messages: { json: 'JSON syntax: {{message}}' },
    explanation: {
      why: 'Railway cannot read a railway.json that is not valid JSON, so the deployment does not get the build and deploy settings of the file.',
      standard: 'RFC 8259 (JSON); Railway config-as-code reference.',
      bad: '{\n  "build": { "builder": "DOCKERFILE"\n}',
      good: '{\n  "build": { "builder": "DOCKERFILE" }\n}',
    },
  },
  check({ file, report }) {
    for (const document of file.yaml.documents) {
      for (const problem of yamlSyntaxProblems(document)) {
        report({
          messageId: 'json',
          data: { message: problem.message },
          range: document.rangeOfOffsets(problem.start, problem.end),
          severity: problem.severity,
        });
      }
    }
  },
});

import { defineRailwayRule } from '../../engine/ruleTypes';
import { reportSyntaxProblems } from '../support/yamlSyntaxProblems';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

export const rule = defineRailwayRule({
  id: 'railway/syntax',
  meta: {
    severity: 'error',
    description: 'The Railway config (`railway.json`) is not well-formed JSON.',
    aliases: [],
    messages: {
      ...UNCHECKED_MESSAGES,
      json: 'JSON syntax: {{message}}',
      notJson: 'JSON syntax: {{message}}; Railway reads strict JSON (no trailing commas, comments or single quotes).',
    },
    explanation: {
      why: 'Railway cannot read a railway.json that is not valid JSON, so the deployment does not get the build and deploy settings of the file. The file is held to strict JSON: a trailing comma, a comment or a single-quoted string is an error too.',
      standard: 'RFC 8259 (JSON); Railway config-as-code reference.',
      bad: '{\n  "build": { "builder": "DOCKERFILE", }\n}',
      good: '{\n  "build": { "builder": "DOCKERFILE" }\n}',
    },
  },
  check({ file, report }) {
    const problems = reportSyntaxProblems(file.yaml.documents, 'json', report);
    const text = file.document.getText();
    if (problems > 0 || text.trim() === '') return;
    // The file was read as YAML, which also accepts what JSON does not (a trailing comma, a comment): ask JSON itself.
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
      const start = file.document.positionAt(offset);
      report({
        messageId: 'notJson',
        data: { message: message.replace(/ in JSON at position \d+.*$/, '') },
        range: { start, end: file.document.positionAt(offset + 1) },
      });
    }
  },
});

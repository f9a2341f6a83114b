import type { Range } from 'vscode-languageserver-types';
import { defineEcsRule } from '../../engine/ruleTypes';
import { reportSyntaxProblems } from '../support/yamlSyntaxProblems';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

export const rule = defineEcsRule({
  id: 'ecs/syntax',
  meta: {
    severity: 'error',
    description: 'A task definition file is not well-formed JSON, or has no `containerDefinitions` list.',
    aliases: [],
    messages: {
      ...UNCHECKED_MESSAGES,
      json: 'JSON syntax: {{message}}',
      noContainers: 'The task definition has no "containerDefinitions" list: ECS refuses to register it. List the task\'s containers there.',
    },
    explanation: {
      why: '`aws ecs register-task-definition --cli-input-json` cannot read a file that is not valid JSON, and a task definition without `containerDefinitions` is refused: the deployment fails before anything runs.',
      standard: 'Amazon ECS task definition parameters (containerDefinitions is required).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" \n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
    },
  },
  check({ file, report }) {
    const broken = file.yaml.documents.some((document) => document.parsed.errors.length > 0);
    reportSyntaxProblems(file.yaml.documents, 'json', report);
    const containers = file.taskDefinition?.containerDefinitions;
    if (broken || containers?.isSeq) return;
    report({ messageId: 'noContainers', range: containers?.pairRange ?? firstLine(file.document.getText()) });
  },
});

/** Squiggling a whole file would hide every other finding in it. */
function firstLine(text: string): Range {
  const end = text.search(/[\r\n]/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } };
}

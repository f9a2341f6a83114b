import { defineKubernetesRule } from '../../engine/ruleTypes';
import { reportYamlErrors } from '../yamlErrors';

export const rule = defineKubernetesRule({
  id: 'k8s/syntax',
  meta: {
    severity: 'error',
    description: 'A document of the manifest file is not well-formed YAML.',
    scope: 'document',
    fixable: false,
    aliases: [],
    messages: { yaml: 'YAML syntax: {{message}}' },
    explanation: {
      why: 'kubectl cannot decode a manifest that is not valid YAML, so the apply fails; a tab used for indentation or an unclosed quote is enough.',
      standard: 'YAML 1.2 specification.',
      bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  greeting: "hello',
      good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  greeting: "hello"',
    },
  },
  check: reportYamlErrors,
});

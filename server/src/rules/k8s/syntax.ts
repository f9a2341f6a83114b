import { defineKubernetesRule } from '../../engine/ruleTypes';
import { reportYamlErrors } from '../yamlErrors';

export const rule = defineKubernetesRule({
  id: 'k8s/syntax',
  meta: {
    severity: 'error',
    description: 'A document of the manifest file is not well-formed YAML.',
    fixable: false,
    aliases: [],
    messages: { yaml: 'YAML syntax: {{message}}' },
  },
  check: reportYamlErrors,
});

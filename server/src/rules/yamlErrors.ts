import type { RuleContext } from '../engine/ruleTypes';
import type { YamlFile } from '../parsing/yaml';

/** Shared by the compose and Kubernetes syntax rules: the YAML parser's errors and warnings, where they occur. */
export function reportYamlErrors({ file, report }: RuleContext<{ yaml: YamlFile }>): void {
  for (const document of file.yaml.documents) {
    for (const [problems, severity] of [[document.parsed.errors, 'error'], [document.parsed.warnings, 'warning']] as const) {
      for (const problem of problems) {
        report({
          messageId: 'yaml',
          data: { message: problem.message.split('\n')[0] ?? problem.message },
          range: document.rangeOfOffsets(problem.pos[0], problem.pos[1]),
          severity,
        });
      }
    }
  }
}

import type { YAMLError, YAMLWarning } from 'yaml';
import type { RuleContext } from '../engine/ruleTypes';
import type { YamlFile } from '../parsing/yaml';

/** Shared by the compose and Kubernetes syntax rules: the YAML parser's errors and warnings, where they occur. */
export function reportYamlErrors({ file, report }: RuleContext<{ yaml: YamlFile }>): void {
  for (const document of file.yaml.documents) {
    for (const [problems, severity] of [
      [withoutConsequences(document.parsed.errors), 'error'],
      [document.parsed.warnings, 'warning'],
    ] as const) {
      for (const problem of problems) {
        const message = problem.message.split('\n')[0] ?? problem.message;
        report({
          messageId: 'yaml',
          // The parser recurses per level of nesting; its own words ("Maximum call stack size exceeded") say little.
          data: { message: problem.code === 'RESOURCE_EXHAUSTION' ? `nested too deeply to read (${message})` : message },
          range: document.rangeOfOffsets(problem.pos[0], problem.pos[1]),
          severity,
        });
      }
    }
  }
}

/** Once the parser has given up on a document's nesting, every error after that point follows from it. */
function withoutConsequences(errors: readonly (YAMLError | YAMLWarning)[]): readonly (YAMLError | YAMLWarning)[] {
  const exhausted = errors.filter((error) => error.code === 'RESOURCE_EXHAUSTION').sort((a, b) => a.pos[0] - b.pos[0])[0];
  return exhausted ? errors.filter((error) => error === exhausted || error.pos[0] < exhausted.pos[0]) : errors;
}

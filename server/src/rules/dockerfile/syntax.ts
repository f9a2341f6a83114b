import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/syntax',
  meta: {
    severity: 'error',
    description: 'The Docker builder would reject the file (validated by dockerfile-utils).',
    fixable: false,
    aliases: ['dockerfile-utils:*'],
    messages: { builder: '{{message}}' },
  },
  check({ file, report }) {
    const diagnostics = validate(file.document.getText(), {
      instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
      // Reported by dockerfile/maintainer-deprecated, dockerfile/multiple-cmd and dockerfile/relative-workdir.
      deprecatedMaintainer: ValidationSeverity.IGNORE,
      instructionCmdMultiple: ValidationSeverity.IGNORE,
      instructionEntrypointMultiple: ValidationSeverity.IGNORE,
      instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
      instructionWorkdirRelative: ValidationSeverity.IGNORE,
      // Reported by dockerfile/consistent-instruction-casing and dockerfile/no-empty-continuation (BuildKit's checks).
      instructionCasing: ValidationSeverity.IGNORE,
      emptyContinuationLine: ValidationSeverity.IGNORE,
    });
    for (const diagnostic of diagnostics) {
      const code = typeof diagnostic.code === 'number' ? ValidationCode[diagnostic.code] : undefined;
      report({
        messageId: 'builder',
        data: { message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value },
        range: diagnostic.range,
        severity: diagnostic.severity === DiagnosticSeverity.Error ? 'error' : 'warning',
        aliases: code ? [`dockerfile-utils:${code}`] : [],
      });
    }
  },
});

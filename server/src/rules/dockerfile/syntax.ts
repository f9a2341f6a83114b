import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import { heredocsOf } from '../../parsing/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/syntax',
  meta: {
    severity: 'error',
    description: 'The Docker builder would reject the file (validated by dockerfile-utils, plus here-documents that are never closed).',
    fixable: false,
    aliases: ['dockerfile-utils:*'],
    messages: {
      builder: '{{message}}',
      unterminatedHeredoc:
        'The here-document <<{{name}} is never closed by a line reading {{name}}, so every line after it is part of its content and the builder fails with "unterminated heredoc".',
    },
    explanation: {
      why: 'A file the builder rejects fails `docker build` before any step runs; finding the error while editing saves a build or CI round trip.',
      standard: 'Dockerfile reference; validation by dockerfile-utils.',
      bad: 'FROM alpine:3.22\nCOPPY app /app',
      good: 'FROM alpine:3.22\nCOPY app /app',
    },
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
    // Without FROM, a file that has an instruction other than ARG has it before the first FROM.
    const onlyArgs = file.dockerfile.ast.getInstructions().every((instruction) => instruction.getKeyword() === 'ARG');
    for (const diagnostic of diagnostics) {
      const code = typeof diagnostic.code === 'number' ? ValidationCode[diagnostic.code] : undefined;
      // Reported, with a fix, by dockerfile/copy-destination-trailing-slash (hadolint DL3021).
      if (code === 'INVALID_DESTINATION') continue;
      // Reported by dockerfile/instruction-before-from (hadolint DL3061), except for an empty file or one of only ARGs.
      if (code === 'NO_SOURCE_IMAGE' && !onlyArgs) continue;
      report({
        messageId: 'builder',
        data: { message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value },
        range: diagnostic.range,
        severity: diagnostic.severity === DiagnosticSeverity.Error ? 'error' : 'warning',
        aliases: code ? [`dockerfile-utils:${code}`] : [],
      });
    }
    // dockerfile-utils accepts a here-document that runs to the end of the file; the builder does not.
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      for (const heredoc of heredocsOf(instruction)) {
        if (!heredoc.getDelimiterRange()) report({ messageId: 'unterminatedHeredoc', data: { name: heredoc.getName() }, range: heredoc.getStartRange() });
      }
    }
  },
});

import type { Heredoc, Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import { ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import { heredocsOf } from '../../parsing/dockerfile';
import { validateDockerfile } from '../../parsing/dockerfileValidation';
import { UNCHECKED_MESSAGES } from '../../parsing/sizeLimits';

/** A line that starts with a Go-template or Jinja tag: gomplate, Helm-style or Jinja-rendered Dockerfiles. */
const TEMPLATE_TAG = /^[^\S\n]*(?:\{\{|\{%)/m;
/** A dev container template's option placeholder, which the dev container CLI replaces before anything builds the file. */
const TEMPLATE_OPTION = /\$\{templateOption:/;

const VALIDATOR_SETTINGS: ValidatorSettings = {
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
};

export const rule = defineDockerfileRule({
  id: 'dockerfile/syntax',
  meta: {
    severity: 'error',
    description: 'The Docker builder would reject the file (validated by dockerfile-utils, plus here-documents that are never closed).',
    aliases: ['dockerfile-utils:*'],
    messages: {
      ...UNCHECKED_MESSAGES,
      builder: '{{message}}',
      unterminatedHeredoc:
        'The here-document <<{{name}} is never closed by a line reading {{name}}, so every line after it is part of its content and the builder fails with "unterminated heredoc".',
      template:
        'This file is a template (`{{ … }}` / `{% … %}` lines), not yet a Dockerfile: the builder reads the file it renders to, so check that one; its other syntax errors are not reported.',
      devContainerTemplate:
        'This file is a dev container template: the dev container CLI replaces its `${templateOption:…}` placeholders before the build, so the builder never sees them; its other syntax errors are not reported.',
    },
    explanation: {
      why: 'A file the builder rejects fails `docker build` before any step runs; finding the error while editing saves a build or CI round trip. A template (a line that starts with a Go-template or Jinja tag, `{{` or `{%`) is reported once, as info, instead of an error per templated line, and so is a dev container template (`${templateOption:imageVariant}` placeholders, which the dev container CLI fills in).',
      standard: 'Dockerfile reference; validation by dockerfile-utils.',
      bad: 'FROM alpine:3.22\nCOPPY app /app',
      good: 'FROM alpine:3.22\nCOPY app /app',
    },
  },
  check({ file, report }) {
    const template = TEMPLATE_TAG.exec(file.document.getText());
    const templateLine = template ? file.document.positionAt(template.index).line : -1;
    if (templateLine >= 0) {
      report({ messageId: 'template', range: { start: { line: templateLine, character: 0 }, end: { line: templateLine, character: 2 } }, severity: 'info' });
      return;
    }
    const placeholder = TEMPLATE_OPTION.exec(file.document.getText());
    if (placeholder) {
      const start = file.document.positionAt(placeholder.index);
      report({ messageId: 'devContainerTemplate', range: { start, end: { line: start.line, character: start.character + 2 } }, severity: 'info' });
      return;
    }
    const diagnostics = validateDockerfile(file.document, file.dockerfile.ast, VALIDATOR_SETTINGS, file.dockerfile.instructionProblems);
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
    let lines: string[] | undefined;
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      if (!instruction.getRawArgumentsContent()?.includes('<<')) continue;
      lines ??= file.document
        .getText()
        .split('\n')
        .map((line) => line.replace(/\r$/, ''));
      for (const heredoc of unterminatedHeredocs(lines, instruction)) {
        report({ messageId: 'unterminatedHeredoc', data: { name: heredoc.getName() }, range: heredoc.getStartRange() });
      }
    }
  },
});

/**
 * The here-documents dockerfile-ast leaves open that the builder would wait for in vain. dockerfile-ast also sees
 * `<<` in quotes, in arithmetic and in exec form, and reads a trailing backslash in a body as a continuation; the
 * builder takes only an unquoted `<<NAME` word of a shell-form line and reads bodies as they are. So a heredoc
 * counts as unterminated only when the builder sees its word and no later line reads its name.
 */
function unterminatedHeredocs(lines: readonly string[], instruction: Instruction): Heredoc[] {
  const open = heredocsOf(instruction).filter((heredoc) => !heredoc.getDelimiterRange());
  if (open.length === 0 || isExecForm(instruction)) return [];
  return open.filter((heredoc) => {
    const line = heredoc.getStartRange().start.line;
    const opened = builderHeredocWords(lines.slice(instruction.getRange().start.line, line + 1).join('\n')).get(heredoc.getName());
    if (opened === undefined) return false;
    return !lines.slice(line + 1).some((later) => (opened.stripsTabs ? later.replace(/^\t+/, '') : later) === heredoc.getName());
  });
}

/** The heredoc names the builder reads in an instruction's text: unquoted words `<<NAME`, `<<-NAME`, `2<<"NAME"`. */
function builderHeredocWords(text: string): Map<string, { stripsTabs: boolean }> {
  const names = new Map<string, { stripsTabs: boolean }>();
  for (const word of shellWords(text.replace(/\\\r?\n/g, ' '))) {
    const heredoc = /^\d*<<(-?)([^<]+)$/.exec(word);
    if (heredoc) names.set(heredoc[2]!.replace(/["']/g, ''), { stripsTabs: heredoc[1] === '-' });
  }
  return names;
}

/** Words split at blanks outside quotes, quotes kept, as BuildKit splits a line to look for heredocs. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quote) {
      word += character;
      if (character === quote) quote = undefined;
      else if (character === '\\' && quote === '"') word += text[++index] ?? '';
    } else if (/\s/.test(character)) {
      if (word) words.push(word);
      word = '';
    } else {
      word += character;
      if (character === '"' || character === "'") quote = character;
      else if (character === '\\') word += text[++index] ?? '';
    }
  }
  if (word) words.push(word);
  return words;
}

/** Exec form (`RUN ["sh", "-c", "…"]`), where the builder reads no heredocs; ONBUILD is judged by its trigger. */
function isExecForm(instruction: Instruction): boolean {
  const judged = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : instruction;
  return Boolean((judged as JSONInstruction | null)?.getOpeningBracket?.());
}

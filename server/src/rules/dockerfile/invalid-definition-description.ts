import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { declarationsOf } from '../../parsing/dockerfileScope';
import { eolOf } from '../support/dockerfile';

/** Comments that steer linters are not descriptions, though BuildKit reads them as such. */
const PRAGMA = /^(hadolint\s|container-standards-disable|check\s*=)/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/invalid-definition-description',
  meta: {
    // Experimental in BuildKit, so off unless switched on.
    severity: 'off',
    description: 'A comment right above a stage or ARG does not start with its name, so `docker build --call=outline` shows it as a wrong description.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:InvalidDefinitionDescription'],
    messages: {
      description:
        'The comment above this {{instruction}} is taken as its description but does not follow "# {{name}} <description>"; start it with the name, or separate it from the {{instruction}} with an empty line.',
    },
    explanation: {
      why: '`docker build --call=outline` and `--call=targets` describe stages and ARGs by the comment right above them, but only when it starts with their name; a comment there in another form is left out.',
      standard: 'BuildKit build check InvalidDefinitionDescription (experimental).',
      bad: '# Go version to build with\nARG GO_VERSION=1.25',
      good: '# GO_VERSION Go version to build with\nARG GO_VERSION=1.25',
    },
  },
  check({ file, report }) {
    const directiveLines = new Set(file.dockerfile.ast.getDirectives().map((directive) => directive.getRange().start.line));
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      const names = definedNames(instruction);
      if (names.length === 0) continue;
      const line = instruction.getRange().start.line;
      const comment = line > 0 && !directiveLines.has(line - 1) ? commentLine(file, line - 1) : undefined;
      if (!comment || PRAGMA.test(comment.text) || names.includes(comment.text.split(' ')[0]!)) continue;
      const start = { line, character: 0 };
      report({
        messageId: 'description',
        data: { instruction: instruction.getKeyword(), name: names.length === 1 ? names[0]! : '<arg_key>' },
        range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: comment.length } },
        fixes: [{ title: 'Separate the comment from the definition', edits: [{ range: { start, end: start }, newText: eolOf(file) }] }],
      });
    }
  },
});

/** The stage name of a FROM, the names of an ARG: what a description comment must start with. */
function definedNames(instruction: Instruction): string[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'ARG') return declarationsOf(instruction).map(({ name }) => name);
  if (keyword !== 'FROM') return [];
  const stage = (instruction as Instruction & { getBuildStage(): string | null }).getBuildStage();
  return stage ? [stage] : [];
}

/** The text of a comment line after `#`, and the line's length; undefined for other lines. */
function commentLine(file: DockerfileFile, line: number): { text: string; length: number } | undefined {
  const whole = file.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const trimmed = whole.trim();
  return trimmed.startsWith('#') ? { text: trimmed.slice(1).trim(), length: whole.length } : undefined;
}

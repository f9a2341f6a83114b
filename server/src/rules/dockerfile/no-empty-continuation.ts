import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { heredocsOf } from '../../parsing/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/no-empty-continuation',
  meta: {
    severity: 'warning',
    description: 'An instruction continued over several lines has an empty line inside it, which a future Docker release will reject.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:NoEmptyContinuation'],
    messages: {
      emptyLine:
        '{{instruction}} has an empty continuation line (line {{lines}}), which Docker will reject in a future release; remove it, or make it a comment.',
      emptyLines:
        '{{instruction}} has empty continuation lines (lines {{lines}}), which Docker will reject in a future release; remove them, or make them comments.',
    },
    explanation: {
      why: 'An empty line inside a `\\` continuation is skipped today, but it hides where the instruction ends, and Docker has announced that it will become an error.',
      standard: 'BuildKit build check NoEmptyContinuation.',
      bad: 'RUN apt-get update && \\\n\n    apt-get install -y curl',
      good: 'RUN apt-get update && \\\n    apt-get install -y curl',
    },
  },
  check({ file, report }) {
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      const lines = emptyContinuationLines(file, instruction);
      if (lines.length === 0) continue;
      const edits = lines.map((line): TextEdit => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }));
      report({
        messageId: lines.length === 1 ? 'emptyLine' : 'emptyLines',
        data: { instruction: instruction.getKeyword(), lines: lines.map((line) => line + 1).join(', ') },
        range: instruction.getInstructionRange(),
        fixes: [{ title: lines.length === 1 ? 'Remove the empty line' : 'Remove the empty lines', edits }],
      });
    }
  },
});

/** Blank lines between the first and last line of the instruction, here-document bodies excepted. */
function emptyContinuationLines(file: DockerfileFile, instruction: Instruction): number[] {
  const { start, end } = instruction.getRange();
  const lines: number[] = [];
  for (let line = start.line + 1; line < end.line; line++) {
    const text = file.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    if (text.trim() === '') lines.push(line);
  }
  if (lines.length === 0) return lines;
  const heredocs = heredocsOf(instruction);
  const inHeredoc = (line: number) =>
    heredocs.some(
      (heredoc) =>
        line > heredoc.getStartRange().start.line && line <= (heredoc.getDelimiterRange() ?? heredoc.getContentRange() ?? heredoc.getStartRange()).end.line,
    );
  return lines.filter((line) => !inHeredoc(line));
}

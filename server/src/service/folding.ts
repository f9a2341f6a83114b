import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';

/**
 * Folds Dockerfile stages, multi-line instructions (continuations, heredocs) and comment blocks. Other files get
 * undefined rather than an empty list: an empty list would stop the editor from using its own YAML or indentation
 * folding there.
 */
export function foldingRanges(file: ContainerFile | undefined): FoldingRange[] | undefined {
  if (file?.kind !== 'dockerfile') return undefined;
  const { ast, stages } = file.dockerfile;
  const ranges: FoldingRange[] = [];
  const fold = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  for (const range of stages.map((stage) => stage.range)) fold(range.start.line, range.end.line);
  for (const instruction of ast.getInstructions()) fold(instruction.getRange().start.line, instruction.getRange().end.line);
  let blockStart: number | undefined;
  let previousLine = Number.NEGATIVE_INFINITY;
  for (const comment of ast.getComments()) {
    const line = comment.getRange().start.line;
    if (line !== previousLine + 1) {
      if (blockStart !== undefined) fold(blockStart, previousLine, FoldingRangeKind.Comment);
      blockStart = line;
    }
    previousLine = line;
  }
  if (blockStart !== undefined) fold(blockStart, previousLine, FoldingRangeKind.Comment);
  return ranges;
}

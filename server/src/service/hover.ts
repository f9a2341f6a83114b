import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { explanationMarkdown } from '../engine/docs';
import type { Finding } from '../engine/lint';
import type { Rule } from '../engine/ruleTypes';
import { INSTRUCTIONS_BY_KEYWORD, instructionMarkdown } from '../knowledge/dockerfileInstructions';
import type { ContainerFile } from '../parsing/containerFile';
import { instructionAtLine } from '../parsing/dockerfile';

/** A file with the findings the session's lint produced for it. */
export interface LintedFile {
  file: ContainerFile;
  findings: readonly Finding[];
}

/**
 * Explains our findings under the cursor (the editor already shows their messages, so the hover adds why the rule
 * exists and how to satisfy it) and, on a Dockerfile keyword, what the instruction does.
 */
export function hover(linted: LintedFile | undefined, position: Position, rules: readonly Rule[]): Hover | null {
  if (!linted) return null;
  const findings = linted.findings.filter((finding) => contains(finding.range, position));
  // A rule reporting twice at one place is explained once.
  const firstOfEachRule = new Map<string, Finding>();
  for (const finding of findings) if (!firstOfEachRule.has(finding.ruleId)) firstOfEachRule.set(finding.ruleId, finding);
  const sections = [...firstOfEachRule.values()].map((finding) =>
    findingMarkdown(
      finding,
      rules.find((rule) => rule.id === finding.ruleId),
    ),
  );
  const keyword = keywordAt(linted.file, position);
  const instruction = keyword && INSTRUCTIONS_BY_KEYWORD.get(keyword.keyword);
  if (instruction) sections.push(instructionMarkdown(instruction));
  const range = instruction ? keyword.range : findings[0]?.range;
  if (sections.length === 0 || !range) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range };
}

function findingMarkdown(finding: Finding, rule: Rule | undefined): string {
  const sections = [`**${finding.ruleId}**: ${rule?.meta.description ?? finding.message}`];
  if (rule) sections.push(...explanationMarkdown(rule, { standard: '*Standard:*', good: 'Instead:' }));
  sections.push(`[Documentation of ${finding.ruleId}](${finding.docsUrl})`);
  return sections.join('\n\n');
}

function keywordAt(file: ContainerFile, position: Position): { keyword: string; range: Range } | undefined {
  if (file.kind !== 'dockerfile') return undefined;
  const instruction = instructionAtLine(file.dockerfile, position.line);
  const range = instruction?.getInstructionRange();
  return instruction && range && contains(range, position) ? { keyword: instruction.getKeyword(), range } : undefined;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { explanationMarkdown } from '../engine/docs';
import { fixSentence } from '../engine/fixDocs';
import type { Finding } from '../engine/lint';
import type { Rule } from '../engine/ruleTypes';
import { INSTRUCTIONS_BY_KEYWORD, instructionMarkdown } from '../knowledge/dockerfileInstructions';
import type { ContainerFile } from '../parsing/containerFile';
import { instructionAtLine } from '../parsing/dockerfile';
import { composeKeyHover } from './composeHover';
import { kubernetesHover } from './kubernetesHover';
import type { RuleDocsLinks } from './ruleDocs';

/** A file with the findings the session's lint produced for it. */
export interface LintedFile {
  file: ContainerFile;
  findings: readonly Finding[];
}

/**
 * Explains our findings under the cursor (the editor already shows their messages, so the hover adds why the rule
 * exists and how to satisfy it) and, on a Dockerfile keyword, a compose key or a Kubernetes field, what it does.
 */
export function hover(linted: LintedFile | undefined, position: Position, rules: readonly Rule[], ruleDocs: RuleDocsLinks): Hover | null {
  if (!linted) return null;
  const findings = linted.findings.filter((finding) => contains(finding.range, position));
  // A rule reporting twice at one place is explained once.
  const firstOfEachRule = new Map<string, Finding>();
  for (const finding of findings) if (!firstOfEachRule.has(finding.ruleId)) firstOfEachRule.set(finding.ruleId, finding);
  const sections = [...firstOfEachRule.values()].map((finding) =>
    findingMarkdown(
      finding,
      rules.find((rule) => rule.id === finding.ruleId),
      ruleDocs,
    ),
  );
  const documented = documentationAt(linted.file, position);
  if (documented) sections.push(documented.markdown);
  const range = documented?.range ?? findings[0]?.range;
  if (sections.length === 0 || !range) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range };
}

function findingMarkdown(finding: Finding, rule: Rule | undefined, ruleDocs: RuleDocsLinks): string {
  const sections = [`**${finding.ruleId}**: ${rule?.meta.description ?? finding.message}`];
  if (rule) sections.push(...explanationMarkdown(rule, { standard: '*Standard:*', good: 'Instead:' }));
  if (rule?.meta.fix) sections.push(`*Quick fix:* ${fixSentence(rule.meta.fix)}`);
  sections.push(`[Documentation of ${finding.ruleId}](${ruleDocs.href(finding.ruleId)})`);
  return sections.join('\n\n');
}

/** What the word under the cursor is: a Dockerfile instruction's keyword, or a key a compose or Kubernetes schema describes. */
function documentationAt(file: ContainerFile, position: Position): { markdown: string; range: Range } | undefined {
  if (file.kind === 'compose') return composeKeyHover(file, position);
  if (file.kind === 'kubernetes') return kubernetesHover(file, position);
  if (file.kind !== 'dockerfile') return undefined;
  const instruction = instructionAtLine(file.dockerfile, position.line);
  const range = instruction?.getInstructionRange();
  const info = instruction && INSTRUCTIONS_BY_KEYWORD.get(instruction.getKeyword());
  return info && range && contains(range, position) ? { markdown: instructionMarkdown(info), range } : undefined;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

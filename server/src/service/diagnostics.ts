import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../engine/lint';
import type { Severity } from '../engine/ruleTypes';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { RuleDocsLinks } from './ruleDocs';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries in `data`: the rule's other names. Its fixes stay on the server, which answers code
 * actions from the findings it keeps per document version: sending them with every publish would make each
 * keystroke's message several times larger.
 */
export interface DiagnosticData {
  aliases: string[];
}

/** A finding kept across lints (see lintFile) keeps its diagnostic; a server links documentation one way throughout. */
const diagnosticOfFinding = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(finding: Finding, ruleDocs: RuleDocsLinks): Diagnostic {
  let diagnostic = diagnosticOfFinding.get(finding);
  if (!diagnostic) {
    diagnostic = newDiagnostic(finding, ruleDocs);
    diagnosticOfFinding.set(finding, diagnostic);
  }
  return diagnostic;
}

function newDiagnostic(finding: Finding, ruleDocs: RuleDocsLinks): Diagnostic {
  const data: DiagnosticData = { aliases: finding.aliases };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocs.href(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** Whether a diagnostic sent back by the client stands for this finding. */
export function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding): boolean {
  const { start, end } = diagnostic.range;
  return (
    diagnostic.code === finding.ruleId &&
    start.line === finding.range.start.line &&
    start.character === finding.range.start.character &&
    end.line === finding.range.end.line &&
    end.character === finding.range.end.character
  );
}

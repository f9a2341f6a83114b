import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Finding } from '../engine/lint';
import { collectSafeFixes } from '../engine/fixes';
import type { CreatedFile, Fix, OtherFileEdits } from '../engine/ruleTypes';
import { OWN_DISABLE_NEXT_LINE } from '../parsing/suppressionDirectives';
import type { ContainerFile } from '../parsing/containerFile';
import { instructionAtLine } from '../parsing/dockerfile';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';
import type { RuleDocsLinks } from './ruleDocs';
import { isDiagnosticOf } from './diagnostics';

export interface CodeActionRequest {
  file: ContainerFile;
  findings: readonly Finding[];
  /** The diagnostics the client asks about. */
  diagnostics: readonly Diagnostic[];
  /** The kinds the client wants; all when absent. */
  only?: readonly string[];
  /**
   * Whether a fix may create this file: the client supports file creation and the file does not exist now.
   * Fixes that cannot create their files are left out rather than sent as edits of an existing file.
   */
  canCreateFile: (uri: string) => boolean;
  /** How "Show documentation" opens a rule's documentation in this client. */
  ruleDocs: RuleDocsLinks;
}

/** Quick fixes, "disable for this line" and "show documentation" per diagnostic, plus fix-all. */
export function codeActions({ file, findings, diagnostics, only, canCreateFile, ruleDocs }: CodeActionRequest): CodeAction[] {
  // Fixes are built when first read; only the findings asked about (or fix-all) need theirs.
  const usableFixes = (finding: Finding) => finding.fixes.filter((fix) => (fix.createFiles ?? []).every((created) => canCreateFile(created.uri)));
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((candidate) => isDiagnosticOf(diagnostic, candidate));
      if (!finding) continue;
      for (const [index, fix] of usableFixes(finding).entries()) actions.push(fixAction(file.uri, fix, diagnostic, index === 0));
      // JSON (task definitions, railway.json) has no comments to write the suppression in.
      if (file.kind !== 'ecs' && file.kind !== 'railway') actions.push(disableAction(file, finding, diagnostic));
      actions.push({
        title: `Show documentation for ${finding.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: ruleDocs.command(finding.ruleId),
      });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const { edits, createFiles, editFiles } = collectSafeFixes(findings.map((finding) => ({ ...finding, fixes: usableFixes(finding) })));
    if (edits.length || createFiles.length || editFiles.length) {
      actions.push({
        title: 'Fix all auto-fixable Container Standards problems',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(file.uri, edits, createFiles, editFiles),
      });
    }
  }
  return actions;
}

function fixAction(uri: string, fix: Fix, diagnostic: Diagnostic, isPreferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: workspaceEdit(uri, fix.edits, fix.createFiles ?? [], fix.editFiles ?? []),
  };
}

function workspaceEdit(uri: string, edits: TextEdit[], createFiles: readonly CreatedFile[], editFiles: readonly OtherFileEdits[]): WorkspaceEdit {
  if (createFiles.length === 0) {
    const changes: Record<string, TextEdit[]> = { [uri]: edits };
    for (const other of editFiles) changes[other.uri] = [...(changes[other.uri] ?? []), ...other.edits];
    return { changes };
  }
  return {
    documentChanges: [
      ...createFiles.flatMap((created) => [
        // Neither overwrite nor ignore: should the file have appeared meanwhile, the client refuses the whole edit
        // instead of replacing the user's file or inserting the template into it.
        { kind: 'create' as const, uri: created.uri, options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri: created.uri, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }],
        },
      ]),
      ...(edits.length ? [{ textDocument: { uri, version: null }, edits }] : []),
      ...editFiles.map((other) => ({ textDocument: { uri: other.uri, version: null }, edits: other.edits })),
    ],
  };
}

/** Writes `# container-standards-disable-next-line <id>` above the statement, or adds the id to one already there. */
function disableAction(file: ContainerFile, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const lines = file.document.getText().split(/\r?\n/);
  const line = statementStartLine(file, finding.range.start.line);
  const previous = lines[line - 1] ?? '';
  const existing = new RegExp(`^(\\s*#\\s*${OWN_DISABLE_NEXT_LINE}\\s+)(.*?)(\\s+--\\s.*)?$`).exec(previous);
  let edit: TextEdit;
  if (existing && line > 0) {
    const ids = existing[2] ?? '';
    const end = (existing[1] ?? '').length + ids.length;
    edit = { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `, ${finding.ruleId}` };
  } else {
    const indentation = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
    const eol = file.document.getText().includes('\r\n') ? '\r\n' : '\n';
    edit = {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      newText: `${indentation}# ${OWN_DISABLE_NEXT_LINE} ${finding.ruleId}${eol}`,
    };
  }
  return {
    title: `Disable ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [file.uri]: [edit] } },
  };
}

/** A Dockerfile instruction may span lines; the comment goes above its first one. */
function statementStartLine(file: ContainerFile, line: number): number {
  if (file.kind !== 'dockerfile') return line;
  return instructionAtLine(file.dockerfile, line)?.getRange().start.line ?? line;
}

import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Finding } from '../engine/lint';
import { collectSafeFixes } from '../engine/fixes';
import type { CreatedFile, Fix, OtherFileEdits } from '../engine/ruleTypes';
import { OWN_DISABLE_NEXT_LINE } from '../parsing/suppressionDirectives';
import type { ContainerFile } from '../parsing/containerFile';
import { instructionAtLine } from '../parsing/dockerfile';
import { indentationOf, lineStart } from '../parsing/lineStart';
import { ClientCommandIds, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type CreateFilesArguments } from '../protocol';
import type { RuleDocsLinks } from './ruleDocs';
import { isDiagnosticOf } from './diagnostics';

export interface CodeActionRequest {
  file: ContainerFile;
  findings: readonly Finding[];
  /** Some rules' findings are left out (LintResult.deferredRules). */
  partial?: boolean;
  /** The diagnostics the client asks about. */
  diagnostics: readonly Diagnostic[];
  /** The kinds the client wants; all when absent. */
  only?: readonly string[];
  /**
   * Whether a fix may create this file: the client supports file creation and the file does not exist now.
   * Fixes that cannot create their files are left out rather than sent as edits of an existing file.
   */
  canCreateFile: (uri: string) => boolean;
  /** Whether the client runs `ClientCommandIds.createFiles`, which writes created files with their content. */
  clientWritesFiles: boolean;
  /** How "Show documentation" opens a rule's documentation in this client. */
  ruleDocs: RuleDocsLinks;
}

/** Whether a request limited to `only` (all kinds when absent) asks for actions of `kind`. */
export function asksFor(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * Quick fixes, "disable for this line" and "show documentation" per diagnostic, plus fix-all unless the findings are
 * `partial` (some rules left out while the workspace's tables are built: fixing "all" would fix only some).
 */
export function codeActions({ file, findings, partial, diagnostics, only, canCreateFile, clientWritesFiles, ruleDocs }: CodeActionRequest): CodeAction[] {
  // Fixes are built when first read; only the findings asked about (or fix-all) need theirs.
  const usableFixes = (finding: Finding) => finding.fixes.filter((fix) => (fix.createFiles ?? []).every((created) => canCreateFile(created.uri)));
  const wants = (kind: string) => asksFor(only, kind);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const asked = diagnostics.flatMap((diagnostic) => {
      const finding = diagnostic.source === DIAGNOSTIC_SOURCE ? findings.find((candidate) => isDiagnosticOf(diagnostic, candidate)) : undefined;
      return finding ? [{ diagnostic, finding, fixes: usableFixes(finding) }] : [];
    });
    const preferred = mostSevere(asked.filter(({ fixes }) => fixes.length > 0).map(({ diagnostic }) => diagnostic));
    for (const { diagnostic, finding, fixes } of asked) {
      for (const [index, fix] of fixes.entries())
        actions.push(fixAction(file.uri, fix, diagnostic, diagnostic === preferred && index === 0, clientWritesFiles));
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
  if (wants(FIX_ALL_KIND) && !partial) {
    // Fix-all runs on save, where a created file would be left empty on disk with its content in an unsaved
    // editor; creating a file is a step the user takes deliberately, through its quick fix.
    const editsOnly = (finding: Finding) => finding.fixes.filter((fix) => !fix.createFiles?.length);
    const { edits, editFiles } = collectSafeFixes(findings.map((finding) => ({ ...finding, fixes: editsOnly(finding) })));
    if (edits.length || editFiles.length) {
      actions.push({
        title: 'Fix all auto-fixable Container Standards problems',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(file.uri, edits, [], editFiles),
      });
    }
  }
  return actions;
}

/**
 * The diagnostic whose fix is preferred (preselected by Ctrl+., applied by Auto Fix): the most severe under the
 * cursor, then the narrowest (the one most precisely under it), then the first; one per request, since two
 * preferred fixes would leave Auto Fix to guess.
 */
function mostSevere(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  // LSP severities run from 1 (error) to 4 (hint); a diagnostic without one counts as an error, as clients show it.
  const severity = (diagnostic: Diagnostic) => diagnostic.severity ?? 1;
  const lines = ({ range }: Diagnostic) => range.end.line - range.start.line;
  const characters = ({ range }: Diagnostic) => (range.start.line === range.end.line ? range.end.character - range.start.character : 0);
  const before = (a: Diagnostic, b: Diagnostic) =>
    severity(a) !== severity(b) ? severity(a) < severity(b) : lines(a) !== lines(b) ? lines(a) < lines(b) : characters(a) < characters(b);
  return diagnostics.reduce<Diagnostic | undefined>((best, diagnostic) => (!best || before(diagnostic, best) ? diagnostic : best), undefined);
}

function fixAction(uri: string, fix: Fix, diagnostic: Diagnostic, isPreferred: boolean, clientWritesFiles: boolean): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred };
  const createFiles = fix.createFiles ?? [];
  if (!clientWritesFiles || createFiles.length === 0) return { ...action, edit: workspaceEdit(uri, fix.edits, createFiles, fix.editFiles ?? []) };
  // The client applies the edit before it runs the command: the edits of existing files first, then the new files.
  const edit = fix.edits.length || fix.editFiles?.length ? { edit: workspaceEdit(uri, fix.edits, [], fix.editFiles ?? []) } : {};
  const args: CreateFilesArguments = { files: createFiles.map(({ uri: fileUri, text }) => ({ uri: fileUri, text })) };
  return { ...action, ...edit, command: { title: fix.title, command: ClientCommandIds.createFiles, arguments: [args] } };
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
    const indentation = indentationOf(lines[line] ?? '');
    const eol = file.document.getText().includes('\r\n') ? '\r\n' : '\n';
    const start = lineStart(file.document, line);
    edit = {
      range: { start, end: start },
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

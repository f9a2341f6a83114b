import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionKind } from 'vscode-languageserver-types';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { codeActions } from '../../server/src/service/codeActions';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { ruleDocsLinks } from '../../server/src/service/ruleDocs';
import { Workspace } from '../../server/src/workspace/workspace';

const ruleDocs = ruleDocsLinks(undefined);

test('a quick fix that also edits another file sends both edits in one workspace edit', () => {
  const files: Record<string, string> = {
    'file:///p/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: dev\n',
    'file:///p/.env.example': 'POSTGRES_DB=\n',
  };
  const workspace = new Workspace({ readFile: (uri) => files[uri] });
  workspace.index('file:///p/compose.yaml');
  const result = new Linter(workspace, rules).lint('file:///p/compose.yaml');
  const finding = result?.findings.find((candidate) => candidate.ruleId === 'compose/plaintext-secret');
  assert.ok(result && finding);
  const actions = codeActions({
    file: result.file,
    findings: result.findings,
    diagnostics: [toDiagnostic(finding, ruleDocs)],
    only: [CodeActionKind.QuickFix],
    canCreateFile: () => false,
    clientWritesFiles: false,
    ruleDocs,
  });
  const fix = actions.find((action) => action.title.startsWith('Take POSTGRES_PASSWORD from the environment'));
  assert.deepEqual(fix?.edit, {
    changes: {
      'file:///p/compose.yaml': [
        { range: { start: { line: 4, character: 25 }, end: { line: 4, character: 28 } }, newText: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}' },
      ],
      'file:///p/.env.example': [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'POSTGRES_PASSWORD=\n' }],
    },
  });
});

test('"Disable for this line" on the first line of a file with a byte order mark keeps the mark first', () => {
  const uri = 'file:///p/Dockerfile';
  const text = '\ufeffFROM node:latest\nUSER node\nCMD ["node", "server.js"]\n';
  const workspace = new Workspace({ readFile: () => undefined });
  workspace.open(uri, text, 'dockerfile');
  const result = new Linter(workspace, rules).lint(uri);
  const finding = result?.findings.find((candidate) => candidate.ruleId === 'dockerfile/latest-tag');
  assert.ok(result && finding);
  const actions = codeActions({
    file: result.file,
    findings: result.findings,
    diagnostics: [toDiagnostic(finding, ruleDocs)],
    only: [CodeActionKind.QuickFix],
    canCreateFile: () => false,
    clientWritesFiles: false,
    ruleDocs,
  });
  const disable = actions.find((action) => action.title === 'Disable dockerfile/latest-tag for this line');
  assert.deepEqual(disable?.edit?.changes?.[uri], [
    { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '# container-standards-disable-next-line dockerfile/latest-tag\n' },
  ]);
});

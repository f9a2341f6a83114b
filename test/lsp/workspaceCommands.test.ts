import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FileChangeType,
  type AnnotatedTextEdit,
  type CreateFile,
  type TextDocumentEdit,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CommandIds, type WorkspaceFixes, type WorkspaceSummary } from '../../server/src/protocol';
import { BACKGROUND_FILE_LIMIT } from '../../server/src/service/workspaceDiagnostics';
import { repoRoot, runCli, tempFolder, type JsonReport } from '../helpers/cli';
import { startServer } from './lspClient';
import { codes, dockerfile } from './samples';

const FIXED_DOCKERFILE = dockerfile.text.replace('bitnami/node:latest', 'bitnami/node:22').replace('CMD node server.js', 'CMD ["node", "server.js"]');

function reportOf(items: readonly WorkspaceDocumentDiagnosticReport[], uri: string): WorkspaceDocumentDiagnosticReport | undefined {
  return items.find((item) => item.uri === uri);
}

function fullReportOf(items: readonly WorkspaceDocumentDiagnosticReport[], uri: string) {
  const report = reportOf(items, uri);
  assert.ok(report?.kind === 'full', `a full report of ${uri} in ${JSON.stringify(items)}`);
  return report;
}

test('workspace diagnostics report a closed file, again only once it changes on disk, and clear it once deleted', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const path = join(folder, 'Dockerfile');
  const uri = pathToFileURL(path).href;
  const client = await startServer(t, { pull: true, workspaceFolder: folder });

  const first = fullReportOf((await client.pullWorkspace()).items, uri);
  assert.deepEqual(codes(first.items).sort(), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);
  assert.ok(first.resultId, 'a result id, so that an unchanged file is not sent again');

  // Held by the server until something changes, then answered with the file's new findings.
  const afterFix = client.pullWorkspace([{ uri, value: first.resultId }]);
  writeFileSync(path, FIXED_DOCKERFILE);
  await client.changeWatchedFiles([{ uri, type: FileChangeType.Changed }]);
  const fixed = fullReportOf((await afterFix).items, uri);
  assert.deepEqual(codes(fixed.items), []);
  assert.notEqual(fixed.resultId, first.resultId);

  const afterDelete = client.pullWorkspace([{ uri, value: fixed.resultId! }]);
  rmSync(path);
  await client.changeWatchedFiles([{ uri, type: FileChangeType.Deleted }]);
  const deleted = fullReportOf((await afterDelete).items, uri);
  assert.deepEqual([deleted.items, deleted.resultId], [[], undefined]);
});

test('an open document is reported with its version, so one opened in the background (not pulled per tab) stays current', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const client = await startServer(t, { pull: true, workspaceFolder: folder });
  const uri = await client.open('Dockerfile', 'dockerfile', dockerfile.text);
  const opened = fullReportOf((await client.pullWorkspace()).items, uri);
  assert.equal(opened.version, 1);
  assert.deepEqual(codes(opened.items).sort(), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);

  const afterEdit = client.pullWorkspace([{ uri, value: opened.resultId! }]);
  await client.change(uri, FIXED_DOCKERFILE);
  const edited = fullReportOf((await afterEdit).items, uri);
  assert.deepEqual([edited.version, codes(edited.items)], [2, []]);
});

test('beyond the background limit the workspace report keeps to open documents and says so once; Lint workspace checks them all', async (t) => {
  const files: Record<string, string> = {};
  for (let index = 0; index <= BACKGROUND_FILE_LIMIT; index++) files[`svc-${index}/Dockerfile`] = FIXED_DOCKERFILE;
  const folder = tempFolder(files);
  const client = await startServer(t, { pull: true, workspaceFolder: folder });
  const told = client.next('window/showMessage');
  const uri = await client.open('Dockerfile', 'dockerfile', dockerfile.text);
  const report = await client.pullWorkspace();
  assert.deepEqual(
    report.items.map((item) => item.uri),
    [uri],
  );
  assert.match(((await told) as { message: string }).message, new RegExp(`${BACKGROUND_FILE_LIMIT + 2} container file candidates, too many`));
  const summary = (await client.executeCommand({ title: 'Lint workspace', command: CommandIds.lintWorkspace })) as WorkspaceSummary;
  assert.equal(summary.filesChecked, BACKGROUND_FILE_LIMIT + 2);
});

test('a document whose file was deleted on disk is cleared, though the editor has not closed it yet', async (t) => {
  const folder = tempFolder({ 'svc/Dockerfile': dockerfile.text });
  const path = join(folder, 'svc/Dockerfile');
  const client = await startServer(t, { pull: true, workspaceFolder: folder });
  const uri = await client.open('svc/Dockerfile', 'dockerfile', dockerfile.text);
  const opened = fullReportOf((await client.pullWorkspace()).items, uri);
  assert.equal(opened.items.length, 2);

  const afterDelete = client.pullWorkspace([{ uri, value: opened.resultId! }]);
  rmSync(join(folder, 'svc'), { recursive: true });
  await client.changeWatchedFiles([{ uri: pathToFileURL(path).href, type: FileChangeType.Deleted }]);
  const cleared = fullReportOf((await afterDelete).items, uri);
  assert.deepEqual([cleared.items, cleared.resultId], [[], undefined]);
});

test('with the scope openFiles, a closed document is cleared even after the client forgot its result id', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const client = await startServer(t, { pull: true, workspaceFolder: folder, settings: { diagnostics: { scope: 'openFiles' } } });
  const uri = await client.open('Dockerfile', 'dockerfile', dockerfile.text);
  assert.equal(fullReportOf((await client.pullWorkspace()).items, uri).items.length, 2);

  // VS Code's client drops the workspace result id of a document it closes.
  await client.close(uri);
  const closed = fullReportOf((await client.pullWorkspace()).items, uri);
  assert.deepEqual([closed.items, closed.resultId], [[], undefined]);
});

test('with the scope openFiles, closed files are reported once Lint workspace ran, which lists them by file', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text, 'clean/Dockerfile': FIXED_DOCKERFILE });
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  const client = await startServer(t, { pull: true, workspaceFolder: folder, settings: { diagnostics: { scope: 'openFiles' } } });

  const pulled = client.pullWorkspace();
  const summary = (await client.executeCommand({ title: 'Lint workspace', command: CommandIds.lintWorkspace })) as WorkspaceSummary;
  assert.equal(summary.filesChecked, 2);
  assert.deepEqual(
    summary.files.map((file) => [file.path, file.findings.map((finding) => [finding.line, finding.ruleId, finding.fixable])]),
    [
      [
        'Dockerfile',
        [
          [0, 'dockerfile/latest-tag', false],
          [3, 'dockerfile/shell-form-cmd', true],
        ],
      ],
    ],
  );
  assert.deepEqual(codes(fullReportOf((await pulled).items, uri).items).sort(), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);
});

test('Lint workspace publishes closed files to a client that does not pull, and clears a deleted one', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const path = join(folder, 'Dockerfile');
  const uri = pathToFileURL(path).href;
  const client = await startServer(t, { workspaceFolder: folder });
  await client.executeCommand({ title: 'Lint workspace', command: CommandIds.lintWorkspace });
  assert.deepEqual(codes(await client.published(uri)).sort(), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);
  rmSync(path);
  await client.changeWatchedFiles([{ uri, type: FileChangeType.Deleted }]);
  assert.deepEqual(await client.published(uri, (diagnostics) => diagnostics.length === 0), []);
});

/** A copy of examples/seed in a temporary folder. */
function seedCopy(): string {
  const seed = join(repoRoot, 'examples/seed');
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(seed, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(seed);
  return tempFolder(files);
}

/** Applies a workspace edit to the disk as an editor does: create operations, then each document's edits. */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      writeFileSync(fileURLToPath(change.uri), '', { flag: 'wx' });
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    writeFileSync(
      path,
      TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, '', 0, readFileSync(path, 'utf8')), change.edits as AnnotatedTextEdit[]),
    );
  }
}

function remainingFindings(folder: string): string[] {
  const report = JSON.parse(runCli(['lint', '--format', 'json', '.'], folder).stdout) as JsonReport;
  return report.files.flatMap((file) => file.diagnostics.map((diagnostic) => `${file.path}:${diagnostic.range.start.line + 1} ${diagnostic.rule}`)).sort();
}

test('Fix workspace answers one edit of every safe fix, annotated per file and rule, which leaves what `lint --fix` leaves', async (t) => {
  const folder = seedCopy();
  const byCli = seedCopy();
  runCli(['lint', '--fix', '.'], byCli);
  const client = await startServer(t, { pull: true, createsFiles: true, workspaceFolder: folder });
  // An open document, edited once: the edit names its version so that the editor refuses it should the text move on.
  const dockerfileUri = await client.open('Dockerfile', 'dockerfile', readFileSync(join(folder, 'Dockerfile'), 'utf8'));
  await client.change(dockerfileUri, client.text(dockerfileUri));

  const fixes = (await client.executeCommand({ title: 'Fix workspace', command: CommandIds.fixWorkspace })) as WorkspaceFixes;
  const edit = fixes.edit as WorkspaceEdit;
  assert.deepEqual(remainingFindings(folder), remainingFindings(seedCopy()), 'nothing is written before the edit is applied');

  const changes = edit.documentChanges ?? [];
  const documentEdits = changes.filter((change): change is TextDocumentEdit => !('kind' in change));
  const creates = changes.filter((change): change is CreateFile => 'kind' in change && change.kind === 'create');
  const name = (uri: string) => relative(folder, fileURLToPath(uri));
  assert.deepEqual(
    creates.map((create) => [name(create.uri), create.options]),
    [['.dockerignore', { overwrite: false, ignoreIfExists: false }]],
  );
  const created = documentEdits.find((change) => change.textDocument.uri === creates[0]?.uri);
  assert.match((created?.edits[0] as AnnotatedTextEdit | undefined)?.newText ?? '', /\.git/, 'the created file comes with its content');
  assert.deepEqual(documentEdits.map((change) => [name(change.textDocument.uri), change.textDocument.version]).sort(), [
    ['.dockerignore', null],
    ['Dockerfile', 2],
    ['docker-compose.yml', null],
    ['k8s/deployment.yaml', null],
  ]);
  assert.equal(fixes.fileCount, 4);

  // One annotation per file and rule, each needing confirmation (VS Code then shows its refactor preview), each
  // label saying what changes; every edit carries one.
  const annotations = edit.changeAnnotations ?? {};
  const used = new Set<string>();
  for (const change of documentEdits) {
    for (const textEdit of change.edits as AnnotatedTextEdit[]) {
      const annotation = annotations[textEdit.annotationId];
      assert.ok(annotation, `edit of ${name(change.textDocument.uri)} has annotation ${textEdit.annotationId}`);
      assert.ok(textEdit.annotationId.startsWith(`${change.textDocument.uri}#`), 'an annotation groups the edits of one file');
      assert.equal(annotation.needsConfirmation, true);
      assert.ok(annotation.label.length > 0 && annotation.description?.includes(name(change.textDocument.uri)), JSON.stringify(annotation));
      used.add(textEdit.annotationId);
    }
  }
  assert.deepEqual([...used].sort(), Object.keys(annotations).sort());
  assert.equal(
    fixes.changeCount,
    documentEdits.reduce((count, change) => count + change.edits.length, 0),
  );
  assert.ok(used.size >= 6, `an annotation per file and rule: ${[...used].join(', ')}`);

  applyToDisk(edit);
  assert.deepEqual(remainingFindings(folder), remainingFindings(byCli));
});

test('deleting a folder clears the findings of the files in it (one event for the folder, as editors send)', async (t) => {
  const folder = tempFolder({ 'service/Dockerfile': dockerfile.text });
  const uri = pathToFileURL(join(folder, 'service/Dockerfile')).href;
  const client = await startServer(t, { pull: true, workspaceFolder: folder });
  const first = fullReportOf((await client.pullWorkspace()).items, uri);
  assert.equal(first.items.length, 2);

  const afterDelete = client.pullWorkspace([{ uri, value: first.resultId! }]);
  rmSync(join(folder, 'service'), { recursive: true });
  await client.changeWatchedFiles([{ uri: pathToFileURL(join(folder, 'service')).href, type: FileChangeType.Deleted }]);
  assert.deepEqual(fullReportOf((await afterDelete).items, uri).items, []);
});

test('a folder created whole (one event for the folder) has its files indexed and reported', async (t) => {
  const folder = tempFolder({});
  const client = await startServer(t, { pull: true, workspaceFolder: folder });
  const uri = pathToFileURL(join(folder, 'service/Dockerfile')).href;
  const pulled = client.pullWorkspace();
  mkdirSync(join(folder, 'service'));
  writeFileSync(join(folder, 'service/Dockerfile'), dockerfile.text);
  await client.changeWatchedFiles([{ uri: pathToFileURL(join(folder, 'service')).href, type: FileChangeType.Created }]);
  assert.deepEqual(codes(fullReportOf((await pulled).items, uri).items).sort(), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);
});

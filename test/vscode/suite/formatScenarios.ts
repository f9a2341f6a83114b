// Dockerfile formatting through the editor's own commands (Format Document, Format Selection, format on type) on real
// editors, and containerStandards.format.enable turning it off. The Command Palette runs of the same fixture are in
// test/vscode/format.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import fixture from '../formatFixture.json';
import { openFixture, pollUntil } from './helpers';
import type { Scenario } from './runner';

/**
 * A Dockerfile indented at random, with a RUN heredoc and an ADD heredoc (whose body and terminator dockerfile-utils
 * alone would indent, breaking the build) and a LABEL continued under its first argument by hand.
 */
const BADLY_INDENTED = fixture.badlyIndented.join('\n');
/** Instructions at column 0, the apk continuation one level in; heredocs and the LABEL continuation as written. */
const FORMATTED = fixture.formatted.join('\n');
/** Only the lines of the selection (WORKDIR to the apk continuation) formatted. */
const SELECTION_FORMATTED = fixture.selection.formatted.join('\n');

/** Opens the fixture at `path` with the indentation the expected texts were formatted with (not one VS Code guesses). */
async function openBadlyIndented(path: string, text = BADLY_INDENTED): Promise<vscode.TextEditor> {
  const document = await openFixture(path, text);
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document, document, 'the fixture is not the active editor');
  editor.options = { tabSize: fixture.tabSize, insertSpaces: true };
  return editor;
}

/** The edits the Dockerfile's formatters give for the whole document (none when every provider gives none). */
async function documentFormattingEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const options: vscode.FormattingOptions = { tabSize: fixture.tabSize, insertSpaces: true };
  return (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, options)) ?? [];
}

async function updateFormatEnable(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('containerStandards').update('format.enable', value, vscode.ConfigurationTarget.Workspace);
}

/** The editor's text once it equals `expected`; fails showing both. */
async function expectText(document: vscode.TextDocument, expected: string, what: string): Promise<void> {
  await pollUntil(
    () => `${what}:\n${expected}\nthe editor has:\n${document.getText()}`,
    async () => document.getText() === expected,
  );
}

export const formatScenarios: Scenario[] = [
  {
    name: 'format: Format Document gives exactly the expected Dockerfile, heredoc bodies and a hand-aligned continuation as written',
    async run() {
      const editor = await openBadlyIndented('format/document/Dockerfile');
      await vscode.commands.executeCommand('editor.action.formatDocument');
      await expectText(editor.document, FORMATTED, 'the formatted Dockerfile');
    },
  },
  {
    name: 'format: Format Selection formats only the selected lines',
    async run() {
      const editor = await openBadlyIndented('format/selection/Dockerfile');
      const { firstLine, lastLine } = fixture.selection;
      editor.selection = new vscode.Selection(firstLine - 1, 0, lastLine - 1, editor.document.lineAt(lastLine - 1).text.length);
      await vscode.commands.executeCommand('editor.action.formatSelection');
      await expectText(editor.document, SELECTION_FORMATTED, `lines ${firstLine}-${lastLine} formatted, the others as written`);
    },
  },
  {
    name: 'format: with containerStandards.format.enable false Format Document changes nothing; set back, it formats again',
    async run() {
      const editor = await openBadlyIndented('format/disabled/Dockerfile');
      const { document } = editor;
      await updateFormatEnable(false);
      try {
        // The setting reaches the server with the next configuration change the client sends.
        await pollUntil(
          () => 'the formatter to give no edits once containerStandards.format.enable is false',
          async () => (await documentFormattingEdits(document)).length === 0,
        );
        await vscode.commands.executeCommand('editor.action.formatDocument');
        assert.equal(document.getText(), BADLY_INDENTED, 'Format Document changed the text with formatting turned off');
        assert.equal(document.isDirty, false, 'Format Document edited the document with formatting turned off');
      } finally {
        await updateFormatEnable(undefined);
      }
      // What makes the check above one that can fail: the same document, with the setting back to its default, formats.
      await pollUntil(
        () => 'the formatter to give edits again once containerStandards.format.enable is back to its default',
        async () => (await documentFormattingEdits(document)).length > 0,
      );
      await vscode.commands.executeCommand('editor.action.formatDocument');
      await expectText(document, FORMATTED, 'the formatted Dockerfile');
    },
  },
  {
    name: 'format: with editor.formatOnType, typing "\\" at the end of a line indents the line it continues onto',
    async run() {
      const editorSettings = vscode.workspace.getConfiguration('editor');
      await editorSettings.update('formatOnType', true, vscode.ConfigurationTarget.Workspace);
      try {
        const editor = await openBadlyIndented('format/on-type/Dockerfile', 'FROM alpine:3.22\nRUN apk add --no-cache\ncurl\n');
        const end = editor.document.lineAt(1).range.end;
        editor.selection = new vscode.Selection(end, end);
        // The `type` command is what a key press runs: the editor's format-on-type listens to it.
        await vscode.commands.executeCommand('type', { text: ' \\' });
        await expectText(editor.document, 'FROM alpine:3.22\nRUN apk add --no-cache \\\n    curl\n', 'the continued line indented one level');
      } finally {
        await editorSettings.update('formatOnType', undefined, vscode.ConfigurationTarget.Workspace);
      }
    },
  },
];

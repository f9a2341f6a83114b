// A stand-in for the `vscode` module, for unit tests of client logic outside VS Code: imported before the client
// modules, it answers their `require('vscode')`. Every prompt is recorded and answered with Escape (undefined), so a
// test sees what a command asked before it stopped; `workspace.isTrusted` and the folders are set by the test.
import Module from 'node:module';
import { URI } from 'vscode-uri';

export const asked: string[] = [];
export const shown: { kind: 'error' | 'warning' | 'information'; message: string }[] = [];

const prompt =
  (name: string) =>
  async (...args: unknown[]) => {
    asked.push(`${name} ${JSON.stringify(args[1] ?? args[0])}`);
    return undefined;
  };

export const vscodeStub = {
  Uri: URI,
  workspace: {
    isTrusted: true,
    workspaceFolders: [] as { uri: URI; name: string; index: number }[],
    getWorkspaceFolder: () => undefined,
  },
  window: {
    showErrorMessage: async (message: string) => void shown.push({ kind: 'error', message }),
    showWarningMessage: async (message: string) => void shown.push({ kind: 'warning', message }),
    showInformationMessage: async (message: string) => void shown.push({ kind: 'information', message }),
    showQuickPick: prompt('showQuickPick'),
    showInputBox: prompt('showInputBox'),
    showWorkspaceFolderPick: prompt('showWorkspaceFolderPick'),
    showTextDocument: async () => undefined,
    tabGroups: { all: [], close: async () => true },
  },
  commands: { executeCommand: async () => undefined },
};

const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = (request, ...rest) =>
  request === 'vscode' ? vscodeStub : load(request, ...rest);

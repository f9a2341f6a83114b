import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export const MENU_COMMAND = 'containerStandards.showMenu';
/** Contributed by the workspace commands; offered only when registered. */
const LINT_WORKSPACE_COMMAND = 'containerStandards.lintWorkspace';

type ServerState = 'starting' | 'ready' | 'stopped';

const PRESENTATION: Record<ServerState, { icon: string; tooltip: string }> = {
  starting: { icon: '$(sync~spin)', tooltip: 'the language server is starting' },
  ready: { icon: '$(check)', tooltip: 'the language server is running and checks container files as you type' },
  stopped: { icon: '$(error)', tooltip: 'the language server stopped (it crashed or could not start): see the output, or restart it' },
};

/**
 * The server's state in the status bar, with a menu of the extension's commands. Always shown once the extension
 * is active (it activates only on a Dockerfile, Compose, YAML or JSON file), so a crash stays visible whichever
 * editor is in front.
 */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  const item = vscode.window.createStatusBarItem('containerStandards.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Container Standards';
  item.command = MENU_COMMAND;
  const show = (state: ServerState) => {
    const { icon, tooltip } = PRESENTATION[state];
    item.text = `${icon} Container Standards`;
    item.tooltip = `Container Standards: ${tooltip}. Click for the menu.`;
    item.accessibilityInformation = { label: `Container Standards: ${state}` };
    item.backgroundColor = state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  show('starting');
  item.show();
  context.subscriptions.push(
    item,
    client.onDidChangeState(({ newState }) => show(newState === State.Running ? 'ready' : newState === State.Starting ? 'starting' : 'stopped')),
    vscode.commands.registerCommand(MENU_COMMAND, () => showMenu(output)),
  );
}

interface MenuEntry extends vscode.QuickPickItem {
  run(): unknown;
}

async function showMenu(output: vscode.OutputChannel): Promise<void> {
  const registered = new Set(await vscode.commands.getCommands(true));
  const command = (label: string, id: string): MenuEntry => ({ label, run: () => vscode.commands.executeCommand(id) });
  const entries: MenuEntry[] = [
    { label: '$(output) Show Output', run: () => output.show() },
    command('$(debug-restart) Restart Server', 'containerStandards.restartServer'),
    command('$(list-flat) Show Rules', 'containerStandards.showRules'),
    ...(registered.has(LINT_WORKSPACE_COMMAND) ? [command('$(checklist) Lint Workspace', LINT_WORKSPACE_COMMAND)] : []),
    command('$(new-file) Create Config File', 'containerStandards.createConfigFile'),
    command('$(book) Get Started', 'containerStandards.openWalkthrough'),
  ];
  const picked = await vscode.window.showQuickPick(entries, { title: 'Container Standards' });
  await picked?.run();
}

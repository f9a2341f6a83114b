// The editor's face in the real workbench (part of `npm run test:e2e`): the status bar item and its menu, Show
// Rules, a diagnostic's link in the hover, the walkthrough, and the traced traffic in the output channel's log.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The workbench checks; `tools` are e2e.mjs's helpers. */
export async function uxChecks(page, paths, tools) {
  const { uiCheck, check, runCommand, openFile, goToLine, positionOf, showcaseDockerfile, showcasePath } = tools;
  const quickPick = page.locator('.quick-input-widget');
  const input = quickPick.locator('input');

  // Focus the workbench, away from any notification.
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 640, y: 400 } })
    .catch(() => {});
  await uiCheck(page, 'status bar: the item says the server is ready, and its menu offers output, restart, rules and config file', async () => {
    const item = page.locator('[aria-label="Container Standards: ready"]').first();
    await item.waitFor({ state: 'visible' });
    await item.click();
    await input.waitFor({ state: 'visible' });
    for (const entry of ['Show Output', 'Restart Server', 'Show Rules', 'Create Config File', 'Get Started'])
      await quickPick.locator('.monaco-list-row', { hasText: entry }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });

  await uiCheck(page, 'command: "Show Rules" finds a rule by its alias and opens its documentation in the Markdown preview', async () => {
    // Not runCommand, which waits for the palette to close: Show Rules opens its own quick pick at once.
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Container Standards: Show Rules');
    await quickPick.locator('.monaco-list-row.focused', { hasText: 'Container Standards: Show Rules' }).first().waitFor();
    await page.keyboard.press('Enter');
    await quickPick.locator('.monaco-list-row', { hasText: 'quick fix' }).first().waitFor();
    await input.fill('DL3007');
    // The item says who applies the rule's fix: it pins tags only when the table knows them, and only in the editor.
    await quickPick
      .locator('.monaco-list-row.focused', { hasText: 'dockerfile/latest-tag' })
      .filter({ hasText: 'quick fix: editor only (some reports)' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await closePreview(page, 'latest-tag.md');
  });

  await uiCheck(page, "Problems panel: clicking a diagnostic's rule id opens that rule's documentation inside the editor", async () => {
    await openFile(page, showcasePath);
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    // The panel lists every file of the workspace; its filter (Ctrl+F) brings the rule's rows into view.
    await page.keyboard.press('Control+F');
    await page.keyboard.type('shell-form-cmd');
    const link = page.locator('.markers-panel a.monaco-link', { hasText: 'dockerfile/shell-form-cmd' }).first();
    await link.waitFor({ state: 'visible' });
    await link.click();
    await closePreview(page, 'shell-form-cmd.md');
    // The filter is kept with the workspace: cleared, so the checks after see every problem.
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await page.keyboard.press('Control+F');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await runCommand(page, 'View: Close All Editors');
  });

  await uiCheck(page, "hover: the finding's documentation link opens that rule's documentation inside the editor", async () => {
    await openFile(page, showcasePath);
    await goToLine(page, ...positionOf(showcaseDockerfile(), 'CMD npm start'));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const link = page.locator('.monaco-hover a', { hasText: 'Documentation of dockerfile/shell-form-cmd' }).first();
    await link.waitFor({ state: 'attached' });
    await link.click();
    await closePreview(page, 'shell-form-cmd.md');
    await runCommand(page, 'View: Close All Editors');
  });

  await uiCheck(page, 'walkthrough: "Get Started" shows the Container Standards walkthrough', async () => {
    await runCommand(page, 'Container Standards: Get Started');
    await page.getByText('Get started with Container Standards').first().waitFor({ state: 'visible' });
    await page.getByText('Try a quick fix').first().waitFor({ state: 'visible' });
    await runCommand(page, 'View: Close All Editors');
  });

  await check('tracing: with containerStandards.trace.server "messages" the traffic is in the output channel at the default log level', () => {
    const logs = logFiles(join(paths.data, 'logs')).filter((path) => path.includes('container-standards.container-standards'));
    const text = logs.map((path) => readFileSync(path, 'utf8')).join('\n');
    if (!/Sending request 'textDocument\/hover/.test(text))
      throw new Error(`no traced hover request in the channel's log (${logs.join(', ') || 'no log file'}):\n${text.split('\n').slice(-20).join('\n')}`);
  });
}

/**
 * Waits for the Markdown preview of `fileName`, then closes it with its tab's close button: the preview's webview
 * keeps the keyboard focus, so the next keyboard shortcut would not reach the workbench.
 */
async function closePreview(page, fileName) {
  const tab = page.locator(`.tab[aria-label^="Preview ${fileName}"]`).first();
  await tab.waitFor();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await tab.waitFor({ state: 'detached' });
}

function logFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? logFiles(path) : path.endsWith('.log') ? [path] : [];
  });
}

// Dockerfile formatting from the Command Palette (part of `npm run test:e2e`): Format Document and Format Selection on
// files opened with Quick Open, saved with Ctrl+S and compared with the exact text expected. The fixture and the
// expected texts are the in-editor suite's (test/vscode/formatFixture.json, suite/formatScenarios.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';

const fixture = JSON.parse(readFileSync(join(ROOT, 'test/vscode/formatFixture.json'), 'utf8'));
const FOLDER = 'container-standards-suite/format-palette';

/** The workbench checks; `tools` are e2e.mjs's helpers. */
export async function formatChecks(page, workspace, tools) {
  const { uiCheck, runCommand, openFile, goToLine, waitUntil } = tools;
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input');

  /** Writes the badly indented fixture, opens it, and sets the indentation its expected texts were formatted with. */
  async function openFixture(name) {
    const path = join(workspace, FOLDER, name, 'Dockerfile');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, fixture.badlyIndented.join('\n'));
    await openFile(page, `${FOLDER}/${name}/Dockerfile`);
    // "Indent Using Spaces" asks for the size in a quick pick of its own, a moment after the palette closes.
    await runCommand(page, 'Indent Using Spaces');
    await quickInput.getByPlaceholder('Select Tab Size for Current File').waitFor({ state: 'visible' });
    await input.fill(String(fixture.tabSize));
    await quickInput.locator('.monaco-list-row.focused .label-name', { hasText: new RegExp(`^${fixture.tabSize}$`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Spaces: ${fixture.tabSize}` }).waitFor({ state: 'visible' });
    return path;
  }

  /** Once the formatter has edited the file, saves it (Ctrl+S) and checks the file holds exactly `expected`. */
  async function savedAs(path, expected) {
    const original = fixture.badlyIndented.join('\n');
    const onDisk = () => readFileSync(path, 'utf8');
    // The edit makes the tab dirty, unless auto save (which code-server may have on) has written it already.
    await waitUntil('the formatter to edit the file', 10_000, async () => (await page.locator('.tab.active.dirty').count()) > 0 || onDisk() !== original);
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)').waitFor({ state: 'visible' });
    const saved = await waitUntil('the save to reach the disk', 5_000, () => onDisk() !== original && onDisk());
    if (saved !== expected) throw new Error(`expected the file to hold:\n${expected}\nit holds:\n${saved}`);
  }

  try {
    await uiCheck(
      page,
      'format: "Format Document" from the palette formats a Dockerfile exactly, heredoc bodies and a hand-aligned continuation as written',
      async () => {
        const path = await openFixture('document');
        await runCommand(page, 'Format Document', { exact: true });
        await savedAs(path, fixture.formatted.join('\n'));
      },
    );
    await uiCheck(page, 'format: "Format Selection" from the palette formats only the lines selected with Shift+Down', async () => {
      const { firstLine, lastLine } = fixture.selection;
      const path = await openFixture('selection');
      await goToLine(page, firstLine);
      for (let line = firstLine; line < lastLine; line++) await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+End');
      await runCommand(page, 'Format Selection', { exact: true });
      await savedAs(path, fixture.selection.formatted.join('\n'));
    });
  } finally {
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    rmSync(join(workspace, 'container-standards-suite'), { recursive: true, force: true });
  }
}

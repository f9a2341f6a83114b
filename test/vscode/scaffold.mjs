// The scaffolding commands in the real workbench (part of `npm run test:e2e`): each started from the Command
// Palette, its questions answered with the keyboard, the files polled on disk and linted with the built CLI.
//
// The e2e workspace has no stack of its own, so its apps/ folder makes it a monorepo: every command first asks
// which package, as it would in a user's monorepo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Dockerfile of the user's, different from what Add Dockerfile… proposes: the consent check must keep it. */
const USERS_DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n';

const PROJECTS = {
  // Detected: Node with npm, its entry from package.json "main"; asked: the port.
  'node-api': {
    'package.json': `${JSON.stringify({ name: 'node-api', version: '1.0.0', main: 'server.js', dependencies: { express: '^4.21.0' } }, null, 2)}\n`,
    'package-lock.json': `${JSON.stringify({ name: 'node-api', lockfileVersion: 3, requires: true, packages: {} }, null, 2)}\n`,
    'server.js': "require('express')().listen(3000);\n",
  },
  // Detected: Python with pip; asked: the entry (no main.py yet) and the port.
  'python-worker': { 'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.6\n', 'worker.py': 'print("hello")\n' },
  // Detected: Go; asked: the package to build (no cmd/) and the port.
  'go-service': { 'go.mod': 'module example.com/go-service\n\ngo 1.23\n', 'main.go': 'package main\n\nfunc main() {}\n' },
  consent: {
    'package.json': `${JSON.stringify({ name: 'consent', version: '1.0.0', main: 'index.js' }, null, 2)}\n`,
    'index.js': 'console.log("hello");\n',
    Dockerfile: USERS_DOCKERFILE,
  },
};

/** Writes the projects into the e2e workspace (called from prepareRun). */
export function prepareScaffoldProjects(workspace) {
  for (const [name, files] of Object.entries(PROJECTS)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(workspace, 'apps', name), { recursive: true });
      writeFileSync(join(workspace, 'apps', name, path), text);
    }
  }
}

/**
 * Every check, in order (later ones build on files earlier ones wrote). `tools` are the harness's: uiCheck, runCommand,
 * screenshot, waitUntil, and root (the repository, for dist/cli/main.js).
 */
export async function scaffoldChecks(page, workspace, tools) {
  const { uiCheck, runCommand, screenshot, waitUntil, root } = tools;
  const app = (name, path = '') => join(workspace, 'apps', name, path);
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('.quick-input-box input');

  /** Starts a command from the Command Palette; its first question follows at once, so no wait for the palette to close. */
  async function palette(title) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** Waits for a quick pick or input box titled `title`. */
  async function question(title) {
    await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
    await input.waitFor({ state: 'visible' });
  }

  /** Types into the filter and accepts the first match once it is the focused row. */
  async function pick(title, text) {
    await question(title);
    await input.fill(text);
    await quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** Accepts an input box's prefilled default after checking it. */
  async function acceptDefault(title, expected) {
    await question(title);
    await waitUntil(`the ${title} box to hold ${expected}`, 5_000, async () => (await input.inputValue()) === expected);
    await page.keyboard.press('Enter');
  }

  /** Multi-select: Down moves the focus (and the keyboard's) to the first row, Space checks it, Enter accepts. */
  async function checkFirstAndAccept(title, label) {
    await question(title);
    await page.keyboard.press('ArrowDown');
    await quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
    await page.keyboard.press('Space');
    await quickInput.locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: label }).waitFor();
    await page.keyboard.press('Enter');
  }

  async function closed() {
    await quickInput.waitFor({ state: 'hidden' });
  }

  async function files(folder, paths) {
    await waitUntil(`${paths.join(', ')} in ${folder}`, 15_000, () => paths.every((path) => existsSync(join(folder, path))));
  }

  /** `container-standards lint --format json` on a folder: every finding worse than info fails, and `expected` files must be linted. */
  function lintsClean(folder, expected) {
    const result = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'lint', '--format', 'json', folder], { encoding: 'utf8' });
    if (result.status === 2) throw new Error(`lint failed: ${result.stderr}`);
    const report = JSON.parse(result.stdout);
    const linted = report.files.map((file) => file.path.replace(/\\/g, '/'));
    const missing = expected.filter((path) => !linted.some((file) => file.endsWith(`/${path}`) || file === path));
    if (missing.length) throw new Error(`the CLI did not lint ${missing.join(', ')}; it linted ${linted.join(', ')}`);
    const problems = report.files.flatMap((file) =>
      file.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => `${file.path}:${d.range.start.line + 1} ${d.rule} ${d.message}`),
    );
    if (problems.length) throw new Error(`generated files have findings:\n${problems.join('\n')}`);
  }

  async function notification(text) {
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ state: 'visible' });
    return toast;
  }

  async function clearNotifications() {
    await runCommand(page, 'Notifications: Clear All Notifications');
  }

  async function activeTab(name) {
    await page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
  }

  // The previous checks leave the Problems panel maximised and the side bar hidden.
  await runCommand(page, 'View: Hide Panel').catch(() => {});
  await runCommand(page, 'View: Show Explorer').catch(() => {});
  await runCommand(page, 'View: Close All Editors').catch(() => {});

  await uiCheck(page, 'scaffold: Add Dockerfile… (palette; package pick, port box) writes a Dockerfile and .dockerignore that lint clean', async () => {
    await palette('Container Standards: Add Dockerfile…');
    await question('Which package?');
    await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'go-service' }).waitFor();
    await screenshot(page, 'scaffold-add-dockerfile.png');
    await pick('Which package?', 'node-api');
    await acceptDefault('Port', '3000');
    await closed();
    await files(app('node-api'), ['Dockerfile', '.dockerignore']);
    await activeTab('Dockerfile');
    await notification('Created Dockerfile, .dockerignore');
    lintsClean(app('node-api'), ['Dockerfile']);
    await clearNotifications();
  });

  await uiCheck(
    page,
    'scaffold: Add Compose File… (entry and port boxes, PostgreSQL checked) writes compose.yaml, .env.example, .gitignore, the Dockerfile, all lint clean',
    async () => {
      await palette('Container Standards: Add Compose File…');
      await pick('Which package?', 'python-worker');
      await acceptDefault('Entry point', 'main.py');
      await acceptDefault('Port', '8000');
      await question('Backing services');
      await screenshot(page, 'scaffold-add-compose.png');
      await checkFirstAndAccept('Backing services', 'PostgreSQL');
      await closed();
      await files(app('python-worker'), ['compose.yaml', '.env.example', '.gitignore', 'Dockerfile', '.dockerignore']);
      await activeTab('compose.yaml');
      const compose = readFileSync(app('python-worker', 'compose.yaml'), 'utf8');
      if (!/postgres/.test(compose)) throw new Error(`compose.yaml has no postgres service:\n${compose}`);
      lintsClean(app('python-worker'), ['compose.yaml', 'Dockerfile']);
      await clearNotifications();
    },
  );

  await uiCheck(page, 'scaffold: Add Kubernetes Manifests… (no services, an Ingress) writes k8s/ that lints clean', async () => {
    await palette('Container Standards: Add Kubernetes Manifests…');
    await pick('Which package?', 'go-service');
    await acceptDefault('Entry point', '.');
    await acceptDefault('Port', '8080');
    await question('Backing services');
    await page.keyboard.press('Enter');
    await pick('Ingress', 'Add an Ingress');
    await pick('Layout', 'Plain manifests');
    await closed();
    const manifests = ['k8s/deployment.yaml', 'k8s/service.yaml', 'k8s/hpa.yaml', 'k8s/pdb.yaml', 'k8s/ingress.yaml'];
    await files(app('go-service'), [...manifests, 'Dockerfile', '.dockerignore']);
    await activeTab('deployment.yaml');
    await screenshot(page, 'scaffold-add-kubernetes.png');
    lintsClean(app('go-service'), [...manifests, 'Dockerfile']);
    await clearNotifications();
  });

  await uiCheck(page, 'scaffold: Add Kubernetes Manifests… with the Kustomize layout writes k8s/base/ and two overlays that lint clean', async () => {
    await palette('Container Standards: Add Kubernetes Manifests…');
    await pick('Which package?', 'python-worker');
    await acceptDefault('Entry point', 'main.py');
    await acceptDefault('Port', '8000');
    await question('Backing services');
    await page.keyboard.press('Enter');
    await pick('Ingress', 'No Ingress');
    await pick('Layout', 'Kustomize layout');
    await closed();
    const manifests = ['k8s/base/deployment.yaml', 'k8s/base/service.yaml', 'k8s/base/hpa.yaml', 'k8s/base/pdb.yaml'];
    const kustomizations = ['k8s/base/kustomization.yaml', 'k8s/overlays/staging/kustomization.yaml', 'k8s/overlays/production/kustomization.yaml'];
    await files(app('python-worker'), [...manifests, ...kustomizations]);
    await activeTab('deployment.yaml');
    lintsClean(app('python-worker'), manifests);
    await clearNotifications();
  });

  await uiCheck(page, 'scaffold: Add Deployment Target… (platform pick: Render, PostgreSQL checked) writes render.yaml that lints clean', async () => {
    await palette('Container Standards: Add Deployment Target…');
    await pick('Which package?', 'python-worker');
    await question('Deployment target');
    await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'railway.json' }).waitFor();
    await screenshot(page, 'scaffold-add-deployment-target.png');
    await pick('Deployment target', 'Render');
    await acceptDefault('Entry point', 'main.py');
    await acceptDefault('Port', '8000');
    await checkFirstAndAccept('Backing services', 'PostgreSQL');
    await closed();
    await files(app('python-worker'), ['render.yaml']);
    await activeTab('render.yaml');
    if (!/databases:/.test(readFileSync(app('python-worker', 'render.yaml'), 'utf8'))) throw new Error('render.yaml has no database');
    lintsClean(app('python-worker'), ['render.yaml', 'Dockerfile']);
    await clearNotifications();
  });

  await uiCheck(page, 'scaffold: Add CI Pipeline… writes .github/workflows/container.yml beside the existing Dockerfile, which stays as it was', async () => {
    const dockerfile = readFileSync(app('node-api', 'Dockerfile'), 'utf8');
    await palette('Container Standards: Add CI Pipeline…');
    await pick('Which package?', 'node-api');
    await acceptDefault('Port', '3000');
    await closed();
    await files(app('node-api'), ['.github/workflows/container.yml']);
    await activeTab('container.yml');
    await screenshot(page, 'scaffold-add-ci-pipeline.png');
    if (readFileSync(app('node-api', 'Dockerfile'), 'utf8') !== dockerfile) throw new Error('Add CI Pipeline… changed the Dockerfile');
    const workflow = readFileSync(app('node-api', '.github/workflows/container.yml'), 'utf8');
    if (!/trivy/i.test(workflow) || !/container-standards/.test(workflow)) throw new Error(`the workflow neither scans nor lints:\n${workflow}`);
    lintsClean(app('node-api'), ['Dockerfile']);
    await clearNotifications();
  });

  await uiCheck(page, 'scaffold: Choose a Platform… (develop locally) recommends Docker Compose, and its button runs Add Compose File…', async () => {
    await palette('Container Standards: Choose a Platform…');
    await pick('Choose a platform (1/3)', 'Develop locally');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Recommended: Docker Compose' });
    await dialog.waitFor({ state: 'visible' });
    await screenshot(page, 'scaffold-choose-platform.png');
    await dialog.locator('.monaco-button', { hasText: 'Add Compose File…' }).focus();
    await page.keyboard.press('Enter');
    await pick('Which package?', 'node-api');
    await acceptDefault('Port', '3000');
    await question('Backing services');
    await page.keyboard.press('Enter');
    await closed();
    await files(app('node-api'), ['compose.yaml']);
    lintsClean(app('node-api'), ['compose.yaml', 'Dockerfile']);
    await clearNotifications();
  });

  await uiCheck(
    page,
    'scaffold: Choose a Platform… (deploy, as little as possible, AWS) recommends ECS/Fargate, and its button writes the task definition',
    async () => {
      await palette('Container Standards: Choose a Platform…');
      await pick('Choose a platform (1/3)', 'Deploy it');
      await pick('Choose a platform (2/3)', 'As little as possible');
      await pick('Choose a platform (3/3)', 'AWS');
      const recommendation = page.locator('.monaco-dialog-box', { hasText: 'Recommended: ECS/Fargate' });
      await recommendation.waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await pick('Which package?', 'go-service');
      await acceptDefault('Entry point', '.');
      await acceptDefault('Port', '8080');
      await question('Backing services');
      await page.keyboard.press('Enter');
      await closed();
      await files(app('go-service'), ['deploy/ecs/task-definition.json']);
      await activeTab('task-definition.json');
      lintsClean(app('go-service'), ['deploy/ecs/task-definition.json', 'Dockerfile']);
      await clearNotifications();
    },
  );

  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Dockerfile already exists with different content' });
  /** Add Dockerfile… on the consent project, up to its modal over the diff. */
  async function consentModal() {
    await palette('Container Standards: Add Dockerfile…');
    await pick('Which package?', 'consent');
    await acceptDefault('Port', '3000');
    await dialog.waitFor({ state: 'visible' });
    await page.locator('.tab.active[aria-label*="yours ↔ proposed"]').waitFor();
  }
  function assertUsersDockerfile(what) {
    if (readFileSync(app('consent', 'Dockerfile'), 'utf8') !== USERS_DOCKERFILE) throw new Error(`${what} changed the Dockerfile`);
  }

  await uiCheck(page, 'scaffold: consent — a different Dockerfile opens the diff and the modal; Escape there cancels with nothing written', async () => {
    await consentModal();
    for (const button of ['Keep', 'Replace', 'Write alongside', 'Cancel']) await dialog.locator('.monaco-button', { hasText: button }).first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.tab[aria-label*="yours ↔ proposed"]').waitFor({ state: 'detached' });
    assertUsersDockerfile('Escape');
    // The .dockerignore proposed with it was not written either: every answer comes before any write.
    if (existsSync(app('consent', '.dockerignore'))) throw new Error('Escape at the modal still wrote .dockerignore');
  });

  await uiCheck(
    page,
    'scaffold: consent — Keep is the default (Enter): the Dockerfile stays byte-identical, the missing .dockerignore is created',
    async () => {
      await consentModal();
      await screenshot(page, 'scaffold-consent.png');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await notification('Kept Dockerfile');
      await files(app('consent'), ['.dockerignore']);
      assertUsersDockerfile('Keep');
      if (existsSync(app('consent', 'Dockerfile.new'))) throw new Error('Keep wrote Dockerfile.new');
      await clearNotifications();
    },
  );

  await uiCheck(page, 'scaffold: consent — Write alongside creates Dockerfile.new (lints clean) and leaves the Dockerfile as it was', async () => {
    await consentModal();
    await dialog.locator('.monaco-button', { hasText: 'Write alongside' }).focus();
    await page.keyboard.press('Enter');
    await files(app('consent'), ['Dockerfile.new']);
    await notification('Wrote Dockerfile.new beside your files');
    assertUsersDockerfile('Write alongside');
    lintsClean(app('consent', 'Dockerfile.new'), ['Dockerfile.new']);
    await clearNotifications();
  });

  await uiCheck(page, 'scaffold: consent — files identical to the proposal are no-ops, without a prompt', async () => {
    const before = readFileSync(app('node-api', 'Dockerfile'), 'utf8');
    await palette('Container Standards: Add Dockerfile…');
    await pick('Which package?', 'node-api');
    await acceptDefault('Port', '3000');
    await notification('Unchanged Dockerfile, .dockerignore');
    if (await page.locator('.monaco-dialog-box').count()) throw new Error('a dialog asked about identical files');
    if (readFileSync(app('node-api', 'Dockerfile'), 'utf8') !== before) throw new Error('the Dockerfile changed');
    await clearNotifications();
  });
}

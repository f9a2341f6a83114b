// `npm run test:e2e`: the packaged extension in real VS Code (code-server 4.100.3 in Debian Chromium).
//
// 1. Installs what it needs itself, cached under .test-cache/ (git-ignored): Debian packages (only when missing)
//    and code-server, locally with npm (with the install workarounds this machine needs, see ensureCodeServer).
// 2. Builds container-standards.vsix (`npm run package`, or reuses one newer than every input), checks what it
//    holds, bundles the in-editor suite into a dev-only runner extension, installs both into code-server; rebuilds
//    dist/ when a source is newer, for the CLI the suite compares the editor with (examples/ as CI sees it).
// 3. Starts code-server in its own process group on a copy of examples/seed/ (as a newcomer opens it, plus a showcase
//    Dockerfile and monorepo packages for the checks that need them), opens the workbench in headless Chromium
//    (playwright-core), waits for the runner extension's results file, then drives the workbench with the keyboard:
//    the status bar and rule docs (ux.mjs), scaffolding (scaffold.mjs), formatting (format.mjs), and last the README's
//    screenshots, once the workspace holds examples/seed/ only.
// 4. Prints one line per scenario and `N passed, N failed`; exits 1 on any failure.
//
// Screenshots go to .test-cache/e2e-run/screenshots/, or to docs/images/ with E2E_SCREENSHOTS=1.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildRunnerExtension, ROOT, RUNNER_FOLDER } from './bundle.mjs';
import { formatChecks } from './format.mjs';
import { prepareScaffoldProjects, scaffoldChecks } from './scaffold.mjs';
import { uxChecks } from './ux.mjs';

const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep versions code-server 4.100.3 installs, and the ripgrep release their postinstall downloads. */
const RIPGREP_PACKAGE_VERSIONS = ['1.15.11'];
const RIPGREP_RELEASE = 'v13.0.0-10';
/** What building code-server needs (first), and what the run needs (installed while code-server builds). */
const DEBIAN_BUILD_PACKAGES = ['ripgrep', 'libkrb5-dev', 'unzip'];
const DEBIAN_RUN_PACKAGES = ['chromium', 'neovim'];
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };
/** Generous: every scenario of a broken build may wait out its own timeout before the suite reports. */
const SUITE_TIMEOUT_MS = 240_000;

const CACHE = join(ROOT, '.test-cache');
const CODE_SERVER_DIR = join(CACHE, 'code-server');
const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CODE_SERVER_READY = join(CODE_SERVER_DIR, '.installed');
const RUN = join(CACHE, 'e2e-run');
const VSIX = join(ROOT, 'container-standards.vsix');
const RUNNER_VSIX = join(CACHE, 'vscode', 'container-standards-e2e-runner.vsix');
const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'images') : join(RUN, 'screenshots');
/** What the page showed when a check failed; never into docs/. */
const FAILURES = join(RUN, 'failures');
/** The workspace opens as examples/seed/ itself; the checks that need findings it has not use this file. */
const SHOWCASE_DOCKERFILE = 'showcase/Dockerfile';

const started = Date.now();
/** Harness checks, printed with the in-editor scenarios. */
const results = [];
const cleanups = [];

function log(message) {
  console.log(`e2e [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** Runs a command to completion in the background; rejects with its output when it fails. */
function runAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${output}`.trimEnd()));
    });
  });
}

/** Runs a command to completion; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}\n${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd());
  }
  return result.stdout ?? '';
}

async function check(name, body) {
  const start = Date.now();
  try {
    await body();
    results.push({ name, status: 'pass', durationMs: Date.now() - start });
  } catch (error) {
    results.push({ name, status: 'fail', error: error instanceof Error ? (error.stack ?? error.message) : String(error), durationMs: Date.now() - start });
  }
}

// ---------------------------------------------------------------------------------------------------- setup

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

let aptUpdated = false;

/** `apt-get install` of the packages not installed yet (`apt-get update` once first). */
async function ensureDebianPackages(packages) {
  const missing = packages.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them (as root: apt-get install -y ${missing.join(' ')}).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    await runAsync('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  await runAsync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  log(`installed ${missing.join(' ')}`);
}

function ripgrepTarget() {
  if (process.arch === 'x64') return 'x86_64-unknown-linux-musl';
  if (process.arch === 'arm64') return 'aarch64-unknown-linux-musl';
  throw new Error(`no ripgrep seed for ${process.arch}`);
}

/**
 * code-server, installed locally with npm (global mode makes its postinstall reinstall over itself). Its
 * @vscode/ripgrep postinstall downloads rg from the web unless the release tarball is in its cache folder under
 * TMPDIR: Debian's rg is packed there first. node-pty runs `npx node-gyp` (npm_config_yes), and as root npm
 * needs unsafe_perm for the install scripts. The `.installed` marker is written only after a complete install.
 */
async function ensureCodeServer() {
  if (existsSync(CODE_SERVER_READY) && readFileSync(CODE_SERVER_READY, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(CODE_SERVER_ENTRY)) return;
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${relative(ROOT, CODE_SERVER_DIR)} (about a minute, once)`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // Its own package.json, so npm installs here and not into the project above.
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), `${JSON.stringify({ name: 'container-standards-code-server', private: true }, null, 2)}\n`);
  const tmp = join(CACHE, 'tmp');
  for (const version of RIPGREP_PACKAGE_VERSIONS) {
    const seed = join(tmp, `vscode-ripgrep-cache-${version}`);
    mkdirSync(seed, { recursive: true });
    run('tar', ['czf', join(seed, `ripgrep-${RIPGREP_RELEASE}-${ripgrepTarget()}.tar.gz`), '-C', '/usr/bin', 'rg']);
  }
  await runAsync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CODE_SERVER_DIR,
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', JOBS: 'max' },
  });
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed without ${CODE_SERVER_ENTRY}`);
  writeFileSync(CODE_SERVER_READY, `${CODE_SERVER_VERSION}\n`);
  log('code-server installed');
}

/** Files whose change makes the .vsix stale. */
function packageInputs() {
  const files = ['package.json', 'README.md', 'RULES.md', 'LICENSE', '.vscodeignore', 'esbuild.mjs'].map((file) => join(ROOT, file));
  const walk = (folder) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  for (const folder of ['client/src', 'server/src', 'schemas', 'snippets', 'scripts']) walk(join(ROOT, folder));
  return files.filter((file) => existsSync(file));
}

async function ensureVsix() {
  if (existsSync(VSIX)) {
    const built = statSync(VSIX).mtimeMs;
    const newer = packageInputs().filter((file) => statSync(file).mtimeMs > built);
    if (newer.length === 0) return log(`reusing ${relative(ROOT, VSIX)} (newer than its inputs)`);
    log(`${relative(ROOT, VSIX)} is older than ${relative(ROOT, newer[0])}${newer.length > 1 ? ` and ${newer.length - 1} more` : ''}`);
  }
  log('npm run package');
  await runAsync('npm', ['run', 'package'], { cwd: ROOT });
  log(`packaged ${relative(ROOT, VSIX)}`);
}

/**
 * The bundled CLI, which the suite runs to learn what the editor must show for examples/: rebuilt when a source is
 * newer (a reused .vsix leaves dist/ as the last build made it).
 */
async function ensureCli() {
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  if (existsSync(cli)) {
    const built = statSync(cli).mtimeMs;
    if (packageInputs().every((file) => statSync(file).mtimeMs <= built)) return;
  }
  log('node esbuild.mjs (the CLI for the suite)');
  await runAsync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
}

async function ensureRunnerVsix() {
  await buildRunnerExtension();
  await runAsync(
    process.execPath,
    [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', RUNNER_VSIX],
    {
      cwd: RUNNER_FOLDER,
    },
  );
}

// ---------------------------------------------------------------------------------------------------- package

/** What the .vsix may hold: the bundles, schemas, snippets, docs and notices; never sources, maps or node_modules. */
function checkVsixContents() {
  const entries = run('unzip', ['-Z1', VSIX]).trim().split('\n');
  const required = [
    'extension/package.json',
    'extension/readme.md',
    'extension/RULES.md',
    'extension/LICENSE.txt',
    'extension/dist/client/extension.js',
    'extension/dist/server/server.js',
    'extension/dist/THIRD-PARTY-NOTICES.txt',
    'extension/dist/kubernetes/apps.cjs',
    'extension/dist/kubernetes/definitions.json',
  ];
  const missing = required.filter((entry) => !entries.includes(entry));
  if (missing.length) throw new Error(`missing from the .vsix: ${missing.join(', ')}\nit holds: ${entries.join(', ')}`);
  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    // vsce stores the README as readme.md and the licence as LICENSE.txt.
    /^extension\/(package\.json|readme\.md|RULES\.md|LICENSE\.txt)$/,
    /^extension\/dist\/(client\/extension|server\/server)\.js$/,
    /^extension\/dist\/THIRD-PARTY-NOTICES\.txt$/,
    // The Kubernetes schema: one precompiled validator per API group, loaded on first use, and the descriptions.
    /^extension\/dist\/kubernetes\/([\w-]+\.cjs|definitions\.json)$/,
    /^extension\/schemas\/[\w.-]+\.json$/,
    /^extension\/snippets\/[\w.-]+\.json$/,
    /^extension\/media\/walkthrough\/[\w-]+\.md$/,
    /^extension\/docs\/images\/[\w.-]+\.png$/,
  ];
  const unexpected = entries.filter((entry) => !allowed.some((pattern) => pattern.test(entry)));
  if (unexpected.length) throw new Error(`unexpected files in the .vsix (sources, maps, node_modules?): ${unexpected.join(', ')}`);
  for (const bundle of ['extension/dist/client/extension.js', 'extension/dist/server/server.js']) {
    const text = run('unzip', ['-p', VSIX, bundle]);
    if (/\/\/# sourceMappingURL=/.test(text)) throw new Error(`${bundle} points to a source map: package with \`npm run package\` (production bundles)`);
  }
}

// ---------------------------------------------------------------------------------------------------- code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An environment confined to the run folder, without what a surrounding editor or session put there. */
function isolatedEnv(home, extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VSCODE_|ELECTRON_|CODE_SERVER_|npm_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    ...extra,
  };
}

function prepareRun() {
  rmSync(RUN, { recursive: true, force: true });
  const paths = {
    home: join(RUN, 'home'),
    data: join(RUN, 'data'),
    extensions: join(RUN, 'extensions'),
    // Outside the repository: .test-cache/ is git-ignored, and the server rightly skips ignored files when it
    // indexes the workspace.
    workspace: join(mkdtempSync(join(tmpdir(), 'container-standards-e2e-')), 'app'),
    results: join(RUN, 'results.json'),
    log: join(RUN, 'code-server.log'),
    chromium: join(RUN, 'chromium'),
  };
  cleanups.push(() => rmSync(join(paths.workspace, '..'), { recursive: true, force: true }));
  for (const folder of [paths.home, join(paths.data, 'User'), paths.extensions, join(paths.workspace, 'showcase'), paths.chromium])
    mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(paths.data, 'User', 'settings.json'),
    `${JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'workbench.reduceMotion': 'on',
        // The suite's workspace setting leaves a .vscode folder; the screenshots need not show it.
        'files.exclude': { '**/.vscode': true },
        'window.zoomLevel': 0,
      },
      null,
      2,
    )}\n`,
  );
  // What a newcomer opens, unmodified, for the screenshots: examples/seed/ as the workspace folder (the showcase and the
  // scaffold projects are removed before the screenshots). The suite writes its own files under
  // container-standards-suite/ and removes them.
  cpSync(join(ROOT, 'examples/seed'), paths.workspace, { recursive: true });
  writeFileSync(join(paths.workspace, SHOWCASE_DOCKERFILE), showcaseDockerfile());
  prepareScaffoldProjects(paths.workspace);
  return paths;
}

/** The seed Dockerfile with a `latest` base, no USER and a shell-form CMD, as the suite's fixture (suite/scenarios.ts). */
function showcaseDockerfile() {
  let text = readFileSync(join(ROOT, 'examples/seed/Dockerfile'), 'utf8');
  for (const [search, replacement] of [
    ['FROM node:18-alpine AS production', 'FROM node:latest AS production'],
    ['\nUSER node\n', '\n'],
    ['CMD ["npm", "start"]', 'CMD npm start'],
  ]) {
    if (text.split(search).length !== 2) throw new Error(`examples/seed/Dockerfile no longer has exactly one ${JSON.stringify(search)}`);
    text = text.replace(search, replacement);
  }
  return text;
}

function codeServerArgs(paths) {
  return [
    CODE_SERVER_ENTRY,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    paths.data,
    '--extensions-dir',
    paths.extensions,
  ];
}

function installExtensions(paths, env) {
  const output = run(process.execPath, [...codeServerArgs(paths), '--install-extension', VSIX, '--install-extension', RUNNER_VSIX], { env });
  const listed = run(process.execPath, [...codeServerArgs(paths), '--list-extensions', '--show-versions'], { env });
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  for (const id of [`container-standards.container-standards@${version}`, 'container-standards.container-standards-e2e-runner@0.0.0']) {
    if (!listed.split('\n').includes(id))
      throw new Error(`code-server does not list ${id} after --install-extension.\ninstall said:\n${output}\nlisted:\n${listed}`);
  }
}

async function startCodeServer(paths, env) {
  const port = await freePort();
  const logFile = openSync(paths.log, 'w');
  // detached: the child calls setsid(), so it and everything it starts form a process group we can stop at once.
  const child = spawn(process.execPath, [...codeServerArgs(paths), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, paths.workspace], {
    env,
    detached: true,
    stdio: ['ignore', logFile, logFile],
  });
  let exited;
  child.on('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  cleanups.push(async () => {
    if (exited !== undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5_000);
    await gone;
    clearTimeout(timer);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('code-server to answer /healthz', 30_000, async () => {
    if (exited !== undefined) throw new Error(`code-server exited (${exited}):\n${readFileSync(paths.log, 'utf8')}`);
    return fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
  });
  return { url, exited: () => exited };
}

async function waitUntil(what, timeoutMs, probe, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------------------- browser

async function openWorkbench(paths, env, url) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(paths.chromium, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env,
    viewport: VIEWPORT,
  });
  cleanups.push(() => context.close().catch(() => {}));
  const page = context.pages()[0] ?? (await context.newPage());
  const console_ = [];
  page.on('console', (message) => console_.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => console_.push(`[pageerror] ${error.message}`));
  await page.goto(`${url}/?folder=${encodeURIComponent(paths.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { page, console: console_ };
}

async function waitForSuite(paths, server, browserConsole) {
  try {
    return await waitUntil(
      'the in-editor suite to write its results',
      SUITE_TIMEOUT_MS,
      () => {
        if (server.exited() !== undefined) throw new Error(`code-server exited (${server.exited()}) before the suite finished`);
        return existsSync(paths.results) ? JSON.parse(readFileSync(paths.results, 'utf8')) : undefined;
      },
      200,
    );
  } catch (error) {
    const logTail = existsSync(paths.log) ? readFileSync(paths.log, 'utf8').split('\n').slice(-40).join('\n') : '';
    throw new Error(`${error.message}\ncode-server log (tail):\n${logTail}\nbrowser console (tail):\n${browserConsole.slice(-40).join('\n')}`);
  }
}

// ---------------------------------------------------------------------------------------------------- screenshots

/** Quick Open (Ctrl+P) on a workspace-relative path, accepted once the first match is that file. */
async function openFile(page, path) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(path);
  const name = path.split('/').pop();
  const folder = path.slice(0, -name.length).replace(/\/$/, '');
  // The suite's fixtures of the same name (container-standards-suite/*/Dockerfile) stay in the editor history after
  // their folder is deleted, and may come first: the row is the one in the folder asked for.
  const rows = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  const row = folder
    ? rows.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${folder}$`) }) })
    : rows.filter({ hasNot: page.locator('.label-description', { hasText: /\S/ }) });
  await row.first().click();
  await page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
}

/** Ctrl+G to a 1-based line and column. */
async function goToLine(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * A command by its title, through the Command Palette (Ctrl+Shift+P). `exact`: the command titled exactly so, not
 * one whose title starts with it ("Format Document With…"), moving down to it when another comes first. `reloads`:
 * the command reloads the window; resolves once the workbench is back.
 */
async function runCommand(page, title, { exact = false, reloads = false } = {}) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  if (exact) {
    const row = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
    await row.waitFor();
    for (let moves = 0; !(await row.evaluate((element) => element.classList.contains('focused'))); moves++) {
      if (moves === 10) throw new Error(`the palette does not get to "${title}" with the arrow keys`);
      await page.keyboard.press('ArrowDown');
    }
  } else await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
  if (reloads) {
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    return page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function squiggles(page) {
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
}

async function hoverAt(page, [line, column], expected) {
  await goToLine(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: expected }).first();
  await hover.waitFor({ state: 'visible' });
  await settled(hover);
}

/** Waits until an element's text stops changing (hover parts from several providers arrive one after another). */
async function settled(locator, timeoutMs = 5_000) {
  let previous = await locator.textContent();
  let stableSince = Date.now();
  await waitUntil('the hover to settle', timeoutMs, async () => {
    const text = await locator.textContent();
    if (text !== previous) [previous, stableSince] = [text, Date.now()];
    return Date.now() - stableSince >= 400;
  });
}

async function screenshot(page, name, folder = SCREENSHOTS) {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/** The 1-based line and column where `search` starts in `text`. */
function positionOf(text, search) {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(search));
  if (line < 0) throw new Error(`${JSON.stringify(search)} not found`);
  return [line + 1, lines[line].indexOf(search) + 1];
}

/** A workbench check; when it fails, what the page showed is saved beside the screenshots. */
function uiCheck(page, name, body) {
  return check(name, async () => {
    try {
      await body();
    } catch (error) {
      const shot = await screenshot(page, `failed-${name.replace(/\W+/g, '-').slice(0, 60)}.png`, FAILURES).catch(() => undefined);
      throw shot ? Object.assign(error, { message: `${error.message}\n(the page: ${relative(ROOT, shot)})` }) : error;
    }
  });
}

/** A file of examples/seed/, as the workspace holds it. */
function seedFile(path) {
  return readFileSync(join(ROOT, 'examples/seed', path), 'utf8');
}

/** A screenshot for the README: the status bar item must say the server is ready in it. */
async function docsScreenshot(page, name) {
  await page.locator('.statusbar [aria-label="Container Standards: ready"]').first().waitFor({ state: 'visible' });
  await screenshot(page, name);
}

/** The checks on the showcase Dockerfile, which has findings examples/seed/ has not. */
async function showcaseChecks(page) {
  await uiCheck(page, 'workbench: Ctrl+. on the image of the final FROM preselects "Add USER 1000" (no-user), and Enter applies it', async () => {
    const [line] = positionOf(showcaseDockerfile(), 'FROM node:latest AS production');
    await openFile(page, SHOWCASE_DOCKERFILE);
    await goToLine(page, line, 'FROM n'.length);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Add USER 1000' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const added = page.locator('.monaco-editor .view-line', { hasText: /^USER\s+1000$/ });
    await added.waitFor({ state: 'visible' });
    // The showcase stays as it was for the checks that follow.
    await page.keyboard.press('Control+Z');
    await added.waitFor({ state: 'detached' });
    await runCommand(page, 'View: Close All Editors');
  });
}

/** How many findings `container-standards lint` reports in examples/seed/ (the bundled CLI, as CI runs it). */
function seedFindingCount() {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'lint', '--format', 'json', 'examples/seed'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(result.stdout).files.reduce((count, file) => count + file.diagnostics.length, 0);
}

/**
 * The README's screenshots, last: the showcase and the scaffold projects are removed and the window reloaded, so the
 * workbench shows examples/seed/ as a newcomer opens it, and nothing the checks before left (notifications, the
 * documents the in-editor suite opened in its folder, deleted since, whose problems stay while the extension host
 * knows the documents).
 */
async function takeScreenshots(page, workspace) {
  await uiCheck(page, "screenshots: a newcomer's workbench (the workspace holds examples/seed/ only, reloaded, no editor open)", async () => {
    await runCommand(page, 'View: Close All Editors');
    for (const folder of ['apps', 'showcase']) rmSync(join(workspace, folder), { recursive: true, force: true });
    const entries = (folder) =>
      readdirSync(folder)
        .filter((name) => name !== '.vscode')
        .sort();
    const left = entries(workspace);
    if (JSON.stringify(left) !== JSON.stringify(entries(join(ROOT, 'examples/seed'))))
      throw new Error(`the workspace holds ${left.join(', ')}, examples/seed/ holds ${entries(join(ROOT, 'examples/seed')).join(', ')}`);
    await runCommand(page, 'Developer: Reload Window', { reloads: true });
    await page.locator('.statusbar [aria-label="Container Standards: ready"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Collapse Folders in Explorer');
  });
  /** Quick Open clicks the file's row, which leaves the mouse over the tabs: moved where it shows no tooltip. */
  const openSeedFile = async (path) => {
    await openFile(page, path);
    await page.mouse.move(200, 715);
  };
  await uiCheck(
    page,
    'workbench: examples/seed/Dockerfile shows squiggles, and Ctrl+. on --only=production preselects "Replace --only=production with --omit=dev"',
    async () => {
      await openSeedFile('Dockerfile');
      await squiggles(page);
      await goToLine(page, ...positionOf(seedFile('Dockerfile'), '--only=production'));
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Replace --only=production with --omit=dev' }).waitFor({ state: 'visible' });
      await docsScreenshot(page, 'dockerfile-quick-fix.png');
      await page.keyboard.press('Escape');
    },
  );
  await uiCheck(page, 'workbench: examples/seed/docker-compose.yml shows squiggles, the hover of "version" names compose/obsolete-version', async () => {
    await openSeedFile('docker-compose.yml');
    await squiggles(page);
    await hoverAt(page, positionOf(seedFile('docker-compose.yml'), 'version'), 'compose/obsolete-version');
    await docsScreenshot(page, 'compose-diagnostics.png');
    await page.keyboard.press('Escape');
  });
  await uiCheck(page, 'workbench: examples/seed/k8s/deployment.yaml shows squiggles, the hover of app:latest names k8s/latest-tag', async () => {
    await openSeedFile('k8s/deployment.yaml');
    await squiggles(page);
    await hoverAt(page, positionOf(seedFile('k8s/deployment.yaml'), 'app:latest'), 'k8s/latest-tag');
    await docsScreenshot(page, 'kubernetes-diagnostics.png');
    await page.keyboard.press('Escape');
  });
  await uiCheck(
    page,
    "workbench: the Problems panel (Ctrl+Shift+M) lists examples/seed/'s findings with their rule ids, as many as the CLI reports",
    async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible' });
      await runCommand(page, 'View: Toggle Maximized Panel');
      // Without the side bar (Ctrl+B) the messages have the width.
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      for (const id of ['dockerfile/npm-omit-dev', 'compose/obsolete-version', 'k8s/latest-tag'])
        await panel.getByText(id).first().waitFor({ state: 'visible' });
      const expected = String(seedFindingCount());
      const badge = page.locator('.part.panel .action-item', { hasText: 'Problems' }).locator('.badge-content');
      await waitUntil(`the Problems badge to count ${expected}, as the CLI reports`, 10_000, async () => (await badge.textContent()) === expected);
      await docsScreenshot(page, 'problems-panel.png');
    },
  );
}

// ---------------------------------------------------------------------------------------------------- main

function report() {
  for (const result of results) {
    console.log(`${result.status === 'pass' ? 'PASS' : 'FAIL'}  ${result.name}  (${result.durationMs} ms)`);
    if (result.error) console.log(result.error.replace(/^/gm, '      '));
  }
  const passed = results.filter((result) => result.status === 'pass').length;
  return { passed, failed: results.length - passed };
}

async function main() {
  let suite;
  try {
    // code-server's build needs ripgrep and libkrb5-dev; Chromium and Neovim install while it builds, and the
    // extensions package meanwhile (apt, npm's native builds and esbuild share the cores).
    await ensureDebianPackages(DEBIAN_BUILD_PACKAGES);
    const typecheck = check('suite: test/vscode type-checks against the vscode API (tsc -p test/vscode)', () =>
      runAsync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'test/vscode/tsconfig.json')], { cwd: ROOT }),
    );
    const setup = await Promise.allSettled([
      ensureCodeServer(),
      ensureDebianPackages(DEBIAN_RUN_PACKAGES),
      ensureVsix().then(() => Promise.all([ensureRunnerVsix(), ensureCli()])),
      typecheck,
    ]);
    const failed = setup.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    log('code-server, Chromium and both .vsix ready');
    await check(`package: ${relative(ROOT, VSIX)} holds only bundles, schemas, snippets, README, RULES, LICENSE and notices`, () => checkVsixContents());
    const paths = prepareRun();
    const env = isolatedEnv(paths.home, { CONTAINER_STANDARDS_TEST_RESULTS: paths.results, CONTAINER_STANDARDS_REPO: ROOT });
    let installed = false;
    await check(`package: code-server ${CODE_SERVER_VERSION} --install-extension takes the .vsix and the runner`, () => {
      installExtensions(paths, env);
      installed = true;
    });
    if (installed) {
      const server = await startCodeServer(paths, env);
      log(`code-server at ${server.url}; opening the workbench in Chromium`);
      const { page, console: browserConsole } = await openWorkbench(paths, env, server.url);
      log('workbench loaded; waiting for the in-editor suite');
      try {
        suite = await waitForSuite(paths, server, browserConsole);
      } catch (error) {
        await screenshot(page, 'failed-suite.png', FAILURES).catch(() => {});
        throw error;
      }
      results.push(...suite.scenarios);
      log(`suite done in ${suite.editor}; workbench checks`);
      log('status bar, Show Rules, rule links, walkthrough, tracing');
      await uxChecks(page, paths, { uiCheck, check, runCommand, openFile, goToLine, positionOf, showcaseDockerfile, showcasePath: SHOWCASE_DOCKERFILE });
      await showcaseChecks(page);
      log('scaffolding commands from the palette');
      await scaffoldChecks(page, paths.workspace, { uiCheck, runCommand, screenshot, waitUntil, root: ROOT });
      log('formatting from the palette');
      await formatChecks(page, paths.workspace, { uiCheck, runCommand, openFile, goToLine, waitUntil });
      log('README screenshots of examples/seed/');
      await takeScreenshots(page, paths.workspace);
      log(`screenshots in ${relative(ROOT, SCREENSHOTS)}`);
    }
  } catch (error) {
    results.push({
      name: 'e2e: harness',
      status: 'fail',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      durationMs: Date.now() - started,
    });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
  const { passed, failed } = report();
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || !suite ? 1 : 0;
}

await main();

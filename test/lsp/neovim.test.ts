// A second, independent LSP client: the bundled server under headless Neovim 0.7+ (Debian's `neovim`), attached with
// vim.lsp.start_client + buf_attach_client (0.7 has no vim.lsp.start). A publishDiagnostics handler writes what
// Neovim received as JSON and quits. Skipped, saying why, where `nvim` is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const TIMEOUT_MS = 20_000;

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = version.error || version.status !== 0 ? 'nvim is not installed (Debian: apt-get install neovim), so the Neovim client test is skipped' : false;

/** Neovim's init: attach the server to the file given on the command line, write the first non-empty publish, quit. */
const MINIMAL_LUA = `
local out = os.getenv('CS_NVIM_OUT')
vim.cmd('filetype on')
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(_, result)
  if result == nil or #result.diagnostics == 0 then return end
  local file = assert(io.open(out .. '.partial', 'w'))
  file:write(vim.json.encode({ nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), filetype = vim.bo.filetype, publish = result }))
  file:close()
  os.rename(out .. '.partial', out)
  vim.schedule(function() vim.cmd('qa!') end)
end
vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local client = vim.lsp.start_client({
      name = 'container-standards',
      cmd = { os.getenv('CS_NODE'), os.getenv('CS_SERVER'), '--stdio' },
      root_dir = vim.fn.getcwd(),
      on_exit = function(code) if code ~= 0 then io.stderr:write('server exited with ' .. code .. '\\n') end end,
    })
    if client == nil then io.stderr:write('start_client failed\\n'); vim.cmd('cquit 3') end
    vim.lsp.buf_attach_client(0, client)
  end,
})
`;

interface Received {
  nvim: string;
  filetype: string;
  publish: { uri: string; diagnostics: { code?: string | number; source?: string; range: { start: { line: number } } }[] };
}

/** Opens `fileName` (written with `text`) in headless Neovim and returns the first non-empty publishDiagnostics it got. */
async function diagnosticsInNeovim(fileName: string, text: string): Promise<Received> {
  const folder = mkdtempSync(join(tmpdir(), 'container-standards-nvim-'));
  try {
    const file = join(folder, 'workspace', fileName);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    const init = join(folder, 'minimal.lua');
    writeFileSync(init, MINIMAL_LUA);
    const out = join(folder, 'received.json');
    const xdg = (name: string) => join(folder, 'xdg', name);
    const child = spawn('nvim', ['--headless', '-i', 'NONE', '--noplugin', '-u', init, file], {
      cwd: join(folder, 'workspace'),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        CS_NVIM_OUT: out,
        CS_NODE: process.execPath,
        CS_SERVER: SERVER,
        XDG_CONFIG_HOME: xdg('config'),
        XDG_DATA_HOME: xdg('data'),
        XDG_STATE_HOME: xdg('state'),
        XDG_CACHE_HOME: xdg('cache'),
        XDG_RUNTIME_DIR: xdg('run'),
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited: string | undefined;
    const exit = new Promise<void>((resolveExit) =>
      child.on('exit', (code, signal) => {
        exited = signal ?? `code ${code}`;
        resolveExit();
      }),
    );
    try {
      // Poll for the file Neovim writes; fail early if it exits without writing it.
      const deadline = Date.now() + TIMEOUT_MS;
      while (!existsSync(out)) {
        if (exited !== undefined && !existsSync(out)) throw new Error(`nvim exited (${exited}) without diagnostics.\nstderr:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`Timed out after ${TIMEOUT_MS} ms waiting for Neovim to receive diagnostics.\nstderr:\n${stderr}`);
        await new Promise((resolveTick) => setTimeout(resolveTick, 25));
      }
      const received = JSON.parse(readFileSync(out, 'utf8')) as Received;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exit, new Promise((resolveTick) => (timer = setTimeout(resolveTick, TIMEOUT_MS)))]);
      clearTimeout(timer);
      assert.equal(exited, 'code 0', `nvim did not quit cleanly after writing the diagnostics.\nstderr:\n${stderr}`);
      return received;
    } finally {
      if (exited === undefined) child.kill('SIGKILL');
      await exit;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function ruleIds(received: Received): string[] {
  return received.publish.diagnostics.map((diagnostic) => String(diagnostic.code));
}

function example(path: string): string {
  return readFileSync(join(ROOT, 'examples', path), 'utf8');
}

test('Neovim receives the Dockerfile diagnostics with their rule ids', { skip, timeout: 60_000 }, async () => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: build first (node esbuild.mjs)`);
  // The seed made worse, as in the VS Code suite: a `latest` base, no USER, a shell-form CMD.
  let text = example('seed/Dockerfile');
  for (const [search, replacement] of [
    ['FROM node:18-alpine AS production', 'FROM node:latest AS production'],
    ['\nUSER node\n', '\n'],
    ['CMD ["npm", "start"]', 'CMD npm start'],
  ] as const) {
    assert.equal(text.split(search).length, 2, `examples/seed/Dockerfile should hold exactly one ${JSON.stringify(search)}`);
    text = text.replace(search, replacement);
  }
  const received = await diagnosticsInNeovim('Dockerfile', text);
  assert.equal(received.filetype, 'dockerfile');
  assert.match(received.publish.uri, /^file:\/\/.*\/workspace\/Dockerfile$/);
  const expected = ['dockerfile/shell-form-cmd', 'dockerfile/latest-tag', 'dockerfile/no-user'];
  assert.deepEqual(
    expected.filter((id) => !ruleIds(received).includes(id)),
    [],
    `received: ${ruleIds(received).join(', ')}`,
  );
  assert.ok(received.publish.diagnostics.every((diagnostic) => diagnostic.source === 'container-standards'));
  const lines = text.split('\n');
  const shellForm = received.publish.diagnostics.find((diagnostic) => diagnostic.code === 'dockerfile/shell-form-cmd');
  assert.equal(shellForm?.range.start.line, lines.indexOf('CMD npm start'));
});

test('Neovim receives the Kubernetes manifest diagnostics with their rule ids', { skip, timeout: 60_000 }, async () => {
  const text = example('seed/k8s/deployment.yaml');
  const received = await diagnosticsInNeovim('k8s/deployment.yaml', text);
  assert.equal(received.filetype, 'yaml');
  assert.ok(ruleIds(received).includes('k8s/latest-tag'), `received: ${ruleIds(received).join(', ')}`);
  const latest = received.publish.diagnostics.find((diagnostic) => diagnostic.code === 'k8s/latest-tag');
  assert.equal(
    latest?.range.start.line,
    text.split('\n').findIndex((line) => line.includes('image: app:latest')),
  );
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { isCodeAction, startServer, type LspClient } from './lspClient';
import { codes, compose, deployment, dockerfile, essentials, expected, onLine, RULES_MD, type Essentials, type Sample } from './samples';

const FIX_ALL = 'source.fixAll.container-standards';

/** Opens a sample and returns its URI with the published diagnostic of the rule under test. */
async function openWithProblem(client: LspClient, sample: Sample, code: string): Promise<{ uri: string; diagnostic: Diagnostic }> {
  const uri = await client.open(sample.fileName, sample.languageId, sample.text);
  const diagnostic = (await client.published(uri)).find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `${sample.fileName} should have a ${code} diagnostic`);
  return { uri, diagnostic };
}

async function actionTitled(client: LspClient, uri: string, diagnostic: Diagnostic, title: string): Promise<CodeAction> {
  const actions = (await client.codeActions(uri, [diagnostic])).filter(isCodeAction);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no "${title}" among ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  return action;
}

/** Applies an action's edit and waits until the server no longer reports the rule. */
async function applyAndAwaitFixed(client: LspClient, uri: string, action: CodeAction, code: string): Promise<Diagnostic[]> {
  assert.ok(action.edit, `"${action.title}" should carry an edit`);
  await client.applyEdit(action.edit);
  return client.published(uri, (diagnostics) => !codes(diagnostics).includes(code));
}

const quickFixes = [
  {
    code: 'dockerfile/shell-form-cmd',
    sample: dockerfile,
    title: 'Rewrite to exec form: CMD ["node", "server.js"]',
    fixedText: ['FROM bitnami/node:latest', 'WORKDIR /app', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'CMD ["node", "server.js"]', ''].join('\n'),
    remaining: [expected('dockerfile/latest-tag', onLine(0, 18, 24))],
  },
  {
    code: 'compose/obsolete-version',
    sample: compose,
    title: 'Delete the obsolete "version" line',
    fixedText: [
      'name: shop',
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    deploy:',
      '      resources:',
      '        limits: { cpus: "0.50", memory: 256M }',
      '',
    ].join('\n'),
    remaining: [],
  },
];

for (const { code, sample, title, fixedText, remaining } of quickFixes) {
  test(`the ${code} quick fix is a preferred workspace edit that removes the problem`, async (t) => {
    const client = await startServer(t);
    const { uri, diagnostic } = await openWithProblem(client, sample, code);
    const action = await actionTitled(client, uri, diagnostic, title);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(action.command, undefined);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [uri]);

    const after = await applyAndAwaitFixed(client, uri, action, code);
    assert.equal(client.text(uri), fixedText);
    assert.deepEqual(after.map(essentials), remaining);
  });
}

const disables: { name: string; code: string; sample: Sample; disabledText: string; remaining: Essentials[] }[] = [
  {
    name: 'above a FROM',
    code: 'dockerfile/latest-tag',
    sample: dockerfile,
    disabledText: ['# container-standards-disable-next-line dockerfile/latest-tag', dockerfile.text].join('\n'),
    remaining: [expected('dockerfile/shell-form-cmd', onLine(4, 0, 18))],
  },
  {
    name: 'above the first line of a continued instruction, keeping CRLF line ends',
    code: 'dockerfile/shell-form-cmd',
    sample: { ...dockerfile, text: 'FROM bitnami/node:22\r\nHEALTHCHECK CMD ["node", "healthcheck.js"]\r\nCMD node server.js \\\r\n  --port 8080\r\n' },
    disabledText:
      'FROM bitnami/node:22\r\nHEALTHCHECK CMD ["node", "healthcheck.js"]\r\n# container-standards-disable-next-line dockerfile/shell-form-cmd\r\nCMD node server.js \\\r\n  --port 8080\r\n',
    remaining: [],
  },
  {
    name: 'into the disable comment already above the line, before its reason',
    code: 'dockerfile/shell-form-cmd',
    sample: {
      ...dockerfile,
      text: [
        'FROM bitnami/node:22',
        'HEALTHCHECK CMD ["node", "healthcheck.js"]',
        '# container-standards-disable-next-line dockerfile/syntax -- generated',
        'CMD node server.js',
        '',
      ].join('\n'),
    },
    disabledText: [
      'FROM bitnami/node:22',
      'HEALTHCHECK CMD ["node", "healthcheck.js"]',
      '# container-standards-disable-next-line dockerfile/syntax, dockerfile/shell-form-cmd -- generated',
      'CMD node server.js',
      '',
    ].join('\n'),
    remaining: [],
  },
  {
    name: 'indented like the YAML key it silences',
    code: 'k8s/latest-tag',
    sample: deployment,
    disabledText: deployment.text.replace('          image:', '          # container-standards-disable-next-line k8s/latest-tag\n          image:'),
    remaining: [],
  },
];

for (const { name, code, sample, disabledText, remaining } of disables) {
  test(`"Disable ${code} for this line" writes the suppression ${name}`, async (t) => {
    const client = await startServer(t);
    const { uri, diagnostic } = await openWithProblem(client, sample, code);
    const action = await actionTitled(client, uri, diagnostic, `Disable ${code} for this line`);
    assert.equal(action.kind, 'quickfix');

    const after = await applyAndAwaitFixed(client, uri, action, code);
    assert.equal(client.text(uri), disabledText);
    assert.deepEqual(after.map(essentials), remaining);
  });
}

// `source.fixAll` is what `editor.codeActionsOnSave` asks for when it is not specific to this extension.
for (const only of [FIX_ALL, 'source.fixAll']) {
  test(`fix-all requested as ${only} rewrites every shell-form instruction at once and offers nothing else`, async (t) => {
    const client = await startServer(t);
    // The shell-form instructions are the only problems with a fix: the image table knows no tag to pin bitnami/node to.
    const text = ['FROM bitnami/node:latest', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'ENTRYPOINT node server.js', 'CMD --port 8080', ''].join('\n');
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, text);
    const diagnostics = await client.published(uri);
    assert.deepEqual(codes(diagnostics), ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd', 'dockerfile/shell-form-cmd']);

    const actions = await client.codeActions(uri, diagnostics, [only]);
    assert.deepEqual(
      actions.map((action) => [action.title, isCodeAction(action) ? action.kind : 'a bare command']),
      [['Fix all auto-fixable Container Standards problems', FIX_ALL]],
    );
    const [fixAll] = actions.filter(isCodeAction);
    assert.ok(fixAll);

    const after = await applyAndAwaitFixed(client, uri, fixAll, 'dockerfile/shell-form-cmd');
    assert.equal(
      client.text(uri),
      ['FROM bitnami/node:latest', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'ENTRYPOINT ["node", "server.js"]', 'CMD ["--port", "8080"]', ''].join('\n'),
    );
    assert.deepEqual(after.map(essentials), [expected('dockerfile/latest-tag', onLine(0, 18, 24))]);
  });
}

test('"Show documentation" asks a client without the VS Code command to open the bundled RULES.md at the rule', async (t) => {
  const client = await startServer(t);
  const { uri, diagnostic } = await openWithProblem(client, dockerfile, 'dockerfile/latest-tag');
  const action = await actionTitled(client, uri, diagnostic, 'Show documentation for dockerfile/latest-tag');
  assert.equal(action.kind, 'quickfix');
  assert.equal(action.edit, undefined);
  assert.ok(action.command);
  assert.equal(action.command.command, 'containerStandards.showRuleDocs');

  const shown = client.next('window/showDocument');
  await client.executeCommand(action.command);
  assert.deepEqual(await shown, { uri: diagnostic.codeDescription?.href, takeFocus: true });
  assert.equal(diagnostic.codeDescription?.href, `${RULES_MD}#dockerfilelatest-tag`);
  assert.ok(readFileSync(fileURLToPath(RULES_MD), 'utf8').includes('\n### dockerfile/latest-tag\n'), 'the link points at a RULES.md that has the rule');
});

test('with the VS Code client, "Show documentation" and the diagnostic link run its command with the rule id', async (t) => {
  const client = await startServer(t, { initializationOptions: { openRuleDocsCommand: 'containerStandards.openRuleDocs' } });
  const { uri, diagnostic } = await openWithProblem(client, dockerfile, 'dockerfile/latest-tag');
  const action = await actionTitled(client, uri, diagnostic, 'Show documentation for dockerfile/latest-tag');
  assert.deepEqual(action.command, {
    title: 'Show documentation for dockerfile/latest-tag',
    command: 'containerStandards.openRuleDocs',
    arguments: ['dockerfile/latest-tag'],
  });
  assert.equal(diagnostic.codeDescription?.href, `command:containerStandards.openRuleDocs?${encodeURIComponent('["dockerfile/latest-tag"]')}`);
});

test('containerStandards/rules lists every rule, and containerStandards/ruleDocumentation renders one by id or alias', async (t) => {
  const client = await startServer(t);
  const catalogue = await client.customRequest<{ id: string; aliases: string[]; fixable: boolean; severity: string }[]>('containerStandards/rules', {});
  const latestTag = catalogue.find((rule) => rule.id === 'dockerfile/latest-tag');
  assert.ok(latestTag?.aliases.includes('hadolint:DL3007'), JSON.stringify(latestTag));
  assert.equal(new Set(catalogue.map((rule) => rule.id)).size, catalogue.length);
  const byId = await client.customRequest<string | null>('containerStandards/ruleDocumentation', { ruleId: 'dockerfile/latest-tag' });
  assert.ok(byId?.startsWith('# dockerfile/latest-tag\n'), byId ?? 'null');
  assert.equal(await client.customRequest('containerStandards/ruleDocumentation', { ruleId: 'hadolint:DL3007' }), byId);
  assert.equal(await client.customRequest('containerStandards/ruleDocumentation', { ruleId: 'no/such-rule' }), null);
});

test('on the final FROM, the preferred fix is the most severe finding’s: no-user (a warning) over missing-healthcheck (info)', async (t) => {
  const client = await startServer(t);
  const text = ['FROM node:22-slim', 'WORKDIR /app', 'COPY package.json server.js ./', 'EXPOSE 3000', 'CMD ["node", "server.js"]', ''].join('\n');
  const uri = await client.open('Dockerfile', 'dockerfile', text);
  const onFrom = (await client.published(uri)).filter((diagnostic) => diagnostic.range.start.line === 0);
  const byCode = (code: string) => onFrom.find((diagnostic) => diagnostic.code === code);
  const noUser = byCode('dockerfile/no-user');
  const healthcheck = byCode('dockerfile/missing-healthcheck');
  assert.ok(noUser && healthcheck, JSON.stringify(onFrom));
  assert.deepEqual(noUser.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 17 } }, 'no-user sits on the image');
  assert.deepEqual(healthcheck.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, 'missing-healthcheck sits on FROM');
  // The whole line selected (or a client that sends every diagnostic of the line): both, in either order.
  for (const diagnostics of [
    [healthcheck, noUser],
    [noUser, healthcheck],
  ]) {
    const actions = (await client.codeActions(uri, diagnostics, ['quickfix'])).filter(isCodeAction);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.deepEqual(
      preferred.map((action) => [action.title, action.diagnostics?.[0]?.code]),
      [["Add USER 1000 (the image's user node)", 'dockerfile/no-user']],
    );
    assert.ok(actions.some((action) => action.title.startsWith('Add a HEALTHCHECK') && !action.isPreferred));
  }
  // The cursor on FROM alone: the healthcheck fix is then the one under it, and preferred.
  const [onKeyword] = (await client.codeActions(uri, [healthcheck], ['quickfix'])).filter(isCodeAction);
  assert.ok(onKeyword?.title.startsWith('Add a HEALTHCHECK') && onKeyword.isPreferred);
});

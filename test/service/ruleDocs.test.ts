import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rules } from '../../server/src/rules';
import { ruleCatalogue, ruleDocsLinks, ruleDocumentation } from '../../server/src/service/ruleDocs';

test('rule docs links: the VS Code client gets command links with the rule id, others the bundled RULES.md', () => {
  const vscode = ruleDocsLinks({ openRuleDocsCommand: 'containerStandards.openRuleDocs' });
  const href = vscode.href('dockerfile/latest-tag');
  assert.equal(href, 'command:containerStandards.openRuleDocs?%5B%22dockerfile%2Flatest-tag%22%5D');
  assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), ['dockerfile/latest-tag']);
  assert.deepEqual(vscode.command('dockerfile/latest-tag').arguments, ['dockerfile/latest-tag']);
  const other = ruleDocsLinks(undefined, 'file:///ext/RULES.md');
  assert.equal(other.href('dockerfile/latest-tag'), 'file:///ext/RULES.md#dockerfilelatest-tag');
  assert.deepEqual(other.command('dockerfile/latest-tag'), {
    title: 'Show documentation for dockerfile/latest-tag',
    command: 'containerStandards.showRuleDocs',
    arguments: ['file:///ext/RULES.md#dockerfilelatest-tag'],
  });
  // An unknown command name is not trusted to exist in the client.
  assert.equal(ruleDocsLinks({ openRuleDocsCommand: 'other.command' }, 'file:///x').href('a/b'), 'file:///x#ab');
});

test('rule catalogue: every rule once, with its metadata', () => {
  const catalogue = ruleCatalogue(rules);
  assert.equal(catalogue.length, rules.length);
  const latestTag = catalogue.find((rule) => rule.id === 'dockerfile/latest-tag');
  assert.deepEqual(latestTag && { fixable: latestTag.fixable, fix: latestTag.fix, hasAlias: latestTag.aliases.includes('hadolint:DL3007') }, {
    fixable: true,
    fix: 'editor only (some reports)',
    hasAlias: true,
  });
  const syntax = catalogue.find((rule) => rule.id === 'dockerfile/syntax');
  assert.deepEqual(syntax && { fixable: syntax.fixable, fix: syntax.fix }, { fixable: false, fix: null });
});

test('rule documentation: the RULES.md section under a top-level heading, by id or alias', () => {
  const markdown = ruleDocumentation(rules, 'dockerfile/latest-tag');
  assert.ok(markdown?.startsWith('# dockerfile/latest-tag\n\n'), markdown ?? 'null');
  assert.ok(markdown?.includes('- Default severity: '), markdown ?? 'null');
  assert.ok(markdown?.includes('- Quick fix: when the image table knows current tags of the image'), markdown ?? 'null');
  assert.equal(ruleDocumentation(rules, 'hadolint:DL3007'), markdown);
  assert.equal(ruleDocumentation(rules, 'no/such-rule'), null);
});

// Every contributed snippet is well formed, and expanded as the editor inserts it (defaults, and each option of its
// choices) it lints with the project's own engine without a finding, info included, as the file kind it is for.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintGenerated } from '../scaffold/lintGenerated';
import { filesWith, lintCase } from './lintCases';
import { alternativeCount, contributedFiles, expand, loadSnippets, ROOT } from './snippetFiles';

const snippets = loadSnippets();

test('package.json contributes every file of snippets/, each for its languages', () => {
  const contributed = contributedFiles();
  const files = new Set(contributed.map((file) => file.path.replace(/^\.\//, '')));
  assert.deepEqual(
    [...files].sort(),
    readdirSync(join(ROOT, 'snippets'))
      .map((name) => `snippets/${name}`)
      .sort(),
  );
  // Compose snippets for YAML too: without the Docker extension, VS Code opens compose.yaml as plain YAML.
  assert.deepEqual(
    contributed.map((file) => `${file.language} ${file.path}`),
    ['dockerfile ./snippets/dockerfile.json', 'dockercompose ./snippets/compose.json', 'yaml ./snippets/compose.json', 'yaml ./snippets/kubernetes.json'],
  );
});

test('every snippet has a prefix, a body and a description', () => {
  for (const snippet of snippets) {
    const label = `${snippet.file} "${snippet.name}"`;
    const keys = Object.keys(snippet.raw).filter((key) => key !== 'isFileTemplate');
    assert.deepEqual(keys.sort(), ['body', 'description', 'prefix'], label);
    assert.ok(snippet.prefixes.length > 0 && snippet.prefixes.every((prefix) => typeof prefix === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(prefix)), label);
    assert.ok(Array.isArray(snippet.raw.body) && snippet.raw.body.every((line) => typeof line === 'string'), `${label}: body is a list of lines`);
    assert.ok(typeof snippet.description === 'string' && snippet.description.length >= 30, `${label}: a description that says what it gives`);
  }
});

test('the snippets that are whole files, and only those, are file templates (Snippets: Fill File with Snippet)', () => {
  for (const snippet of snippets) {
    assert.equal(snippet.raw.isFileTemplate ?? false, lintCase(snippet).around === undefined, `${snippet.file} "${snippet.name}"`);
  }
});

test('prefixes are unique per language', () => {
  const seen = new Map<string, string>();
  for (const snippet of snippets) {
    for (const key of snippet.languages.flatMap((language) => snippet.prefixes.map((prefix) => `${language}:${prefix}`))) {
      assert.equal(seen.get(key), undefined, `${key} is the prefix of "${seen.get(key)}" and "${snippet.name}"`);
      seen.set(key, snippet.name);
    }
  }
});

test('bodies use spaces, known variables and tab stops numbered 1, 2, 3… without gaps', () => {
  for (const snippet of snippets) {
    const label = `${snippet.file} "${snippet.name}"`;
    // The editor turns a tab into the file's indentation, which in YAML may not be what the structure needs.
    assert.ok(!snippet.body.includes('\t'), `${label}: a tab in the body`);
    const expansion = expand(snippet);
    assert.deepEqual(expansion.unknownVariables, [], `${label}: unknown variables (escape a literal $ as \\$)`);
    const numbered = expansion.tabstops.filter((index) => index > 0).sort((a, b) => a - b);
    assert.deepEqual(
      numbered,
      numbered.map((_, position) => position + 1),
      `${label}: tab stops ${numbered}`,
    );
    for (const [index, choices] of expansion.choices) assert.ok(choices.length >= 2 && new Set(choices).size === choices.length, `${label}: choice $${index}`);
  }
});

test('every snippet, expanded with its defaults and with each option of its choices, lints without a finding', async (t) => {
  let expansions = 0;
  for (const snippet of snippets) {
    await t.test(`${snippet.file} ${snippet.prefixes[0]}`, () => {
      const where = lintCase(snippet);
      for (let alternative = 0; alternative < alternativeCount(snippet); alternative++) {
        const expanded = expand(snippet, alternative).text;
        const files = filesWith(snippet, expanded);
        const { findings, kinds } = lintGenerated(files);
        // A clean result must not come from a file the engine did not take for what it is.
        assert.equal(kinds[where.path], where.kind, `${where.path} linted as ${kinds[where.path]}`);
        // Stricter than zero warnings and errors: no snippet needs an info finding either, so none is accepted.
        assert.deepEqual(findings, [], `${snippet.prefixes[0]} (alternative ${alternative}):\n${files.at(-1)?.text}`);
        expansions++;
      }
    });
  }
  assert.ok(expansions > snippets.length, 'choices are expanded beyond the defaults');
});

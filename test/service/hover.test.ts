import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyword } from 'dockerfile-ast';
import type { MarkupContent } from 'vscode-languageserver-types';
import { Linter } from '../../server/src/engine/linter';
import { defineDockerfileRule, type Rule } from '../../server/src/engine/ruleTypes';
import { INSTRUCTIONS_BY_KEYWORD } from '../../server/src/knowledge/dockerfileInstructions';
import { rules } from '../../server/src/rules';
import { hover } from '../../server/src/service/hover';
import { ruleDocsLinks } from '../../server/src/service/ruleDocs';
import { Workspace } from '../../server/src/workspace/workspace';
import { splitCursor } from './cursor';

const VS_CODE_LINKS = ruleDocsLinks({ openRuleDocsCommand: 'containerStandards.openRuleDocs' });

/** A rule of this test that carries an explanation, whose example holds a backtick fence. */
const explainedRule = defineDockerfileRule({
  id: 'dockerfile/test-explained',
  meta: {
    severity: 'warning',
    description: 'A test rule that reports every EXPOSE.',
    aliases: [],
    messages: { exposed: 'EXPOSE found.' },
    explanation: { why: 'Because the test says so.', standard: 'The test standard, section 1.', bad: 'EXPOSE 80 # ```', good: 'EXPOSE 8080' },
  },
  check({ file, report }) {
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      if (instruction.getKeyword() === 'EXPOSE') report({ messageId: 'exposed', range: instruction.getRange() });
    }
  },
});

/** Lints a document with `|` at the cursor through the real linter and hovers there. */
function hoverAt(textWithCursor: string, withRules: readonly Rule[], fileName = 'Dockerfile') {
  const { text, position } = splitCursor(textWithCursor);
  const workspace = new Workspace({ readFile: () => undefined });
  const uri = `file:///project/${fileName}`;
  workspace.open(uri, text, '');
  return hover(new Linter(workspace, withRules).lint(uri), position, withRules, VS_CODE_LINKS);
}

function markdownOf(result: ReturnType<typeof hover>): string {
  assert.ok(result, 'expected a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('hover: every Dockerfile instruction is documented', () => {
  for (const keyword of Object.values(Keyword)) {
    const info = INSTRUCTIONS_BY_KEYWORD.get(keyword);
    assert.ok(info, `${keyword} has no documentation`);
    assert.ok(info.summary && info.tip && info.snippets.length > 0, `${keyword} documentation is incomplete`);
  }
});

const keywordCases: { name: string; text: string; includes: string[]; range: [number, number, number] }[] = [
  {
    name: 'FROM',
    text: 'FR|OM alpine:3.22',
    includes: ['**FROM**', 'build stage', '*Tip:*', 'https://docs.docker.com/reference/dockerfile/#from'],
    range: [0, 0, 4],
  },
  { name: 'a lower-case keyword, at its end', text: 'FROM alpine:3.22\nworkdir| /app', includes: ['**WORKDIR**'], range: [1, 0, 7] },
  { name: 'a deprecated instruction', text: 'FROM alpine:3.22\nMAINTAINER| me', includes: ['**MAINTAINER**', '*Deprecated:*'], range: [1, 0, 10] },
];

for (const { name, text, includes, range } of keywordCases) {
  test(`hover: documents the keyword, ${name}`, () => {
    const result = hoverAt(text, []);
    const markdown = markdownOf(result);
    for (const part of includes) assert.ok(markdown.includes(part), `missing ${part} in:\n${markdown}`);
    const [line, start, end] = range;
    assert.deepEqual(result?.range, { start: { line, character: start }, end: { line, character: end } });
  });
}

test('hover: nothing on arguments without a finding, or outside the text', () => {
  assert.equal(hoverAt('FROM alpine:3.22\nWORKDIR /a|pp', []), null);
  assert.equal(hoverAt('FROM alpine:3.22\n\n|', []), null);
  assert.equal(hover(undefined, { line: 0, character: 0 }, rules, VS_CODE_LINKS), null);
});

test('hover: a finding with an explanation shows why, the standard, both examples and the docs link', () => {
  const result = hoverAt('FROM alpine:3.22\nEXPOSE 8|0', [explainedRule]);
  assert.equal(
    markdownOf(result),
    [
      '**dockerfile/test-explained**: A test rule that reports every EXPOSE.',
      'Because the test says so.',
      '*Standard:* The test standard, section 1.',
      'Reported:\n\n````dockerfile\nEXPOSE 80 # ```\n````',
      'Instead:\n\n```dockerfile\nEXPOSE 8080\n```',
      '[Documentation of dockerfile/test-explained](command:containerStandards.openRuleDocs?%5B%22dockerfile%2Ftest-explained%22%5D)',
    ].join('\n\n'),
  );
  assert.deepEqual(result?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
});

test('hover: on a keyword with a finding, the finding comes first, then the instruction', () => {
  const markdown = markdownOf(hoverAt('FROM alpine:3.22\nEX|POSE 80', [explainedRule]));
  const sections = markdown.split('\n\n---\n\n');
  assert.equal(sections.length, 2);
  assert.ok(sections[0]?.startsWith('**dockerfile/test-explained**'));
  assert.ok(sections[1]?.startsWith('**EXPOSE**'));
});

test('hover: a finding of the real rules shows its description, when its quick fix is offered and who applies it, and the docs link', () => {
  const markdown = markdownOf(hoverAt('FROM node:lat|est\n', rules));
  const latestTag = rules.find((rule) => rule.id === 'dockerfile/latest-tag');
  assert.ok(latestTag);
  assert.ok(markdown.includes(`**dockerfile/latest-tag**: ${latestTag.meta.description}`), markdown);
  assert.ok(
    markdown.includes(
      '*Quick fix:* when the image table knows current tags of the image and the image is written in place, not taken from a variable; offered in the editor only, never applied by fix-all or `--fix`.',
    ),
    markdown,
  );
  assert.ok(markdown.includes('(command:containerStandards.openRuleDocs?%5B%22dockerfile%2Flatest-tag%22%5D)'), markdown);
});

test('hover: a rule without a quick fix says nothing about one', () => {
  assert.ok(!markdownOf(hoverAt('FROM alpine:3.22\nEXPOSE 8|0', [explainedRule])).includes('Quick fix'));
});

test('hover: findings in YAML files are explained too', () => {
  const markdown = markdownOf(hoverAt("vers|ion: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n", rules, 'docker-compose.yml'));
  assert.ok(markdown.startsWith('**compose/obsolete-version**'), markdown);
});

test('hover: a compose key shows its schema description, types and allowed values', () => {
  const text = ['services:', '  web:', '    depends_on:', '      db:', '        cond|ition: service_healthy', ''].join('\n');
  const result = hoverAt(text, [], 'compose.yaml');
  assert.equal(
    markdownOf(result),
    [
      '**condition** · `string`',
      "Condition to wait for. 'service_started' waits until the service has started, 'service_healthy' waits until the service is healthy (as defined by its healthcheck), 'service_completed_successfully' waits until the service has completed successfully.",
      'Allowed values: `service_started`, `service_healthy`, `service_completed_successfully`',
    ].join('\n\n'),
  );
  assert.deepEqual(result?.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 17 } });
});

test('hover: a compose key prefers its own description over that of the definition it refers to', () => {
  const markdown = markdownOf(hoverAt(['services:', '  web:', '    comm|and: [npm, start]'].join('\n'), [], 'compose.yaml'));
  assert.ok(markdown.startsWith('**command** · `null | string | array`\n\nOverride the default command'), markdown);
});

test('hover: keys of list items, x- extensions, and nothing for unknown keys, values or extension content', () => {
  const text = ['x-base: &base', '  restart: always', 'services:', '  web:', '    volumes:', '      - type: bind', '    imag: nginx'];
  const at = (line: number, character: number) => {
    const lines = [...text];
    lines[line] = `${lines[line]?.slice(0, character)}|${lines[line]?.slice(character)}`;
    return hoverAt(lines.join('\n'), [], 'compose.yaml');
  };
  assert.ok(markdownOf(at(5, 9)).startsWith('**type** · `string`\n\nThe mount type'));
  assert.ok(markdownOf(at(0, 2)).includes('Extension field'));
  assert.equal(at(1, 4), null);
  assert.equal(at(5, 14), null);
  assert.equal(at(6, 5), null);
});

test('hover: on a compose key with a finding, the finding comes first, then the schema', () => {
  const obsoleteVersion = rules.filter((rule) => rule.id === 'compose/obsolete-version');
  const text = "vers|ion: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n";
  const sections = markdownOf(hoverAt(text, obsoleteVersion, 'compose.yaml')).split('\n\n---\n\n');
  assert.equal(sections.length, 2);
  assert.ok(sections[0]?.startsWith('**compose/obsolete-version**'), sections[0]);
  assert.ok(sections[1]?.startsWith('**version** · `string`\n\n*Deprecated.*'), sections[1]);
});

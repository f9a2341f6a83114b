// Every rule explains itself (hovers, RULES.md) with a failing and a passing snippet; this checks that the
// snippets are true: `bad` is reported by the rule, `good` is not.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/lint';
import type { Rule, RuleExplanation } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { describeFinding, lintCase } from '../ruleTester';

interface Snippet {
  code: string;
  /** Other files of the workspace, by path relative to the project folder. */
  files?: Readonly<Record<string, string>>;
  /** Rule options by name. */
  options?: Readonly<Record<string, unknown>>;
}

interface Setup {
  /** Rule options both snippets are linted with. */
  options?: Readonly<Record<string, unknown>>;
  /** When a snippet is not the linted file itself (a `.dockerignore` as the fix), what to lint instead. */
  bad?: (explanation: RuleExplanation) => Snippet;
  good?: (explanation: RuleExplanation) => Snippet;
}

/** What some snippets need besides themselves; everything else is linted alone, as the file its kind names. */
const SETUP: Readonly<Record<string, Setup>> = {
  // The passing side of this rule is the .dockerignore that the fix creates, next to the same Dockerfile.
  'dockerfile/missing-dockerignore': {
    good: (explanation) => ({ code: explanation.bad, files: { '.dockerignore': explanation.good } }),
  },
  // The snippets' first line names the configured registries.
  'dockerfile/untrusted-registry': { options: { trustedRegistries: ['registry.example.com'] } },
  // The snippets' first line shows the .dockerignore of the build context.
  'dockerfile/copy-ignored-file': {
    bad: (explanation) => ({ code: explanation.bad, files: { '.dockerignore': '*.md\n' } }),
    good: (explanation) => ({ code: explanation.good, files: { '.dockerignore': '*.md\n!README.md\n' } }),
  },
  // The snippets' first line shows the stages of the Dockerfile beside them.
  'compose/build-target-not-found': {
    bad: (explanation) => ({ code: explanation.bad, files: { Dockerfile: 'FROM node:22 AS build\nFROM node:22-alpine AS production\n' } }),
    good: (explanation) => ({ code: explanation.good, files: { Dockerfile: 'FROM node:22 AS build\nFROM node:22-alpine AS production\n' } }),
  },
  // The snippets' first line shows what the Dockerfile beside them EXPOSEs.
  'compose/port-not-exposed': {
    bad: (explanation) => ({ code: explanation.bad, files: { Dockerfile: 'FROM node:22-alpine\nEXPOSE 3000\n' } }),
    good: (explanation) => ({ code: explanation.good, files: { Dockerfile: 'FROM node:22-alpine\nEXPOSE 3000\n' } }),
  },
  // The snippets' first line says which files exist: the build context in both, the others only beside the good one.
  'compose/path-not-found': {
    bad: (explanation) => ({ code: explanation.bad, files: { 'frontend/Dockerfile': 'FROM nginx:1.29\n' } }),
    good: (explanation) => ({
      code: explanation.good,
      files: { 'frontend/Dockerfile': 'FROM nginx:1.29\n', 'config/web.env': 'A=1\n', 'nginx.conf': 'events {}\n' },
    }),
  },
  // The snippets' first line says which Dockerfile builds the image, and through which tool.
  'k8s/image-runs-as-root': both({
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: registry.example.com/shop/api\n',
    Dockerfile: 'FROM node:22-slim\nCOPY . .\nUSER root\n',
  }),
  'k8s/run-as-non-root-named-user': both({
    'compose.yaml': 'services:\n  web:\n    build: .\n    image: registry.example.com/shop/web\n',
    Dockerfile: 'FROM node:22-slim\nCOPY . .\nUSER node\n',
  }),
  'k8s/container-port-not-exposed': both({
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: registry.example.com/shop/api\n',
    Dockerfile: 'FROM node:22-slim\nEXPOSE 3000\n',
  }),
};

/** Both snippets linted beside the same other files. */
function both(files: Readonly<Record<string, string>>): Setup {
  return { bad: (explanation) => ({ code: explanation.bad, files }), good: (explanation) => ({ code: explanation.good, files }) };
}

/**
 * Dockerfile snippets show the instructions that matter, usually without a FROM (a hover is read inside a whole
 * Dockerfile); a snippet without any FROM is linted as the body of a stage.
 */
function fragmentAsStage(rule: Rule, code: string): string {
  if (rule.kind !== 'dockerfile' || /^\s*FROM\s/im.test(code)) return code;
  return `FROM debian:12-slim\n${code}`;
}

function lint(rule: Rule, snippet: Snippet): Finding[] {
  const findings = lintCase(rule, { ...snippet, code: fragmentAsStage(rule, snippet.code) });
  const internal = findings.filter((finding) => !(finding.messageId in rule.meta.messages));
  assert.deepEqual(internal.map(describeFinding), [], 'the rule failed on the snippet');
  return findings.filter((finding) => finding.ruleId === rule.id);
}

function snippetOf(rule: Rule, side: 'bad' | 'good', explanation: RuleExplanation): Snippet {
  const setup = SETUP[rule.id] ?? {};
  const own = setup[side]?.(explanation) ?? { code: explanation[side] };
  return { ...own, options: { ...setup.options, ...own.options } };
}

test('every rule has an explanation: why, a reported snippet and a passing one', () => {
  const missing = rules.filter((rule) => !rule.meta.explanation).map((rule) => rule.id);
  assert.deepEqual(missing, [], 'rules without meta.explanation');
  for (const rule of rules) {
    const { why, standard, bad, good } = rule.meta.explanation!;
    assert.match(why, /^\S.*[.)]$/s, `${rule.id}: why must be a sentence or two ending in a period`);
    if (standard !== undefined) assert.match(standard, /^\S.*\.$/s, `${rule.id}: standard must end in a period`);
    assert.ok(bad.trim() && good.trim() && bad !== good, `${rule.id}: bad and good must be different, non-empty snippets`);
  }
});

test('the setup table only names registered rules', () => {
  const ids = new Set(rules.map((rule) => rule.id));
  assert.deepEqual(
    Object.keys(SETUP).filter((id) => !ids.has(id)),
    [],
  );
});

for (const rule of rules) {
  const explanation = rule.meta.explanation;
  if (!explanation) continue;
  describe(`${rule.id} explanation`, () => {
    test('bad is reported', () => {
      const findings = lint(rule, snippetOf(rule, 'bad', explanation));
      assert.ok(findings.length > 0, `expected a finding of ${rule.id} in:\n${explanation.bad}`);
    });
    test('good is not', () => {
      const findings = lint(rule, snippetOf(rule, 'good', explanation));
      assert.deepEqual(findings.map(describeFinding), [], `expected no finding of ${rule.id} in:\n${explanation.good}`);
    });
  });
}

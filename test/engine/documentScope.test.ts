import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFile, type Finding } from '../../server/src/engine/lint';
import { Linter } from '../../server/src/engine/linter';
import { defineKubernetesRule, type KubernetesRule } from '../../server/src/engine/ruleTypes';
import { replaceScalar } from '../../server/src/parsing/yamlEdit';
import { objectsHere } from '../../server/src/rules/support/kubernetes';
import { Workspace } from '../../server/src/workspace/workspace';

const URI = 'file:///project/manifests.yaml';

const manifest = (replicas: number, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}${extra}
---
apiVersion: v1
kind: Service
metadata:
  name: web
`;

/** Reports every object's name twice, once with an eager fix and once with a lazy one, and counts its runs per object. */
function countingRule(runs: Map<string, number>, scope?: 'document'): KubernetesRule {
  return defineKubernetesRule({
    id: 'test/named',
    meta: {
      severity: 'warning',
      description: 'A test rule.',
      fix: { applied: 'auto' },
      aliases: [],
      messages: { named: '{{kind}} {{name}} ({{fix}})' },
      ...(scope ? { scope } : {}),
    },
    check(context) {
      for (const object of objectsHere(context)) {
        runs.set(object.name ?? '?', (runs.get(object.name ?? '?') ?? 0) + 1);
        const name = object.view.at('metadata', 'name')!;
        const data = { kind: object.kind, name: object.name ?? '?' };
        context.report({
          messageId: 'named',
          data: { ...data, fix: 'eager' },
          range: object.anchorRange,
          fixes: [{ title: 'eager', edits: [replaceScalar(name, 'renamed')!] }],
        });
        context.report({
          messageId: 'named',
          data: { ...data, fix: 'lazy' },
          range: object.anchorRange,
          fixes: () => [{ title: 'lazy', edits: [replaceScalar(name, 'renamed')!] }],
        });
      }
    },
  });
}

function workspaceWith(text: string): { workspace: Workspace; setText(text: string): void } {
  const texts = new Map([[URI, text]]);
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  workspace.index(URI);
  return {
    workspace,
    setText(next) {
      texts.set(URI, next);
      workspace.changedOnDisk(URI);
    },
  };
}

function lint(workspace: Workspace, rule: KubernetesRule, options?: Record<string, unknown>): Finding[] {
  const file = workspace.get(URI);
  assert.equal(file?.kind, 'kubernetes');
  return lintFile(file, workspace, { rules: {}, options }, [rule]);
}

/** What an editor sees of a finding, fixes built. */
const seen = (findings: readonly Finding[]) => findings.map(({ message, range, fixes }) => ({ message, range, fixes }));

test('an edit re-runs a document-scoped rule on the edited document only; the others keep their reports, moved', () => {
  const runs = new Map<string, number>();
  const rule = countingRule(runs, 'document');
  const { workspace, setText } = workspaceWith(manifest(2));
  lint(workspace, rule);
  assert.deepEqual(Object.fromEntries(runs), { settings: 1, web: 2 });

  // Two lines more in the Deployment: the Service below moves down by two.
  setText(manifest(3, '\n  paused: true\n  minReadySeconds: 5'));
  const findings = lint(workspace, rule);
  assert.deepEqual(Object.fromEntries(runs), { settings: 1, web: 3 }, 'only the Deployment was checked again');
  const fresh = workspaceWith(manifest(3, '\n  paused: true\n  minReadySeconds: 5')).workspace;
  assert.deepEqual(seen(findings), seen(lint(fresh, countingRule(new Map(), 'document'))));
  const atServiceName = { start: { line: 19, character: 8 }, end: { line: 19, character: 11 } };
  for (const fix of ['eager', 'lazy']) {
    const service = findings.find((finding) => finding.message === `Service web (${fix})`)!;
    assert.deepEqual(service.range, atServiceName, 'two lines below line 17');
    assert.deepEqual(service.fixes[0]!.edits[0]!.range, atServiceName, `the ${fix} fix moves with its report`);
  }

  // The same text again: nothing is checked.
  lint(workspace, rule);
  assert.deepEqual(Object.fromEntries(runs), { settings: 1, web: 3 });
});

test('a rule without a scope sees the whole file and runs on every lint', () => {
  const runs = new Map<string, number>();
  const rule = countingRule(runs);
  const { workspace, setText } = workspaceWith(manifest(2));
  lint(workspace, rule);
  setText(manifest(3));
  lint(workspace, rule);
  assert.deepEqual(Object.fromEntries(runs), { settings: 2, web: 4 });
});

test('other options run a document-scoped rule again', () => {
  let runs = 0;
  const rule = defineKubernetesRule<{ limit: number }>({
    id: 'test/options',
    meta: {
      severity: 'warning',
      description: 'A test rule.',
      aliases: [],
      messages: { found: 'limit {{limit}}' },
      scope: 'document',
      options: { limit: { type: 'integer', description: 'A limit.', default: 1 } },
    },
    check(context) {
      runs++;
      const [object] = objectsHere(context);
      if (object) context.report({ messageId: 'found', data: { limit: context.options.limit }, range: object.anchorRange });
    },
  });
  const { workspace } = workspaceWith(manifest(2));
  lint(workspace, rule as KubernetesRule);
  lint(workspace, rule as KubernetesRule);
  assert.equal(runs, 3);
  const findings = lint(workspace, rule as KubernetesRule, { limit: 5 });
  assert.equal(runs, 6);
  assert.deepEqual(
    findings.map((finding) => finding.message),
    ['limit 5', 'limit 5', 'limit 5'],
  );
});

test('a document-scoped rule that reads another file runs again when that file changes, and its reads count for the lint', () => {
  const texts = new Map([
    [URI, manifest(2)],
    ['file:///project/Dockerfile', 'FROM alpine:3.22\nUSER 10001\n'],
  ]);
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  workspace.index(URI);
  let runs = 0;
  const rule = defineKubernetesRule({
    id: 'test/reads',
    meta: { severity: 'warning', description: 'A test rule.', aliases: [], messages: { user: '{{user}}' }, scope: 'document' },
    check(context) {
      runs++;
      const user = /USER (\S+)/.exec(context.workspace.readText('file:///project/Dockerfile') ?? '')?.[1] ?? 'none';
      for (const object of objectsHere(context))
        if (object.kind === 'Deployment') context.report({ messageId: 'user', data: { user }, range: object.anchorRange });
    },
  });
  const linter = new Linter(workspace, [rule]);
  const first = linter.lint(URI)!;
  assert.equal(runs, 3);
  assert.ok(first.reads.has('file:///project/Dockerfile'));
  const again = linter.lint(URI)!;
  assert.equal(runs, 3, 'nothing read has changed');
  assert.ok(again.reads.has('file:///project/Dockerfile'), 'kept reports still depend on what their run read');
  texts.set('file:///project/Dockerfile', 'FROM alpine:3.22\nUSER app\n');
  workspace.changedOnDisk('file:///project/Dockerfile');
  assert.deepEqual(
    linter.lint(URI)!.findings.map((finding) => finding.message),
    ['app'],
  );
  assert.equal(runs, 6);
});

test('a document-scoped rule that throws is reported at the document it failed on', () => {
  const rule = defineKubernetesRule({
    id: 'test/throws',
    meta: { severity: 'warning', description: 'A test rule.', aliases: [], messages: {}, scope: 'document' },
    check(context) {
      if (objectsHere(context)[0]?.kind === 'Service') throw new Error('boom');
    },
  });
  const { workspace } = workspaceWith(manifest(2));
  const [finding, ...others] = lint(workspace, rule);
  assert.deepEqual(others, []);
  assert.match(finding!.message, /Internal error in this rule: Error: boom/);
  assert.deepEqual(finding!.range.start, { line: 13, character: 0 });
});

test('a file added to the workspace runs document-scoped rules again: they may have looked for it', () => {
  const texts = new Map([[URI, manifest(2)]]);
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  workspace.index(URI);
  const rule = defineKubernetesRule({
    id: 'test/looks-for-skaffold',
    meta: { severity: 'warning', description: 'A test rule.', aliases: [], messages: { found: 'skaffold.yaml builds it' }, scope: 'document' },
    check(context) {
      const builds = context.workspace.uris().some((uri) => uri.endsWith('/skaffold.yaml'));
      for (const object of objectsHere(context)) if (builds && object.kind === 'Deployment') context.report({ messageId: 'found', range: object.anchorRange });
    },
  });
  assert.deepEqual(lint(workspace, rule), []);
  texts.set('file:///project/skaffold.yaml', 'apiVersion: skaffold/v4beta11\nkind: Config\n');
  workspace.index('file:///project/skaffold.yaml');
  assert.deepEqual(
    lint(workspace, rule).map((finding) => finding.message),
    ['skaffold.yaml builds it'],
  );
});

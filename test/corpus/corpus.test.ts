// Smoke test over the real-world corpus (../shared/corpus, see its README): one CLI run over every file must
// not crash, must report every container file, and must only report ranges inside the documents.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { test } from 'node:test';
import { isMap, parseAllDocuments } from 'yaml';
import { isToolConfig } from '../../server/src/parsing/kubernetesFiles';
import { lintJson, tempFolder } from '../helpers/cli';
import { corpus, corpusFiles } from '../helpers/corpus';

/** The corpus names files `<owner>_<repo>/<path with _>` by kind folder; these names make the CLI detect that kind. */
const detectableName: Record<string, (name: string) => string> = {
  dockerfile: (name) => `${name}.Dockerfile`,
  compose: (name) => `compose.${name}.yaml`,
  // The prefix keeps a name like `compose-…` from matching the compose pattern.
  k8s: (name) => `k8s.${name}.yaml`,
};
const reportedKind: Record<string, string> = { dockerfile: 'dockerfile', compose: 'compose', k8s: 'kubernetes' };

/**
 * Whether some YAML document of the text has top-level apiVersion and kind, which makes it a manifest, unless they
 * name a tool's configuration (a kustomization, a kind cluster: server/src/parsing/kubernetesFiles.ts).
 */
function holdsAnObject(text: string): boolean {
  return parseAllDocuments(text).some(({ contents }) => {
    if (!isMap(contents) || !contents.has('apiVersion') || !contents.has('kind')) return false;
    const [apiVersion, kind] = [contents.get('apiVersion'), contents.get('kind')];
    return typeof apiVersion !== 'string' || typeof kind !== 'string' || !isToolConfig(apiVersion, kind);
  });
}

/** LSP line breaks: \r\n, \n and \r. */
const lineLengths = (text: string) => text.split(/\r\n|\r|\n/).map((line) => line.length);

test('the CLI lints the whole real-world corpus in one run', (t) => {
  if (!existsSync(corpus)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  const folder = tempFolder();
  /** Copied path (relative to the temp folder) → corpus kind folder and the copy's text. */
  const copies = new Map<string, { kind: string; text: string }>();
  for (const kind of Object.keys(detectableName)) {
    for (const { path, text } of corpusFiles(join(corpus, kind))) {
      const [, repository = '', ...rest] = path.split(sep);
      const copy = join(kind, repository, detectableName[kind]!(rest.join('_')));
      mkdirSync(join(folder, kind, repository), { recursive: true });
      copyFileSync(join(corpus, path), join(folder, copy));
      copies.set(copy, { kind, text });
    }
  }

  const started = performance.now();
  const report = lintJson(['.'], folder);
  const seconds = (performance.now() - started) / 1000;

  const copied = (kind: string) => [...copies.values()].filter((copy) => copy.kind === kind);
  const reported = (kind: string) => report.files.filter((file) => file.kind === reportedKind[kind]);
  // Every reported file is a copy, reported with the kind of its corpus folder.
  for (const file of report.files) assert.equal(reportedKind[copies.get(file.path)?.kind ?? ''], file.kind, file.path);
  assert.equal(reported('dockerfile').length, copied('dockerfile').length);
  assert.equal(reported('compose').length, copied('compose').length);
  // Some Kubernetes test inputs are deliberately broken, so only files that hold a manifest are expected.
  assert.equal(reported('k8s').length, copied('k8s').filter((copy) => holdsAnObject(copy.text)).length);

  const perRule = new Map<string, number>();
  for (const file of report.files) {
    const lines = lineLengths(copies.get(file.path)!.text);
    for (const { rule, message, range } of file.diagnostics) {
      const where = `${file.path} ${rule} ${JSON.stringify(range)}`;
      assert.doesNotMatch(message, /^Internal error/, `${where}: ${message}`);
      const { start, end } = range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${where}: start after end`);
      for (const position of [start, end]) {
        assert.ok(position.line >= 0 && position.line < lines.length, `${where}: line outside the document`);
        assert.ok(position.character >= 0 && position.character <= lines[position.line]!, `${where}: character outside the line`);
      }
      perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
    }
  }

  const total = [...perRule.values()].reduce((sum, count) => sum + count, 0);
  t.diagnostic(
    `files: ${Object.keys(reportedKind)
      .map((kind) => `${kind} ${reported(kind).length}/${copied(kind).length}`)
      .join(', ')}; diagnostics: ${total}; wall time ${seconds.toFixed(1)} s`,
  );
  for (const [rule, count] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) t.diagnostic(`  ${rule}: ${count}`);
});

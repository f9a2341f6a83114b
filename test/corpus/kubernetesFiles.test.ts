// How the Kubernetes corpus (../shared/corpus/k8s) is classified when each file sits at its path in its repository
// (SOURCES.tsv), so that names (kustomization.yaml) and chart folders count as they do in a checkout: manifests,
// tool configurations, templates. Templates and tool configurations give no finding at all.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintFile } from '../../server/src/engine/lint';
import type { ContainerFile } from '../../server/src/parsing/containerFile';
import { rules, rulesById } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { corpus, CORPUS_KINDS, corpusFiles, mutants } from '../helpers/corpus';

function classOf(file: ContainerFile): string {
  return file.kind === 'unknown' ? (file.notManifest ?? 'other') : file.kind;
}

test('the Kubernetes corpus at its repository paths: manifests, tool configurations and templates', (t) => {
  const sources = join(corpus, 'SOURCES.tsv');
  if (!existsSync(sources)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  const texts = new Map<string, string>();
  for (const line of readFileSync(sources, 'utf8').trim().split('\n').slice(1)) {
    const [kind, corpusPath = '', repository = '', path = ''] = line.split('\t');
    if (kind === 'k8s') texts.set(`file:///${repository}/${path}`, readFileSync(join(corpus, corpusPath), 'utf8'));
  }
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri);

  const byClass = new Map<string, string[]>();
  for (const uri of texts.keys()) {
    const file = workspace.get(uri);
    assert.ok(file, uri);
    const fileClass = classOf(file);
    byClass.set(fileClass, [...(byClass.get(fileClass) ?? []), uri]);
    if (fileClass !== 'kubernetes') assert.deepEqual(lintFile(file, workspace, { rules: {} }, rules), [], `${uri} is ${fileClass}: no finding`);
  }
  const uris = (fileClass: string) => byClass.get(fileClass) ?? [];
  t.diagnostic(`${texts.size} files: ${[...byClass].map(([fileClass, list]) => `${fileClass} ${list.length}`).join(', ')}`);

  // Every kustomization is a tool configuration, and so is every file of a local-cluster tool; Flux's objects are not.
  const kustomizations = [...texts.keys()].filter((uri) => uri.endsWith('/kustomization.yaml'));
  assert.ok(kustomizations.length >= 10);
  for (const uri of kustomizations) assert.ok(uris('tool-config').includes(uri), uri);
  assert.ok(uris('tool-config').includes('file:///prometheus-operator/kube-prometheus/tests/e2e/kind/config.yml'));
  assert.ok(uris('kubernetes').includes('file:///fluxcd/flux2-kustomize-helm-example/apps/staging/podinfo-values.yaml'), 'a HelmRelease');
  // The corpus holds no Go-template action, and no Chart.yaml beside its one chart template: nothing is a template.
  const templated = [...texts].filter(([, text]) => /\{\{[\s\S]*?\}\}/.test(text)).map(([uri]) => uri);
  assert.deepEqual(uris('template'), templated);
  assert.equal(uris('kubernetes').length + uris('tool-config').length + uris('template').length, texts.size, 'every corpus file is one of the three');
});

test('broken copies of the Kubernetes corpus: each broken document is reported, never with a cascade of findings', (t) => {
  const folder = join(corpus, 'k8s');
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  const kind = CORPUS_KINDS.find((candidate) => candidate.folder === 'k8s')!;
  const syntax = rulesById.get('k8s/syntax')!;
  let parserErrors = 0;
  let findings = 0;
  let brokenDocuments = 0;
  for (const mutant of mutants(kind, corpusFiles(folder), 300)) {
    const uri = 'file:///m/manifest.yaml';
    const workspace = new Workspace({ readFile: (candidate) => (candidate === uri ? mutant.text : undefined) });
    workspace.index(uri);
    const file = workspace.get(uri);
    if (file?.kind !== 'kubernetes') continue;
    const reported = lintFile(file, workspace, { rules: {} }, [syntax]).filter((finding) => finding.severity === 'error');
    for (const document of file.yaml.documents) {
      if (document.parsed.errors.length === 0) continue;
      brokenDocuments++;
      parserErrors += document.parsed.errors.length;
      const { start, end } = document.rangeOfOffsets(0, document.text.length);
      const inDocument = reported.filter((finding) => finding.range.start.line >= start.line && finding.range.start.line <= end.line).length;
      findings += inDocument;
      // A mutant has at most eight edits, so at most eight real problems per document.
      assert.ok(inDocument >= 1 && inDocument <= 8, `${mutant.label}: ${inDocument} syntax findings in a broken document`);
    }
  }
  t.diagnostic(`${brokenDocuments} broken documents: ${parserErrors} parser errors reported as ${findings} findings`);
});

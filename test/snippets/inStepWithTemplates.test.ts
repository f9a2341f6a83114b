// The snippets are static JSON written from the scaffold templates; this keeps them in step: when the image table or a
// template changes (a new pinned tag, another uid, a different probe), the snippet that copies it fails here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { defaultEntry, defaultPort } from '../../server/src/scaffold/defaults';
import { renderCompose } from '../../server/src/scaffold/templates/compose';
import { renderDockerfile } from '../../server/src/scaffold/templates/dockerfile';
import { renderKubernetes } from '../../server/src/scaffold/templates/kubernetes';
import { BACKING_SERVICE_SPECS } from '../../server/src/scaffold/templates/services';
import type { BackingService, ScaffoldOptions, StackFacts } from '../../server/src/scaffold/types';
import { expand, snippetByPrefix } from './snippetFiles';

const DOCKERFILE_STACKS: Readonly<Record<string, Omit<StackFacts, 'name'>>> = {
  'multistage-node': { stack: 'node', packageManager: 'npm' },
  'multistage-node-build': { stack: 'node', packageManager: 'npm', hasBuildScript: true },
  'multistage-python': { stack: 'python', packageManager: 'pip' },
  'multistage-go': { stack: 'go', packageManager: 'go' },
  'multistage-java': { stack: 'java', packageManager: 'maven' },
  'multistage-java-gradle': { stack: 'java', packageManager: 'gradle' },
  'multistage-dotnet': { stack: 'dotnet', packageManager: 'dotnet' },
  'multistage-ruby': { stack: 'ruby', packageManager: 'bundler' },
  'multistage-static': { stack: 'static', packageManager: 'npm', hasBuildScript: true },
};

function options(facts: StackFacts, overrides: Partial<ScaffoldOptions> = {}): ScaffoldOptions {
  return { targets: ['compose', 'kubernetes'], services: [], ingress: false, port: defaultPort(facts), entry: defaultEntry(facts), ...overrides };
}

const instructions = (dockerfile: string) => dockerfile.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
const images = (dockerfile: string) => instructions(dockerfile).flatMap((line) => /^FROM (\S+)/.exec(line)?.[1] ?? []);
/** The final stage's instructions: what the image that runs is made of. */
const finalStage = (dockerfile: string) => {
  const all = instructions(dockerfile);
  const from = all.map((line) => line.startsWith('FROM ')).lastIndexOf(true);
  return all.slice(from);
};

test('each multi-stage Dockerfile snippet uses the template’s images, and its final stage is the template’s', () => {
  for (const [prefix, stack] of Object.entries(DOCKERFILE_STACKS)) {
    const facts: StackFacts = { name: 'my-app', ...stack };
    const template = renderDockerfile(facts, options(facts));
    const snippet = expand(snippetByPrefix('dockerfile', prefix)).text;
    for (const image of images(snippet)) assert.ok(images(template).includes(image), `${prefix}: ${image} is not among the template's ${images(template)}`);
    assert.deepEqual(finalStage(snippet), finalStage(template), prefix);
  }
});

test('the Compose database snippets are the template’s services', () => {
  for (const service of Object.keys(BACKING_SERVICE_SPECS) as BackingService[]) {
    const expanded = expand(snippetByPrefix('compose', `compose-${service}`)).text;
    const facts: StackFacts = { name: 'my-app', stack: 'go', packageManager: 'go' };
    const template = parseYaml(renderCompose(facts, options(facts, { services: [service] }))).services[service];
    assert.deepEqual(parseYaml(expanded)[service], template, service);
  }
});

test('the PostgreSQL service of the compose-file snippet is the template’s', () => {
  const facts: StackFacts = { name: 'my-app', stack: 'go', packageManager: 'go' };
  const template = parseYaml(renderCompose(facts, options(facts, { services: ['postgres'] })));
  const snippet = parseYaml(expand(snippetByPrefix('compose', 'compose-file')).text);
  assert.deepEqual(snippet.services.postgres, template.services.postgres);
  assert.deepEqual(snippet.services.app.deploy, template.services.app.deploy);
});

test('the Kubernetes snippets are the template’s manifests (the Ingress adds a class and TLS)', () => {
  // The template for a stack without a non-root user of its own: uid 10001, as the snippets default to.
  const facts: StackFacts = { name: 'my-app', stack: 'python', packageManager: 'pip' };
  const manifests = Object.fromEntries(renderKubernetes(facts, options(facts, { port: 8080, ingress: true })).map((file) => [file.path, parseYaml(file.text)]));
  const snippet = (prefix: string) => parseYaml(expand(snippetByPrefix('kubernetes', prefix)).text);
  assert.deepEqual(snippet('k8s-deployment'), manifests['k8s/deployment.yaml']);
  assert.deepEqual(snippet('k8s-service'), manifests['k8s/service.yaml']);
  assert.deepEqual(snippet('k8s-hpa'), manifests['k8s/hpa.yaml']);
  assert.deepEqual(snippet('k8s-pdb'), manifests['k8s/pdb.yaml']);
  const ingress = snippet('k8s-ingress');
  assert.deepEqual(ingress.spec.rules[0].http, manifests['k8s/ingress.yaml'].spec.rules[0].http);
  const app = parseAllDocuments(expand(snippetByPrefix('kubernetes', 'k8s-app')).text).map((document) => document.toJS());
  assert.deepEqual(app, [manifests['k8s/deployment.yaml'], manifests['k8s/service.yaml']]);
});

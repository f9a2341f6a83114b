import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';

test('kind detection by name, language id and content', () => {
  const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
  const composeContent = 'services:\n  app:\n    image: nginx:1.27\n';
  const cases: [string, string, string | undefined, boolean, string][] = [
    ['file:///p/Dockerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/Dockerfile.dev', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/api.Dockerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['file:///p/Containerfile', 'FROM a\n', undefined, false, 'dockerfile'],
    ['untitled:Untitled-1', 'FROM a\n', 'dockerfile', false, 'dockerfile'],
    ['file:///p/docker-compose.yml', composeContent, undefined, false, 'compose'],
    ['file:///p/compose.override.yaml', composeContent, undefined, false, 'compose'],
    ['file:///p/stack.yml', composeContent, 'dockercompose', false, 'compose'],
    ['file:///p/stack.yml', composeContent, undefined, true, 'compose'],
    ['file:///p/stack.yml', composeContent, undefined, false, 'unknown'],
    ['file:///p/deploy.yaml', manifest, undefined, false, 'kubernetes'],
    ['file:///p/all.yml', `# list\n---\n${manifest}---\n${manifest}`, undefined, false, 'kubernetes'],
    ['file:///p/.github/workflows/ci.yml', 'on: push\njobs: {}\n', undefined, true, 'unknown'],
    ['file:///p/readme.md', '# hi\n', undefined, true, 'unknown'],
  ];
  for (const [uri, text, languageId, composeByContent, kind] of cases) {
    assert.equal(parseContainerFile(uri, text, { languageId, composeByContent }).kind, kind, `${uri} ${languageId ?? ''}`);
  }
});

test('a Kubernetes file keeps only the documents that are objects', () => {
  const file = parseContainerFile('file:///p/x.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\njust: data\n---\napiVersion: v1\nkind: Pod\n');
  assert.equal(file.kind, 'kubernetes');
  if (file.kind !== 'kubernetes') return;
  assert.deepEqual(
    file.objects.map((object) => [object.kind, object.name]),
    [
      ['Service', 's'],
      ['Pod', undefined],
    ],
  );
});

/** How a YAML file is classified: its kind, and for files not checked as manifests, why. */
function classified(uri: string, text: string, options: Parameters<typeof parseContainerFile>[2] = {}): string {
  const file = parseContainerFile(uri, text, options);
  return file.kind === 'unknown' && file.notManifest ? `unknown/${file.notManifest}` : file.kind;
}

test('templates are never manifests: by name, language id, Helm chart, or actions in the YAML', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
  const cases: [string, string, Parameters<typeof parseContainerFile>[2], string][] = [
    ['file:///c/templates/_helpers.tpl', '{{- define "app.name" -}}\n{{ .Chart.Name }}\n{{- end }}\n', { languageId: 'yaml' }, 'unknown/template'],
    ['file:///c/deploy.yaml.tmpl', pod, { languageId: 'yaml' }, 'unknown/template'],
    ['file:///c/templates/pod.yaml', pod, { languageId: 'helm' }, 'unknown/template'],
    ['file:///c/templates/pod.yaml', pod, { languageId: 'helm-template' }, 'unknown/template'],
    ['file:///c/templates/pod.yaml', pod, { inHelmChart: true }, 'unknown/template'],
    ['file:///c/templates/compose.yaml', 'services: {}\n', { inHelmChart: true }, 'unknown/template'],
    ['file:///c/templates/pod.yaml', pod, {}, 'kubernetes'],
    // A value that parses (as a flow mapping) but is not what Kubernetes will get.
    ['file:///p/pod.yaml', `${pod}spec:\n  replicas: {{ .Values.replicas }}\n`, {}, 'unknown/template'],
    ['file:///p/pod.yaml', `${pod}  labels:\n    app: "{{ .Release.Name }}"\n`, {}, 'unknown/template'],
    ['file:///p/pod.yaml', `{{- if .Values.enabled }}\n${pod}{{- end }}\n`, {}, 'unknown/template'],
    ['file:///p/pod.yaml', `{% if enabled %}\n${pod}{% endif %}\n`, {}, 'unknown/template'],
    ['file:///p/pod.yaml', `${pod}  annotations:\n    summary: Pod {{ $labels.pod }} is down\n`, {}, 'unknown/template'],
    // Actions in comments and block scalars leave the YAML as written.
    ['file:///p/pod.yaml', `# rendered by {{ .Tool }} once\n${pod}`, {}, 'kubernetes'],
    [
      'file:///p/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: am\ndata:\n  slack.tmpl: |\n    {{ .CommonLabels.alertname }}\n',
      {},
      'kubernetes',
    ],
    // Compose keeps Go templates of its own (swarm placeholders).
    ['file:///p/compose.yaml', 'services:\n  web:\n    hostname: "{{.Node.Hostname}}"\n', {}, 'compose'],
    ['file:///p/stack.yml', 'services:\n  web:\n    hostname: "{{.Node.Hostname}}"\n', { composeByContent: true }, 'compose'],
  ];
  for (const [uri, text, options, expected] of cases) assert.equal(classified(uri, text, options), expected, `${uri} ${JSON.stringify(options)}\n${text}`);
});

test('tool configurations are not manifests: by name, and by API group per document', () => {
  const cases: [string, string, string][] = [
    ['file:///c/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'unknown/tool-config'],
    ['file:///c/values.yaml', 'image:\n  tag: latest\n', 'unknown/tool-config'],
    ['file:///c/values-production.yaml', 'apiVersion: v1\nkind: Pod\n', 'unknown/tool-config'],
    ['file:///k/kustomization.yaml', 'resources: [a.yaml]\n', 'unknown/tool-config'],
    ['file:///k/skaffold.yaml', 'apiVersion: skaffold/v4beta11\nkind: Config\n', 'unknown/tool-config'],
    ['file:///k/helmfile.yaml', 'releases: []\n', 'unknown/tool-config'],
    ['file:///k/.container-standards.yaml', 'rules: {}\n', 'unknown/tool-config'],
    ['file:///k/base.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n', 'unknown/tool-config'],
    ['file:///k/component.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n', 'unknown/tool-config'],
    ['file:///k/build.yaml', 'apiVersion: skaffold/v2beta29\nkind: Config\n', 'unknown/tool-config'],
    ['file:///k/kind-config.yaml', 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: []\n', 'unknown/tool-config'],
    ['file:///k/k3d.yaml', 'apiVersion: k3d.io/v1alpha5\nkind: Simple\n', 'unknown/tool-config'],
    [
      'file:///k/kubeadm.yaml',
      'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n',
      'unknown/tool-config',
    ],
    ['file:///k/config.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\n', 'unknown/tool-config'],
    ['file:///k/audit.yaml', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n', 'unknown/tool-config'],
    ['file:///k/labels.yaml', 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: labels\n', 'unknown/tool-config'],
    // Flux's Kustomization and HelmRelease are objects of the cluster, also in a file named like a values file.
    ['file:///f/apps.yaml', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n', 'kubernetes'],
    ['file:///f/podinfo-values.yaml', 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n', 'kubernetes'],
    [
      'file:///k/mixed.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
      'kubernetes',
    ],
  ];
  for (const [uri, text, expected] of cases) assert.equal(classified(uri, text), expected, uri);
  const mixed = parseContainerFile('file:///k/mixed.yaml', cases.at(-1)![1]);
  assert.ok(mixed.kind === 'kubernetes');
  assert.deepEqual([mixed.objects.map((object) => object.kind), mixed.notObjects.length], [['Namespace'], 0]);
});

test('the kubernetes.files and kubernetes.exclude settings, as the workspace passes them', () => {
  const plain = 'metadata:\n  name: web\nspec: {}\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
  assert.equal(classified('file:///d/patch.yaml', plain, { kubernetesSetting: 'included' }), 'kubernetes');
  assert.equal(classified('file:///d/patch.yaml', plain), 'unknown');
  assert.equal(classified('file:///d/empty.yaml', '', { kubernetesSetting: 'included' }), 'kubernetes');
  assert.equal(classified('file:///d/pod.yaml', pod, { kubernetesSetting: 'excluded' }), 'unknown/excluded');
  // Settings never make a template or a tool configuration a manifest, nor take a compose file away.
  assert.equal(classified('file:///d/values.yaml', plain, { kubernetesSetting: 'included' }), 'unknown/tool-config');
  assert.equal(classified('file:///d/pod.yaml', `${pod}  namespace: {{ .Release.Namespace }}\n`, { kubernetesSetting: 'included' }), 'unknown/template');
  assert.equal(classified('file:///d/compose.yaml', 'services: {}\n', { kubernetesSetting: 'excluded' }), 'compose');
  const file = parseContainerFile('file:///d/patch.yaml', `${pod}---\n${plain}---\n`, { kubernetesSetting: 'included' });
  assert.ok(file.kind === 'kubernetes');
  assert.deepEqual([file.objects.length, file.notObjects.map((document) => document.offset)], [1, [pod.length]]);
});

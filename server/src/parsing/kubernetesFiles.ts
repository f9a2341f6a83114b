// Which YAML files and documents are Kubernetes manifests. Templates (Helm charts, Go-template or Jinja actions) are
// not YAML until a tool renders them, and tool configurations that borrow `apiVersion`/`kind` (kustomize, skaffold,
// kind, kubeadm, kubeconfig, …) are never sent to a cluster: neither is checked as a manifest.
import { isCollection, isScalar, visit } from 'yaml';
import { baseName } from './documentKind';
import type { YamlDocument, YamlFile } from './yaml';

/** Why a YAML file is not checked as a manifest: rendered by a tool first, read by a tool, or excluded by the settings. */
export type NotManifest = 'template' | 'tool-config' | 'excluded';

/** Language ids the editor gives Helm and Go-template files (the Kubernetes and Helm extensions). */
const TEMPLATE_LANGUAGE_IDS = new Set(['helm', 'helm-template', 'gotmpl']);
/** Helm partials (`_helpers.tpl`), `*.yaml.tmpl`, helmfile's `*.gotmpl`, Ansible's and Jinja's `*.j2`. */
const TEMPLATE_NAME = /\.(?:tpl|tmpl|gotmpl|j2|jinja2?)$/i;

/** A file the editor or its name says is a template, whatever it holds. */
export function isTemplateByName(pathOrUri: string, languageId?: string): boolean {
  return (languageId !== undefined && TEMPLATE_LANGUAGE_IDS.has(languageId)) || TEMPLATE_NAME.test(baseName(pathOrUri));
}

/**
 * The folders that would be the Helm chart of a file if they held a `Chart.yaml`: the parent of each `templates`
 * folder above it, nearest first (a file anywhere under `templates/`, also a subchart's under `charts/`).
 */
export function chartFolderCandidates(uri: string): string[] {
  const segments = uri.split('/');
  const candidates: string[] = [];
  for (let index = segments.length - 2; index > 0; index--) {
    if (segments[index] === 'templates') candidates.push(segments.slice(0, index).join('/'));
  }
  return candidates;
}

export const CHART_FILE_NAME = 'Chart.yaml';

/**
 * Tool configurations known by name: Helm's `Chart.yaml` and values files, kustomize's kustomization, skaffold,
 * helmfile, and this project's own config. Such a file is never a manifest, whatever the settings say.
 */
const TOOL_CONFIG_NAMES = [
  /^chart\.ya?ml$/i,
  /^values(?:[-_.].*)?\.ya?ml$/i,
  /^kustomization(?:\.ya?ml)?$/i,
  /^skaffold(?:[-_.].*)?\.ya?ml$/i,
  /^helmfile(?:[-_.].*)?\.ya?ml$/i,
  /^\.container-standards\.ya?ml$/i,
];

export function isToolConfigName(pathOrUri: string): boolean {
  const name = baseName(pathOrUri);
  return TOOL_CONFIG_NAMES.some((pattern) => pattern.test(name));
}

/**
 * API groups of tool configurations that carry `apiVersion` and `kind` without being objects of a cluster's API:
 * component configurations (`*.config.k8s.io`: kubelet, kube-proxy, scheduler, apiserver, kustomize's
 * Kustomization and Component), kubeadm, audit policies, exec credentials, kustomize's built-in plugin configs,
 * skaffold (`skaffold/v4beta11`), local-cluster tools (kind, k3d, ctlptl, eksctl, k0sctl), kpt, score and
 * Backstage's catalog. Flux's `kustomize.toolkit.fluxcd.io` Kustomization and `helm.toolkit.fluxcd.io` HelmRelease are
 * real cluster objects and stay manifests.
 */
const TOOL_CONFIG_GROUPS = new Set([
  'kubeadm.k8s.io',
  'audit.k8s.io',
  'client.authentication.k8s.io',
  'apiserver.k8s.io',
  'eventratelimit.admission.k8s.io',
  'builtin',
  'skaffold',
  'kind.x-k8s.io',
  'k3d.io',
  'ctlptl.dev',
  'eksctl.io',
  'k0sctl.k0sproject.io',
  'kpt.dev',
  'config.kubernetes.io',
  'score.dev',
  'backstage.io',
]);

/** Whether a document's apiVersion and kind name a tool's configuration rather than an object of the API. */
export function isToolConfig(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  // Without a slash: the core group (`v1`), where only a kubeconfig is a tool's, or kustomize's `builtin`.
  if (slash < 0) return (apiVersion === 'v1' && kind === 'Config') || apiVersion === 'builtin';
  const group = apiVersion.slice(0, slash);
  return TOOL_CONFIG_GROUPS.has(group) || group.endsWith('.config.k8s.io');
}

/** A Go-template (`{{ … }}`, Helm and gomplate) or Jinja (`{% … %}`) action, possibly over several lines. */
const TEMPLATE_ACTION = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Whether the text is a template: it has an action that a tool replaces before the YAML means anything, i.e. one
 * that breaks the YAML or stands in a key or value. Actions inside a comment or inside a block scalar (`|`, `>`:
 * an alerting or dashboard template carried in a ConfigMap) leave the structure as written and do not count.
 */
export function isTemplated(text: string, yaml: YamlFile): boolean {
  if (!text.includes('{{') && !text.includes('{%')) return false;
  const layouts = new Map<number, SegmentLayout>();
  for (const match of text.matchAll(TEMPLATE_ACTION)) {
    const segmentOffset = segmentAt(yaml, match.index);
    if (segmentOffset === undefined) continue;
    let layout = layouts.get(segmentOffset);
    if (!layout) {
      layout = layoutOf(yaml.documents.filter((document) => document.offset === segmentOffset));
      layouts.set(segmentOffset, layout);
    }
    const offset = match.index - segmentOffset;
    if (layout.broken || layout.structure.some(([start, end]) => start <= offset && offset < end)) return true;
  }
  return false;
}

/** The offset of the segment (the text between `---` lines) that holds an offset of the file. */
function segmentAt(yaml: YamlFile, offset: number): number | undefined {
  let found: number | undefined;
  for (const document of yaml.documents) if (document.offset <= offset) found = document.offset;
  return found;
}

interface SegmentLayout {
  broken: boolean;
  /**
   * Scalars other than block scalars, and flow collections: where an action would be read as a key or value. (An
   * action that is in none of these is in a comment or a block scalar.)
   */
  structure: [number, number][];
}

/** The documents of one segment, whose nodes' offsets are relative to it. */
function layoutOf(documents: readonly YamlDocument[]): SegmentLayout {
  const layout: SegmentLayout = { broken: documents.some((document) => document.parsed.errors.length > 0), structure: [] };
  if (layout.broken) return layout;
  for (const document of documents) {
    visit(document.parsed, (_key, node) => {
      const isBlockScalar = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
      if ((isScalar(node) && !isBlockScalar) || (isCollection(node) && node.flow)) {
        if (node.range) layout.structure.push([node.range[0], node.range[1]]);
      }
    });
  }
  return layout;
}

import { CompletionItemKind, TextEdit, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { retiredApi } from '../schema/kubernetesApiVersions';
import { knownKubernetesKinds, kubernetesSchemaAt } from '../schema/kubernetesSchema';
import { completionItem, orderKey } from './completionItems';
import type { KubernetesCompletionContext } from './kubernetesCompletion';
import { groupOf, inFile, preferredFirst, versionsOfKind } from './kubernetesDocumentAt';

/** The kinds most manifests are made of, offered first; the others follow in alphabetical order. */
const COMMON_KINDS = [
  'Deployment',
  'Service',
  'ConfigMap',
  'Secret',
  'Ingress',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Namespace',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
];

interface KindChoice {
  kind: string;
  /** The apiVersion the choice writes: the document's own when it has the kind, else the group's preferred one. */
  apiVersion: string;
}

/**
 * Every kind the schema knows, once per API group that defines it (`Service` of the core group and of Knative), in
 * the version to write: the document's own apiVersion when it defines the kind, else the group's stable one.
 * Lists (`DeploymentList`) are what the API returns, not what manifests hold; versions the API server no longer
 * serves (or warns about) are left out unless the document already has one.
 */
function kindChoices(currentApiVersion: string | undefined): KindChoice[] {
  const kinds = [...new Set(knownKubernetesKinds().map(({ kind }) => kind))].filter((kind) => !kind.endsWith('List'));
  const choices = kinds.flatMap((kind) => {
    const byGroup = new Map<string, string>();
    for (const apiVersion of versionsOfKind(kind)) {
      if (retiredApi(apiVersion, kind) && apiVersion !== currentApiVersion) continue;
      const group = groupOf(apiVersion);
      if (!byGroup.has(group) || apiVersion === currentApiVersion) byGroup.set(group, apiVersion);
    }
    return [...byGroup.values()].map((apiVersion) => ({ kind, apiVersion }));
  });
  const rank = (kind: string) => (COMMON_KINDS.includes(kind) ? COMMON_KINDS.indexOf(kind) : COMMON_KINDS.length);
  return choices.sort(
    (one, other) => rank(one.kind) - rank(other.kind) || one.kind.localeCompare(other.kind) || preferredFirst(one.apiVersion, other.apiVersion),
  );
}

const descriptions = new Map<string, string | undefined>();

function kindDescription({ apiVersion, kind }: KindChoice): string | undefined {
  const key = `${apiVersion} ${kind}`;
  if (!descriptions.has(key)) descriptions.set(key, kubernetesSchemaAt(apiVersion, kind, [])?.description);
  return descriptions.get(key);
}

/** The value of `kind:`: each kind, and the apiVersion line filled in or corrected to one that defines it. */
export function kindItems(context: KubernetesCompletionContext, range: Range): CompletionItem[] {
  return kindChoices(context.at.apiVersion).map((choice, index) => ({
    ...completionItem({
      label: choice.kind,
      kind: CompletionItemKind.Class,
      newText: choice.kind,
      range,
      detail: choice.apiVersion,
      documentation: kindDescription(choice),
      sortText: orderKey(index),
    }),
    ...apiVersionEdits(context, choice.apiVersion),
  }));
}

/** At the top of a document that has no kind yet: each kind with its apiVersion, written as both lines. */
export function objectStartItems(context: KubernetesCompletionContext): CompletionItem[] {
  const { cursor, at } = context;
  const hasApiVersion = cursor.presentKeys.has('apiVersion') || at.apiVersion !== undefined;
  return kindChoices(at.apiVersion).map((choice, index) => ({
    ...completionItem({
      label: choice.kind,
      kind: CompletionItemKind.Class,
      newText: hasApiVersion ? `kind: ${choice.kind}` : `apiVersion: ${choice.apiVersion}${lineBreak(at.text)}kind: ${choice.kind}`,
      range: cursor.range,
      detail: choice.apiVersion,
      documentation: kindDescription(choice),
      sortText: orderKey(index, '2'),
    }),
    ...(hasApiVersion ? apiVersionEdits(context, choice.apiVersion) : {}),
  }));
}

/**
 * The value of `apiVersion:`: the versions that define the document's kind, best first; for a kind the schema does
 * not know (a custom resource, or none yet), every version it knows.
 */
export function apiVersionItems(context: KubernetesCompletionContext, range: Range): CompletionItem[] {
  const { kind } = context.at;
  const versions = kind ? versionsOfKind(kind) : [];
  if (kind && versions.length > 0) {
    // Retired versions are shown last, marked, with what replaces them: a file may target an old cluster.
    const retired = (apiVersion: string) => retiredApi(apiVersion, kind);
    return [...versions.filter((apiVersion) => !retired(apiVersion)), ...versions.filter(retired)].map((apiVersion, index) => {
      const gone = retired(apiVersion);
      return completionItem({
        label: apiVersion,
        kind: CompletionItemKind.Module,
        newText: apiVersion,
        range,
        detail: gone ? `${kind}: removed in Kubernetes 1.${gone.removed}${gone.replacement ? `, use ${gone.replacement}` : ''}` : kind,
        deprecated: gone !== undefined,
        sortText: orderKey(index),
      });
    });
  }
  const all = [...new Set(knownKubernetesKinds().map(({ apiVersion }) => apiVersion))].sort(preferredFirst);
  return all.map((apiVersion, index) =>
    completionItem({ label: apiVersion, kind: CompletionItemKind.Module, newText: apiVersion, range, sortText: orderKey(index) }),
  );
}

/**
 * The edit that makes the document's apiVersion `apiVersion`: its value replaced, or the line added above the kind's
 * when there is none. Nothing in a flow mapping (`{kind: …}`), whose apiVersion is on the same line.
 */
function apiVersionEdits({ at, cursor }: KubernetesCompletionContext, apiVersion: string): Pick<CompletionItem, 'additionalTextEdits'> {
  if (cursor.flow || cursor.path.length > 1) return {};
  const lines = at.text.split(/\r?\n/);
  const line = lines.findIndex((text) => text.startsWith('apiVersion:'));
  if (line < 0) {
    const kindLine = cursor.range.start.line;
    const insertAt = { line: kindLine, character: 0 };
    return { additionalTextEdits: [TextEdit.insert(insertAt, `apiVersion: ${apiVersion}${lineBreak(at.text)}`)] };
  }
  const text = lines[line] ?? '';
  const written = text.slice('apiVersion:'.length).replace(/(^|\s)#.*$/, '');
  if (written.trim().replace(/^(["'])(.*)\1$/, '$2') === apiVersion) return {};
  const start = 'apiVersion:'.length;
  const range = inFile(at, { start: { line, character: start }, end: { line, character: start + written.trimEnd().length } });
  return { additionalTextEdits: [TextEdit.replace(range, ` ${apiVersion}`)] };
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix, RuleContext } from '../../engine/ruleTypes';
import type { KubernetesFile } from '../../parsing/containerFile';
import type { ContainerView, EnvVar, KubernetesObject } from '../../parsing/kubernetes';
import { scalarText } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { dirnameUri, joinUri } from '../../workspace/uri';
import { insertTree } from './yamlTree';

/** The file beside the manifest that the "create the Secret" fix writes to (or adds to, when it exists). */
const SECRET_FILE_NAME = 'secret.yaml';

/** Where a literal secret env value goes: a Secret named after the workload, under the variable's name. */
export interface SecretTarget {
  name: string;
  namespace?: string;
  key: string;
}

/** `api` → `api-secrets`; names are DNS subdomains, so anything else becomes `-`. */
export function secretTargetOf(container: ContainerView, variable: string): SecretTarget {
  const owner = container.workload.object.name || container.name || 'app';
  const name = `${
    owner
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'app'
  }-secrets`;
  // Secret keys are `[-._a-zA-Z0-9]+`; an env name usually is one already, and then `envFrom` could read it too.
  const key = variable.replace(/[^-._a-zA-Z0-9]+/g, '_');
  return { name, namespace: container.workload.object.namespace, key };
}

/**
 * The fixes of a literal secret env value, each unsafe since where a secret lives is a human choice: take it from
 * the Secret and add the Secret (with the value it had) to `secret.yaml` beside the manifest — a file that can be
 * kept out of Git or encrypted —, or to this file; or only take it from the Secret (one an operator or an external
 * secret manager creates). A Secret of that name already in the target file gets the key added.
 */
export function secretFixes(context: RuleContext<KubernetesFile>, env: EnvVar & { value: YamlView }, target: SecretTarget): Fix[] {
  const rewrite = valueFromEdit(env, target);
  const secretValue = env.value.string;
  if (!rewrite || secretValue === undefined) return [];
  const title = `Take ${env.name} from Secret "${target.name}" (key ${target.key})`;
  const besideUri = joinUri(dirnameUri(context.file.uri), SECRET_FILE_NAME);
  const beside = besideUri === context.file.uri ? undefined : besideFileFix(context, besideUri, target, secretValue);
  const here = secretEdit(objectsOf(context.file), context.file.document.getText(), target, secretValue);
  // Where the Secret already has the key, taking the value from it is all there is to do.
  if (beside === 'hasKey' || here?.length === 0) return [{ title, edits: [rewrite], unsafe: true }];
  const fixes: Fix[] = [];
  if (beside)
    fixes.push({
      title: `${title} and ${beside.created ? 'create' : 'add it to'} ${SECRET_FILE_NAME} with its current value`,
      edits: [rewrite],
      ...beside.fix,
      unsafe: true,
    });
  if (here) fixes.push({ title: `${title} and add the Secret to this file with its current value`, edits: [rewrite, ...here], unsafe: true });
  fixes.push({ title, edits: [rewrite], unsafe: true });
  return fixes;
}

/** Replaces `value: …` with `valueFrom.secretKeyRef`, in the env entry's block or flow style. */
function valueFromEdit(env: EnvVar & { value: YamlView }, target: SecretTarget): TextEdit | undefined {
  const { value, view: entry } = env;
  const key = value.key;
  const node = value.node;
  if (!value.isEditable || !entry.isEditable || !key?.range || !node?.range) return undefined;
  const { text } = value.document;
  // A block scalar's range takes in its last line break, which must stay.
  let end = node.range[1];
  while (end > node.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const reference = { secretKeyRef: { name: scalarText(target.name), key: scalarText(target.key) } };
  let newText: string;
  if (entry.map?.flow) newText = `valueFrom: { secretKeyRef: { name: ${reference.secretKeyRef.name}, key: ${reference.secretKeyRef.key} } }`;
  else {
    const column = key.range[0] - (text.lastIndexOf('\n', key.range[0] - 1) + 1);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const pad = (depth: number) => ' '.repeat(column + depth);
    newText = ['valueFrom:', `${pad(2)}secretKeyRef:`, `${pad(4)}name: ${reference.secretKeyRef.name}`, `${pad(4)}key: ${reference.secretKeyRef.key}`].join(
      eol,
    );
  }
  return { range: value.document.rangeOfOffsets(key.range[0], end), newText };
}

function objectsOf(file: KubernetesFile): KubernetesObject[] {
  return file.objects.filter((object) => object.document.parsed.errors.length === 0);
}

/** The fix's part in `secret.yaml`: create it, or add the key (or a Secret document) to the one there. */
function besideFileFix(
  context: RuleContext<KubernetesFile>,
  uri: string,
  target: SecretTarget,
  value: string,
): { created: boolean; fix: Pick<Fix, 'createFiles' | 'editFiles'> } | 'hasKey' | undefined {
  const text = context.workspace.readText(uri);
  if (text === undefined) return { created: true, fix: { createFiles: [{ uri, text: secretDocument(target, value, '\n') }] } };
  const file = context.workspace.get(uri);
  const objects = file?.kind === 'kubernetes' ? objectsOf(file) : [];
  // A file that is not a manifest, or does not parse, is not ours to append to.
  if (text.trim() !== '' && objects.length === 0) return undefined;
  const edits = secretEdit(objects, text, target, value);
  if (!edits) return undefined;
  if (edits.length === 0) return 'hasKey';
  return { created: false, fix: { editFiles: [{ uri, edits }] } };
}

/**
 * The edits that give `text` a Secret with the key: none when it has the key already, a `stringData` entry when
 * the Secret is there, else a new document at the end. Undefined when the Secret there cannot be edited safely.
 */
function secretEdit(objects: readonly KubernetesObject[], text: string, target: SecretTarget, value: string): TextEdit[] | undefined {
  const secret = objects.find(
    (object) => object.kind === 'Secret' && object.group === '' && object.name === target.name && object.namespace === target.namespace,
  );
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!secret) {
    const end = endOf(text);
    const separator = text === '' ? '' : `${text.endsWith('\n') ? '' : eol}---${eol}`;
    return [{ range: { start: end, end }, newText: separator + secretDocument(target, value, eol) }];
  }
  if (secret.view.get('data')?.get(target.key) || secret.view.get('stringData')?.get(target.key)) return [];
  const stringData = secret.view.get('stringData');
  const edit = stringData
    ? stringData.isMap
      ? insertTree(stringData, scalarText(target.key), scalarText(value))
      : undefined
    : insertTree(secret.view, 'stringData', { [scalarText(target.key)]: scalarText(value) });
  return edit ? [edit] : undefined;
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 };
}

function secretDocument(target: SecretTarget, value: string, eol: string): string {
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${scalarText(target.name)}`,
    ...(target.namespace ? [`  namespace: ${scalarText(target.namespace)}`] : []),
    'type: Opaque',
    'stringData:',
    `  ${scalarText(target.key)}: ${scalarText(value)}`,
    '',
  ].join(eol);
}

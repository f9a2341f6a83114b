import type { Document } from 'yaml';
import { parseContainerFile, type ContainerFile } from '../parsing/containerFile';
import { isYamlName } from '../parsing/documentKind';
import { containersOf, kubernetesObjectOf, workloadOf, type KubernetesObject } from '../parsing/kubernetes';
import type { Workspace } from '../workspace/workspace';

/** A port a container declares. */
export interface DeclaredPort {
  readonly name?: string;
  readonly number?: number;
  readonly container: string;
}

/** What completions need to know of an object defined in the workspace. */
export interface DefinedObject {
  readonly uri: string;
  readonly kind: string;
  /** The API group: '' for the core group. */
  readonly group: string;
  readonly name: string;
  /** As written; unset means "the namespace it is applied to". */
  readonly namespace?: string;
  /** The keys of a ConfigMap's or Secret's data. */
  readonly dataKeys: readonly string[];
  /** A Service's ports. */
  readonly servicePorts: readonly { readonly name?: string; readonly port?: number }[];
  /** The labels of the pods a workload runs, and the ports their containers declare. */
  readonly podLabels?: ReadonlyMap<string, string>;
  readonly containerPorts: readonly DeclaredPort[];
}

/** The fields of a ConfigMap or a Secret whose keys are the keys a reference may select. */
const DATA_FIELDS: Readonly<Record<string, readonly string[]>> = { ConfigMap: ['data', 'binaryData'], Secret: ['data', 'stringData'] };

/** Documents keep their parse while their text is unchanged: their objects are read once per parse. */
const objectsOfParse = new WeakMap<Document.Parsed, { uri: string; objects: DefinedObject[] }>();
/** Closed files are parsed on the side, and only their objects kept, while their text is unchanged. */
const closedFiles = new WeakMap<Workspace, Map<string, { text: string; objects: DefinedObject[] }>>();

/**
 * The Kubernetes objects defined in the file and in the other files of the workspace, for completions of the names
 * that references take. Objects whose name is a template (`{{ .Release.Name }}`) name nothing yet and are left out.
 */
export function definedObjects(file: ContainerFile, workspace: Workspace | undefined): DefinedObject[] {
  const objects = objectsOfFile(file);
  if (!workspace) return objects;
  for (const uri of workspace.uris()) {
    if (uri === file.uri || !(isYamlName(uri) || workspace.isOpen(uri))) continue;
    objects.push(...(workspace.isOpen(uri) ? objectsOfOpenFile(workspace, uri) : objectsOfClosedFile(workspace, uri)));
  }
  return objects;
}

function objectsOfFile(file: ContainerFile): DefinedObject[] {
  if (!('yaml' in file) || !file.yaml) return [];
  return file.yaml.documents.flatMap((document) => {
    const cached = objectsOfParse.get(document.parsed);
    if (cached?.uri === file.uri) return cached.objects;
    const object = kubernetesObjectOf(document);
    const objects = object ? definedObject(file.uri, object) : [];
    objectsOfParse.set(document.parsed, { uri: file.uri, objects });
    return objects;
  });
}

function objectsOfOpenFile(workspace: Workspace, uri: string): DefinedObject[] {
  const file = workspace.get(uri);
  return file?.kind === 'kubernetes' ? objectsOfFile(file) : [];
}

function objectsOfClosedFile(workspace: Workspace, uri: string): DefinedObject[] {
  const text = workspace.readText(uri);
  if (text === undefined || !text.includes('apiVersion') || !text.includes('kind')) return [];
  let files = closedFiles.get(workspace);
  if (!files) {
    files = new Map();
    closedFiles.set(workspace, files);
  }
  const known = files.get(uri);
  if (known?.text === text) return known.objects;
  const file = parseContainerFile(uri, text);
  const objects = file.kind === 'kubernetes' ? objectsOfFile(file) : [];
  files.set(uri, { text, objects });
  return objects;
}

function definedObject(uri: string, object: KubernetesObject): DefinedObject[] {
  const { kind, group, name, namespace, view } = object;
  if (!name || name.includes('{{')) return [];
  const dataKeys = (DATA_FIELDS[kind] ?? []).flatMap(
    (field) =>
      view
        .get(field)
        ?.entries()
        .map(([key]) => key) ?? [],
  );
  const servicePorts =
    kind === 'Service' && group === ''
      ? (view.at('spec', 'ports')?.items() ?? []).map((port) => {
          const number = port.get('port')?.scalar;
          return { name: port.get('name')?.string, port: typeof number === 'number' ? number : undefined };
        })
      : [];
  const workload = workloadOf(object);
  const containerPorts = workload
    ? containersOf(workload).flatMap((container) => container.ports.map(({ name, number }) => ({ name, number, container: container.name })))
    : [];
  return [
    {
      uri,
      kind,
      group,
      name,
      ...(namespace ? { namespace } : {}),
      dataKeys,
      servicePorts,
      ...(workload ? { podLabels: workload.podLabels } : {}),
      containerPorts,
    },
  ];
}

/**
 * Whether two objects may share a namespace: one without `namespace` lands in whatever namespace it is applied to
 * (`kubectl -n`, a kustomization), so it may meet any other.
 */
export function namespacesMeet(one: string | undefined, other: string | undefined): boolean {
  return one === undefined || other === undefined || one === other;
}

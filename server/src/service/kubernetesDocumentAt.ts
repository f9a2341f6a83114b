import type { Position, Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { kubernetesObjectOf, type KubernetesObject } from '../parsing/kubernetes';
import type { YamlDocument } from '../parsing/yaml';
import { hasKubernetesSchema, knownKubernetesKinds, kubernetesSchemaAt, type KubernetesSchemaInfo } from '../schema/kubernetesSchema';

/**
 * The YAML document of a (multi-document) file that holds the cursor, as editor features read it: only its own text,
 * so that a completion in a manifest of thousands of lines looks at one object, and positions within that text.
 */
export interface DocumentAt {
  /** The document's text, from its `---` line (if any) to the next document. */
  readonly text: string;
  /** The line of the file the text starts at. */
  readonly firstLine: number;
  /** The cursor within `text`. */
  readonly position: Position;
  /** The parsed document, when the file has one there. */
  readonly document?: YamlDocument;
  /** The document as a Kubernetes object, when its parse has a string apiVersion and kind. */
  readonly object?: KubernetesObject;
  /** As written at the top level, even while the document does not parse. */
  readonly apiVersion?: string;
  readonly kind?: string;
}

export function documentAt(file: ContainerFile, position: Position): DocumentAt | undefined {
  if (!('yaml' in file) || !file.yaml) return undefined;
  const offset = file.document.offsetAt(position);
  let found: YamlDocument | undefined;
  for (const document of file.yaml.documents) {
    if (document.offset > offset) break;
    if (document.offset !== found?.offset) found = document;
  }
  const text = found?.text ?? file.document.getText();
  const firstLine = found ? file.document.positionAt(found.offset).line : 0;
  const object = found && kubernetesObjectOf(found);
  const apiVersion = object?.apiVersion ?? topLevelScalar(text, 'apiVersion');
  const kind = object?.kind ?? topLevelScalar(text, 'kind');
  return {
    text,
    firstLine,
    position: { line: position.line - firstLine, character: position.character },
    ...(found ? { document: found } : {}),
    ...(object ? { object } : {}),
    ...(apiVersion ? { apiVersion } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** A range within the document's text, as a range of the file. */
export function inFile(at: DocumentAt, range: Range): Range {
  return {
    start: { line: range.start.line + at.firstLine, character: range.start.character },
    end: { line: range.end.line + at.firstLine, character: range.end.character },
  };
}

/** `kind: Deployment` at the start of a line, quoted or not, with an optional comment after it. */
function topLevelScalar(text: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]+(?:"([^"]*)"|'([^']*)'|([^\\s#][^#\\r\\n]*?))[ \\t]*(?:#.*)?$`, 'm').exec(text);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value || undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Which schema describes the document.

/** The apiVersions that define each kind, best first (see `preferredFirst`). */
let versionsByKind: ReadonlyMap<string, readonly string[]> | undefined;

export function versionsOfKind(kind: string): readonly string[] {
  if (!versionsByKind) {
    const map = new Map<string, string[]>();
    for (const { apiVersion, kind: known } of knownKubernetesKinds()) map.set(known, [...(map.get(known) ?? []), apiVersion]);
    for (const versions of map.values()) versions.sort(preferredFirst);
    versionsByKind = map;
  }
  return versionsByKind.get(kind) ?? [];
}

/** The API group of an apiVersion: '' for the core group (`v1`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Orders apiVersions from the one to write today: the core group, then the others (`extensions`, whose kinds all
 * moved to other groups, last); within a group, stable before beta before alpha, the higher version first.
 */
export function preferredFirst(one: string, other: string): number {
  const rank = (apiVersion: string) => (apiVersion.includes('/') ? (groupOf(apiVersion) === 'extensions' ? 2 : 1) : 0);
  return rank(one) - rank(other) || groupOf(one).localeCompare(groupOf(other)) || stability(other) - stability(one);
}

/** `v2` > `v1` > `v2beta1` > `v1beta2` > `v1beta1` > `v1alpha1`: a stable version before any beta of a later one. */
function stability(apiVersion: string): number {
  const match = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!match) return 0;
  const stage = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return stage * 1_000_000 + Number(match[1]) * 1000 + Number(match[3] ?? 0);
}

/**
 * The apiVersion/kind whose schema describes the document: the one written; while the apiVersion is not written
 * yet, the kind's preferred one; while it names a version of the right group that lacks the kind, the group's
 * preferred one. Undefined for a kind the schema does not know, or one of another group (a custom resource
 * reusing a built-in kind's name): nothing is offered there rather than something wrong.
 */
export function schemaKindOf(apiVersion: string | undefined, kind: string | undefined): { apiVersion: string; kind: string } | undefined {
  if (!kind) return undefined;
  if (apiVersion && hasKubernetesSchema(apiVersion, kind)) return { apiVersion, kind };
  const versions = versionsOfKind(kind);
  const fitting = apiVersion === undefined ? versions : versions.filter((version) => groupOf(version) === groupOf(apiVersion));
  const [best] = fitting;
  return best ? { apiVersion: best, kind } : undefined;
}

/** The fields every object has, whatever its kind. */
const OBJECT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * What the schema says of a place of the document. An object of a kind the schema does not know (a custom resource)
 * still has the fields of every object: apiVersion, kind and metadata, described as for any other kind.
 */
export function schemaAt(at: Pick<DocumentAt, 'apiVersion' | 'kind'>, path: readonly (string | number)[]): KubernetesSchemaInfo | undefined {
  const target = schemaKindOf(at.apiVersion, at.kind);
  if (target) return kubernetesSchemaAt(target.apiVersion, target.kind, path);
  const [first] = path;
  if (first !== undefined && !OBJECT_FIELDS.has(String(first))) return undefined;
  const info = kubernetesSchemaAt('v1', 'Namespace', path);
  if (!info || path[0] === 'metadata') return info;
  if (path.length === 0) {
    const fields = (info.fields ?? []).filter((field) => OBJECT_FIELDS.has(field.name)).map(({ enum: _namespaceOnly, ...field }) => field);
    return { types: ['object'], fields, closed: false };
  }
  // apiVersion and kind: the Namespace's enum is its own.
  const { enum: _namespaceOnly, ...generic } = info;
  return generic;
}

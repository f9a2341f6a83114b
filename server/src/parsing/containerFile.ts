import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar } from 'yaml';
import { parseDockerfile, type DockerfileModel, type RecentParses } from './dockerfile';
import { isTaskDefinitionName, kindByName, mentionsContainerDefinitions } from './documentKind';
import { taskDefinitionOf, type TaskDefinition } from './ecsTaskDefinition';
import { kubernetesObjectOf, type KubernetesObject } from './kubernetes';
import { isTemplateByName, isTemplated, isToolConfig, isToolConfigName, type NotManifest } from './kubernetesFiles';
import { uncheckedReason, type Unchecked } from './sizeLimits';
import { pairOf, parseYamlFile, scalarValue, type YamlDocument, type YamlFile } from './yaml';

interface ParsedFileBase {
  uri: string;
  /** The text with line/offset conversion. */
  document: TextDocument;
  /** Too large to check: not parsed (its model is that of an empty file), and reported once as such. */
  unchecked?: Unchecked;
}

export interface DockerfileFile extends ParsedFileBase {
  kind: 'dockerfile';
  dockerfile: DockerfileModel;
}

export interface ComposeFile extends ParsedFileBase {
  kind: 'compose';
  yaml: YamlFile;
}

export interface KubernetesFile extends ParsedFileBase {
  kind: 'kubernetes';
  yaml: YamlFile;
  /** The documents that are Kubernetes objects. */
  objects: KubernetesObject[];
  /**
   * Documents with content that are not objects (no `apiVersion` or `kind`, or not names, or broken YAML) nor
   * tool configurations: kubectl rejects them.
   */
  notObjects: YamlDocument[];
}

/** A JSON file named `*task-definition*.json`, or whose top level has `containerDefinitions`. */
export interface EcsFile extends ParsedFileBase {
  kind: 'ecs';
  /** The JSON, parsed as YAML (JSON is YAML), so views and ranges work as for the other kinds. */
  yaml: YamlFile;
  /** Undefined when the file does not parse or holds no `containerDefinitions`. */
  taskDefinition?: TaskDefinition;
}

/** `render.yaml` holding a Blueprint (see parseRenderFile). */
export interface RenderFile extends ParsedFileBase {
  kind: 'render';
  yaml: YamlFile;
}

/** `railway.json`, parsed as YAML (JSON is YAML) so that ranges work as for the other kinds. */
export interface RailwayFile extends ParsedFileBase {
  kind: 'railway';
  yaml: YamlFile;
}

export interface UnknownFile extends ParsedFileBase {
  kind: 'unknown';
  yaml?: YamlFile;
  /** Why a YAML file that may look like a manifest is not checked as one. */
  notManifest?: NotManifest;
}

export type ContainerFile = DockerfileFile | ComposeFile | KubernetesFile | EcsFile | RenderFile | RailwayFile | UnknownFile;

export interface ParseOptions {
  languageId?: string;
  /** The parse of the previous version of the same file, whose unchanged YAML documents and Dockerfile pieces are reused. */
  previous?: ContainerFile;
  /** What other Dockerfiles parsed lately (see Workspace). */
  recentDockerfileParses?: RecentParses;
  /** Treat YAML with a top-level `services:` map as compose even when its name does not say so. */
  composeByContent?: boolean;
  /** The file lies under the `templates/` folder of a Helm chart (the workspace found the chart's Chart.yaml). */
  inHelmChart?: boolean;
  /** A kustomization names the file as a patch, replacement or plugin configuration: input of kustomize, not an object. */
  kustomizeInput?: boolean;
  /** What the `kubernetes.files` / `kubernetes.exclude` settings say of the file. */
  kubernetesSetting?: KubernetesSetting;
}

/** `included`: a Kubernetes file even without objects in it; `excluded`: never one. */
export type KubernetesSetting = 'included' | 'excluded';

export function parseContainerFile(uri: string, text: string, options: ParseOptions = {}): ContainerFile {
  const document = TextDocument.create(uri, options.languageId ?? '', 0, text);
  const byName = kindByName(uri, options.languageId);
  if (byName === 'dockerfile') {
    const unchecked = uncheckedReason(text, false);
    if (unchecked) return { kind: 'dockerfile', uri, document, dockerfile: parseDockerfile(''), unchecked };
    const previous = options.previous?.kind === 'dockerfile' ? options.previous.dockerfile : undefined;
    return { kind: 'dockerfile', uri, document, dockerfile: parseDockerfile(text, previous, options.recentDockerfileParses) };
  }
  // Checked before compose: a template is not YAML yet, whatever its name.
  if (options.inHelmChart || isTemplateByName(uri, options.languageId)) return { kind: 'unknown', uri, document, notManifest: 'template' };
  if (byName === 'unknown') return { kind: 'unknown', uri, document };
  const unchecked = uncheckedReason(text, true);
  if (unchecked) return uncheckedFile(uri, text, document, byName, options, unchecked);
  if (byName === 'json') return parseJsonFile(uri, text, document);
  const previousYaml = options.previous && 'yaml' in options.previous ? options.previous.yaml : undefined;
  if (byName === 'railway') return { kind: 'railway', uri, document, yaml: parseYamlFile(document, previousYaml) };
  const yaml = parseYamlFile(document, previousYaml);
  if (byName === 'compose') return { kind: 'compose', uri, document, yaml };
  if (byName === 'render' && isRenderBlueprint(text, yaml)) return { kind: 'render', uri, document, yaml };
  // Parsed all the same: what a kustomization generates is read from it.
  if (options.kustomizeInput || isToolConfigName(uri)) return { kind: 'unknown', uri, document, yaml, notManifest: 'tool-config' };
  const setting = options.kubernetesSetting;
  const roles = yaml.documents.map(roleOf);
  const hasObjects = roles.includes('object');
  if (!hasObjects && setting !== 'included' && options.composeByContent && isMap(pairOf(yaml.documents[0]?.root, 'services')?.value))
    return { kind: 'compose', uri, document, yaml };
  if (isTemplated(text, yaml)) return { kind: 'unknown', uri, document, yaml, notManifest: 'template' };
  const isKubernetes = setting === 'included' || (setting !== 'excluded' && hasObjects);
  if (!isKubernetes) {
    const notManifest = setting === 'excluded' ? 'excluded' : roles.includes('tool-config') ? 'tool-config' : undefined;
    return { kind: 'unknown', uri, document, yaml, ...(notManifest ? { notManifest } : {}) };
  }
  const objects: KubernetesObject[] = [];
  const notObjects: YamlDocument[] = [];
  yaml.documents.forEach((yamlDocument, index) => {
    const object = roles[index] === 'object' ? kubernetesObjectOf(yamlDocument) : undefined;
    if (object) objects.push(object);
    else if (roles[index] !== 'tool-config' && roles[index] !== 'empty') notObjects.push(yamlDocument);
  });
  return { kind: 'kubernetes', uri, document, yaml, objects, notObjects };
}

/**
 * A file too large to check is not parsed: its kind is told from its name and its top-level lines, and its model is
 * that of an empty file.
 */
function uncheckedFile(
  uri: string,
  text: string,
  document: TextDocument,
  byName: Exclude<ReturnType<typeof kindByName>, 'dockerfile' | 'unknown'>,
  options: ParseOptions,
  unchecked: Unchecked,
): ContainerFile {
  const base = { uri, document, unchecked, yaml: { documents: [] } };
  const topLevel = (keys: readonly string[]) => new RegExp(`^(?:${keys.join('|')})[ \\t]*:`, 'm').test(text);
  if (byName === 'json') return isTaskDefinitionName(uri) || mentionsContainerDefinitions(text) ? { kind: 'ecs', ...base } : { kind: 'unknown', uri, document };
  if (byName === 'railway') return { kind: 'railway', ...base };
  if (byName === 'compose') return { kind: 'compose', ...base };
  if (byName === 'render' && topLevel(BLUEPRINT_KEYS)) return { kind: 'render', ...base };
  if (options.kustomizeInput || isToolConfigName(uri)) return { kind: 'unknown', uri, document, notManifest: 'tool-config' };
  const setting = options.kubernetesSetting;
  if (setting === 'included' || (setting !== 'excluded' && topLevel(['apiVersion']) && topLevel(['kind'])))
    return { kind: 'kubernetes', ...base, objects: [], notObjects: [] };
  if (options.composeByContent && topLevel(['services'])) return { kind: 'compose', ...base };
  return { kind: 'unknown', uri, document };
}

/** Other JSON files (package.json, tsconfig.json…) are not container files and are not parsed. */
function parseJsonFile(uri: string, text: string, document: TextDocument): EcsFile | UnknownFile {
  const byName = isTaskDefinitionName(uri);
  if (!byName && !mentionsContainerDefinitions(text)) return { kind: 'unknown', uri, document };
  const yaml = parseYamlFile(document);
  const first = yaml.documents[0];
  const taskDefinition = first && yaml.documents.length === 1 ? taskDefinitionOf(first) : undefined;
  if (!byName && !taskDefinition) return { kind: 'unknown', uri, document };
  return { kind: 'ecs', uri, document, yaml, ...(taskDefinition ? { taskDefinition } : {}) };
}

/** The top-level keys of a Blueprint (https://render.com/docs/blueprint-spec): one of them makes a render.yaml one. */
const BLUEPRINT_KEYS = ['services', 'databases', 'envVarGroups', 'projects', 'ungrouped', 'previews'];

/**
 * A render.yaml is a Blueprint when its top level has a Blueprint key, or, broken, a line that starts with one (so that
 * its syntax errors are shown). Any other file of that name (a Kubernetes manifest, a template's values) is read as
 * the YAML file it is, rather than flooded with Blueprint findings.
 */
function isRenderBlueprint(text: string, yaml: YamlFile): boolean {
  const first = yaml.documents[0];
  if (yaml.documents.length !== 1 || !first) return false;
  if (first.parsed.errors.length > 0) return new RegExp(`^(?:${BLUEPRINT_KEYS.join('|')})[ \\t]*:`, 'm').test(text);
  return BLUEPRINT_KEYS.some((key) => pairOf(first.root, key) !== undefined);
}

type DocumentRole = 'object' | 'tool-config' | 'empty' | 'other';

/** Per document, kept with it while its text is unchanged (parseYamlFile): a long manifest is one edit away from the last. */
const roleOfDocument = new WeakMap<YamlDocument, DocumentRole>();

function roleOf(document: YamlDocument): DocumentRole {
  let role = roleOfDocument.get(document);
  if (!role) {
    role = documentRole(document);
    roleOfDocument.set(document, role);
  }
  return role;
}

/**
 * What a document of a YAML file that is not compose is: an object (it has `apiVersion` and `kind`, or is broken
 * YAML that has them at the top), a tool's configuration, nothing, or something else.
 */
function documentRole(document: YamlDocument): DocumentRole {
  const contents = document.parsed.contents;
  const broken = document.parsed.errors.length > 0;
  if (!broken && (contents === null || (isScalar(contents) && contents.value === null))) return 'empty';
  const root = document.root;
  if (pairOf(root, 'apiVersion') && pairOf(root, 'kind')) {
    const apiVersion = scalarValue(root, 'apiVersion');
    const kind = scalarValue(root, 'kind');
    return typeof apiVersion === 'string' && typeof kind === 'string' && isToolConfig(apiVersion, kind) ? 'tool-config' : 'object';
  }
  // Broken YAML may hide the mapping: a manifest is still known by its top-level lines, so its errors are shown.
  return broken && /^[ \t]*apiVersion[ \t]*:/m.test(document.text) && /^[ \t]*kind[ \t]*:/m.test(document.text) ? 'object' : 'other';
}

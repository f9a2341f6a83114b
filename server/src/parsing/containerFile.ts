import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap } from 'yaml';
import { parseDockerfile, type DockerfileModel } from './dockerfile';
import { kindByName, kindOfYamlContent, type FileKind, type TopLevelShape } from './documentKind';
import { kubernetesObjectOf, type KubernetesObject } from './kubernetes';
import { pairOf, parseYamlFile, type YamlDocument, type YamlFile } from './yaml';

interface ParsedFileBase {
  uri: string;
  /** The text with line/offset conversion. */
  document: TextDocument;
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
  /** The documents that are Kubernetes objects; other documents of the file are left alone. */
  objects: KubernetesObject[];
}

export interface UnknownFile extends ParsedFileBase {
  kind: 'unknown';
  yaml?: YamlFile;
}

export type ContainerFile = DockerfileFile | ComposeFile | KubernetesFile | UnknownFile;

export interface ParseOptions {
  languageId?: string;
  /** The parse of the previous version of the same file, whose unchanged YAML documents are reused. */
  previous?: ContainerFile;
  /** Treat YAML with a top-level `services:` map as compose even when its name does not say so. */
  composeByContent?: boolean;
}

export function parseContainerFile(uri: string, text: string, options: ParseOptions = {}): ContainerFile {
  const document = TextDocument.create(uri, options.languageId ?? '', 0, text);
  const byName = kindByName(uri, options.languageId);
  if (byName === 'dockerfile') return { kind: 'dockerfile', uri, document, dockerfile: parseDockerfile(text) };
  if (byName === 'unknown') return { kind: 'unknown', uri, document };
  const previousYaml = options.previous && 'yaml' in options.previous ? options.previous.yaml : undefined;
  const yaml = parseYamlFile(document, previousYaml);
  if (byName === 'compose') return { kind: 'compose', uri, document, yaml };
  const kind = yamlKind(yaml, options.composeByContent ?? false);
  if (kind === 'kubernetes') {
    const objects = yaml.documents.map(kubernetesObjectOf).filter((object) => object !== undefined);
    return { kind, uri, document, yaml, objects };
  }
  if (kind === 'compose') return { kind, uri, document, yaml };
  return { kind: 'unknown', uri, document, yaml };
}

function yamlKind(yaml: YamlFile, composeByContent: boolean): FileKind {
  const kind = kindOfYamlContent(yaml.documents.map(shapeOf));
  return kind === 'compose' && !composeByContent ? 'unknown' : kind;
}

/** Per document, kept with it while its text is unchanged (parseYamlFile): a long manifest is one edit away from the last. */
const shapeOfDocument = new WeakMap<YamlDocument, TopLevelShape>();

function shapeOf(document: YamlDocument): TopLevelShape {
  let shape = shapeOfDocument.get(document);
  if (!shape) {
    shape = {
      hasApiVersionAndKind: pairOf(document.root, 'apiVersion') !== undefined && pairOf(document.root, 'kind') !== undefined,
      hasServicesMap: isMap(pairOf(document.root, 'services')?.value),
    };
    shapeOfDocument.set(document, shape);
  }
  return shape;
}

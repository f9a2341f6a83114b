import type { Position, Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { retiredApi } from '../schema/kubernetesApiVersions';
import { kubernetesSchemaAt } from '../schema/kubernetesSchema';
import { documentAt, inFile, schemaAt, schemaKindOf, versionsOfKind, type DocumentAt } from './kubernetesDocumentAt';
import { schemaMarkdown, typeText } from './kubernetesSchemaText';
import { yamlKeyAt, type YamlPath } from './yamlCursor';

/** `kind: Deployment` with the cursor on its value. */
const KIND_LINE = /^kind:[ \t]*(["']?)([^\s"'#]+)\1/;

/**
 * What the Kubernetes schema says of the key under the cursor (its type, whether it is required, its description,
 * the values it takes) and, on the `kind:` line, what the kind is; nothing where the schema knows nothing (a custom
 * resource's spec, a misspelt field).
 */
export function kubernetesHover(file: ContainerFile, position: Position): { markdown: string; range: Range } | undefined {
  const at = documentAt(file, position);
  if (!at) return undefined;
  const key = yamlKeyAt(at.text, at.position);
  if (key?.path.length === 1 && key.path[0] === 'kind') return kindHover(at, inFile(at, key.range));
  if (key) {
    const markdown = keyMarkdown(at, key.path);
    return markdown ? { markdown, range: inFile(at, key.range) } : undefined;
  }
  const line = at.text.split(/\r?\n/)[at.position.line] ?? '';
  const kind = KIND_LINE.exec(line);
  if (!kind?.[2]) return undefined;
  const start = kind[0].length - kind[2].length - kind[1]!.length;
  const end = start + kind[2].length;
  if (at.position.character < start || at.position.character > end) return undefined;
  return kindHover(at, inFile(at, { start: { line: at.position.line, character: start }, end: { line: at.position.line, character: end } }));
}

function keyMarkdown(at: DocumentAt, path: YamlPath): string | undefined {
  const info = schemaAt(at, path);
  if (!info) return undefined;
  const name = String(path.at(-1));
  const parent = schemaAt(at, path.slice(0, -1));
  const field = parent?.fields?.find((candidate) => candidate.name === name);
  // An entry of a map (`cpu` of `limits`, a label) has no description of its own: its map's says what it is.
  const description = info.description ?? (field ? undefined : parent?.description);
  const heading = `**${name}** · \`${typeText(info)}\`${field?.required ? ' · required' : ''}`;
  const body = schemaMarkdown({ ...info, ...(description ? { description } : {}) });
  const explain = explainCommand(at, path);
  return [heading, body, explain && `\`${explain}\``].filter(Boolean).join('\n\n');
}

function kindHover(at: DocumentAt, range: Range): { markdown: string; range: Range } | undefined {
  const target = schemaKindOf(at.apiVersion, at.kind);
  if (!target) return undefined;
  const description = kubernetesSchemaAt(target.apiVersion, target.kind, [])?.description;
  const versions = versionsOfKind(target.kind).filter((version) => version !== target.apiVersion && !retiredApi(version, target.kind));
  const sections = [
    `**${target.kind}** · \`${target.apiVersion}\``,
    description,
    versions.length > 0 ? `Also served as: ${versions.map((version) => `\`${version}\``).join(', ')}` : undefined,
    `\`${explainCommand(at, [])}\``,
  ];
  return { markdown: sections.filter(Boolean).join('\n\n'), range };
}

/**
 * `kubectl explain deployment.spec.template`: the same text from the cluster's own schema, in a terminal. The path
 * stops at the last field the schema names (map entries such as a label are not fields).
 */
function explainCommand(at: DocumentAt, path: YamlPath): string | undefined {
  const target = schemaKindOf(at.apiVersion, at.kind);
  if (!target) return undefined;
  const fields: string[] = [];
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    if (typeof segment === 'number') continue;
    if (!schemaAt(at, path.slice(0, index))?.fields?.some((field) => field.name === segment)) break;
    fields.push(segment);
  }
  const [preferred] = versionsOfKind(target.kind);
  const version = target.apiVersion === preferred ? '' : ` --api-version=${target.apiVersion}`;
  return `kubectl explain ${[target.kind.toLowerCase(), ...fields].join('.')}${version}`;
}

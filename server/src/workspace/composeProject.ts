import type { ComposeFile } from '../parsing/containerFile';
import { type Environment, interpolate, parseDotEnv, type Interpolated } from '../parsing/composeInterpolation';
import { type Data, mergedService, mergeService, type Plain, plainOf, writtenService } from '../parsing/composeMerge';
import { ServiceDefinition, type NamedReference } from '../parsing/composeService';
import { baseName } from '../parsing/documentKind';
import { YamlView } from '../parsing/yamlView';
import { dirnameUri, joinUri } from './uri';
import type { Workspace } from './workspace';

/** The default file names, in the order Compose looks for them (compose-go `cli/options.go`). */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
/** The top-level sections whose entries services refer to by name. */
export const RESOURCE_SECTIONS = ['networks', 'volumes', 'secrets', 'configs'] as const;
export type ResourceSection = (typeof RESOURCE_SECTIONS)[number];
/** Deeper `include:` chains are a loop in all but name. */
const MAX_INCLUDE_DEPTH = 16;

/** A service of the project: every definition of it, in merge order, and the data Compose ends up with. */
export interface ProjectService {
  name: string;
  /** The first definition is the service's home: findings about something missing point at its name there. */
  definitions: ServiceDefinition[];
  /** The merged data, `extends` applied; `undefined` values mean "not set by any file". */
  merged: { readonly [field: string]: Data };
}

export interface IncludeProblem {
  kind: 'cycle' | 'missing';
  uri: string;
  /** The `include:` entry or `extends.file` that leads there. */
  view: YamlView;
}

/**
 * A Compose project as `docker compose` builds it: the base file, its override, other variants of the same folder
 * (a `compose.prod.yaml` is linted as a layer over the base), and what `include:` pulls in, merged as Compose merges
 * them, with the `.env` of the project folder for interpolation.
 */
export class ComposeProject {
  readonly services = new Map<string, ProjectService>();
  readonly resources = new Map<ResourceSection, Map<string, NamedReference[]>>(RESOURCE_SECTIONS.map((section) => [section, new Map()]));
  readonly includeProblems: IncludeProblem[] = [];
  readonly environment: Environment;

  constructor(
    private readonly workspace: Workspace,
    /** The project's layers, base first. */
    readonly layerUris: readonly string[],
  ) {
    const projectFolder = dirnameUri(layerUris[0] ?? '');
    const dotEnvUri = joinUri(projectFolder, '.env');
    this.environment = parseDotEnv(workspace.readText(dotEnvUri) ?? '');
    for (const uri of layerUris) this.addFile(uri, projectFolder, [], 0);
    for (const service of this.services.values()) service.merged = this.resolveExtends(service, new Set());
  }

  /** The definitions of services written in one file. */
  definitionsIn(uri: string): ServiceDefinition[] {
    return [...this.services.values()].flatMap((service) => service.definitions.filter((definition) => definition.uri === uri));
  }

  /** Whether a service, network, volume, secret or config of that name exists anywhere in the project. */
  defines(section: ResourceSection | 'services', name: string): boolean {
    if (section === 'services') return this.services.has(name);
    if (section === 'networks' && name === 'default') return true;
    return this.resources.get(section)?.has(name) ?? false;
  }

  interpolate(text: string): Interpolated {
    return interpolate(text, this.environment);
  }

  private addFile(uri: string, baseUri: string, chain: readonly string[], depth: number, via?: YamlView): void {
    const file = this.workspace.getAs(uri, 'compose');
    if (!file) {
      if (via) this.includeProblems.push({ kind: 'missing', uri, view: via });
      return;
    }
    if (chain.includes(uri) || depth > MAX_INCLUDE_DEPTH) {
      if (via) this.includeProblems.push({ kind: 'cycle', uri, view: via });
      return;
    }
    for (const root of rootsOf(file)) {
      for (const entry of root.get('include')?.items() ?? []) {
        for (const { path, view } of includePaths(entry)) {
          const includedUri = joinUri(baseUri, path);
          this.addFile(includedUri, dirnameUri(includedUri), [...chain, uri], depth + 1, view);
        }
      }
      for (const [name, view] of root.get('services')?.entries() ?? []) {
        const definition = new ServiceDefinition(name, view.isMap ? view : undefined, view.keyRange ?? view.range, uri, baseUri);
        const service = this.services.get(name);
        if (service) service.definitions.push(definition);
        else this.services.set(name, { name, definitions: [definition], merged: {} });
      }
      for (const section of RESOURCE_SECTIONS) {
        const byName = this.resources.get(section);
        for (const [name, view] of root.get(section)?.entries() ?? []) {
          const reference = { name, view, range: view.keyRange ?? view.range };
          byName?.set(name, [...(byName.get(name) ?? []), reference]);
        }
      }
    }
  }

  /** The service's own definitions merged in order, over what it `extends` (within the project or from a file). */
  private resolveExtends(service: ProjectService, visiting: Set<string>): { [field: string]: Data } {
    const [only, ...others] = service.definitions;
    // Most services are written once and extend nothing: their data is their node's (cached while it is unchanged).
    if (only?.view && others.length === 0 && !only.extends) return writtenService(only.view);
    let merged: Plain = null;
    for (const definition of service.definitions) {
      const own = definition.view ? plainOf(definition.view) : {};
      const extended = definition.extends;
      let base: Plain = null;
      const baseName = extended?.service?.string;
      if (baseName && !visiting.has(`${definition.uri}#${baseName}`)) {
        visiting.add(`${definition.uri}#${baseName}`);
        const file = extended?.file?.string;
        base = file ? this.serviceFromFile(joinUri(definition.baseUri, file), baseName, visiting) : this.mergedByName(baseName, visiting);
      }
      merged = mergeService(merged, base === null ? own : mergeService(base, own));
    }
    return mergedService(merged);
  }

  private mergedByName(name: string, visiting: Set<string>): Plain {
    const service = this.services.get(name);
    return service ? this.resolveExtends(service, visiting) : null;
  }

  private serviceFromFile(uri: string, name: string, visiting: Set<string>): Plain {
    const file = this.workspace.getAs(uri, 'compose');
    if (!file) return null;
    const definitions = rootsOf(file).flatMap((root) => {
      const view = root.get('services')?.get(name);
      return view ? [new ServiceDefinition(name, view.isMap ? view : undefined, view.keyRange ?? view.range, uri, dirnameUri(uri))] : [];
    });
    return definitions.length ? this.resolveExtends({ name, definitions, merged: {} }, visiting) : null;
  }
}

function rootsOf(file: ComposeFile): YamlView[] {
  return file.yaml.documents.flatMap((document) => {
    const root = YamlView.root(document);
    return root?.isMap ? [root] : [];
  });
}

/** `include:` entries: a path, or a mapping whose `path` is one path or a list of them. */
function includePaths(entry: YamlView): { path: string; view: YamlView }[] {
  if (entry.string) return [{ path: entry.string, view: entry }];
  const path = entry.get('path');
  if (path?.string) return [{ path: path.string, view: path }];
  return (path?.items() ?? []).flatMap((item) => (item.string ? [{ path: item.string, view: item }] : []));
}

/**
 * The layers of the project a compose file belongs to: a file that another project includes belongs to that
 * project; otherwise the folder's base file, its override, and the file itself when it is another variant.
 */
export function projectLayers(workspace: Workspace, uri: string, visited: ReadonlySet<string> = new Set()): string[] {
  const includer = workspace.composeIncluderOf(uri);
  // Files that include each other: the first one reached is the project.
  if (includer && !visited.has(includer)) return projectLayers(workspace, includer, new Set([...visited, uri]));
  const folder = dirnameUri(uri);
  const base = BASE_NAMES.map((name) => joinUri(folder, name)).find((candidate) => candidate === uri || workspace.exists(candidate));
  if (!base) return [uri];
  const override = OVERRIDE_NAMES.map((name) => joinUri(folder, name)).find((candidate) => candidate === uri || workspace.exists(candidate));
  const layers = [base, ...(override ? [override] : [])];
  if (!layers.includes(uri) && isVariantOf(uri)) layers.push(uri);
  return layers.includes(uri) ? layers : [uri];
}

/** `compose.prod.yaml`, `docker-compose.ci.yml`: layered over the folder's base file. */
function isVariantOf(uri: string): boolean {
  return /^(?:docker-)?compose\..+\.ya?ml$/i.test(baseName(uri));
}

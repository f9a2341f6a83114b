import type { Range } from 'vscode-languageserver-types';
import { variablesIn } from './composeInterpolation';
import type { YamlView } from './yamlView';

/**
 * One service as written in one compose file (a file may define part of a service that other files complete).
 * Fields that Compose accepts in a short and a long syntax are read into one shape, each entry keeping the view of
 * what the user wrote so that a finding points at it and a fix edits it.
 */
export class ServiceDefinition {
  constructor(
    readonly name: string,
    /** The mapping under the service's name (undefined when the service is declared empty or is not a mapping). */
    readonly view: YamlView | undefined,
    /** The service's name as written. */
    readonly nameRange: Range,
    readonly uri: string,
    /** The folder relative paths of this definition resolve against (the project's, or an included file's). */
    readonly baseUri: string,
  ) {}

  get(field: string): YamlView | undefined {
    return this.view?.get(field);
  }

  get image(): YamlView | undefined {
    return this.get('image');
  }

  /** `build: ./dir` and `build: { context, dockerfile, target }` alike. */
  get build(): BuildSection | undefined {
    const build = this.get('build');
    if (!build) return undefined;
    if (!build.isMap) return { view: build, context: build.isScalar ? build : undefined };
    return { view: build, context: build.get('context'), dockerfile: build.get('dockerfile'), target: build.get('target') };
  }

  get ports(): PortMapping[] {
    return (this.get('ports')?.items() ?? []).map(readPort);
  }

  /** `environment:` as a list of `KEY=value` or a mapping. */
  get environment(): EnvironmentEntry[] {
    return readKeyValues(this.get('environment'));
  }

  get dependsOn(): Dependency[] {
    const dependsOn = this.get('depends_on');
    if (dependsOn?.isSeq)
      return dependsOn.items().flatMap((item) => (item.string ? [{ service: item.string, view: item, range: item.range, form: 'short' as const }] : []));
    return (dependsOn?.entries() ?? []).map(([service, view]) => ({
      service,
      view,
      range: view.keyRange ?? view.range,
      form: 'long' as const,
      condition: view.get('condition'),
    }));
  }

  get volumes(): VolumeMount[] {
    return (this.get('volumes')?.items() ?? []).map(readVolume);
  }

  /** Names under `networks:` (list or mapping form). */
  get networks(): NamedReference[] {
    return namedReferences(this.get('networks'), (item) => item.string);
  }

  /** `secrets:` / `configs:` entries: a name, or a mapping with `source`. */
  references(field: 'secrets' | 'configs'): NamedReference[] {
    return namedReferences(this.get(field), (item) => item.string ?? item.get('source')?.string);
  }

  /** `extends: name` or `extends: { service, file }`. */
  get extends(): { service?: YamlView; file?: YamlView; view: YamlView } | undefined {
    const view = this.get('extends');
    if (!view) return undefined;
    return view.isMap ? { view, service: view.get('service'), file: view.get('file') } : { view, service: view };
  }
}

export interface BuildSection {
  view: YamlView;
  context?: YamlView;
  dockerfile?: YamlView;
  target?: YamlView;
}

export interface PortMapping {
  view: YamlView;
  /** Host IP as written (`127.0.0.1`), if any. */
  hostIp?: string;
  /** Published host port or range, as written; undefined when only the container port is given. */
  published?: string;
  /** Container port or range. */
  target?: string;
  protocol: string;
  /** The value contains `${…}` interpolation, so its parts are not known here. */
  interpolated: boolean;
}

export interface EnvironmentEntry {
  name: string;
  /** Undefined for a name without a value (`- KEY` or `KEY:`), which passes the variable through from the shell. */
  value?: string;
  /** The whole entry (`KEY=value` item or `KEY: value` pair). */
  view: YamlView;
  /** For the mapping form, the value's own view. */
  valueView?: YamlView;
}

export interface Dependency {
  service: string;
  view: YamlView;
  /** The service name as written: the list item, or the mapping key. */
  range: Range;
  form: 'short' | 'long';
  condition?: YamlView;
}

export interface VolumeMount {
  view: YamlView;
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** A host path (bind) or a volume name; undefined for an anonymous volume. */
  source?: string;
  target?: string;
}

export interface NamedReference {
  name: string;
  view: YamlView;
  /** The name as written: the list item, or the mapping key. */
  range: Range;
}

const INTERPOLATION = /\$\{?[A-Za-z_]/;

export function hasInterpolation(text: string): boolean {
  return INTERPOLATION.test(text.replace(/\$\$/g, ''));
}

/** The long syntax mapping, or the short syntax string; see parsePortText. */
function readPort(view: YamlView): PortMapping {
  if (view.isMap) {
    return {
      view,
      hostIp: view.get('host_ip')?.text,
      published: view.get('published')?.text,
      target: view.get('target')?.text,
      protocol: view.get('protocol')?.text ?? 'tcp',
      interpolated: false,
    };
  }
  return { view, ...parsePortText(view.text ?? '') };
}

/** The parts of a short port mapping, also for its value after interpolation. */
export function parsePortText(text: string): Omit<PortMapping, 'view'> {
  const [address = '', protocol = 'tcp'] = splitOutsideVariables(text, '/');
  const ipv6 = /^\[([^\]]*)\]:(.*)$/.exec(address);
  const parts = ipv6 ? [ipv6[1] ?? '', ...splitOutsideVariables(ipv6[2] ?? '', ':')] : splitOutsideVariables(address, ':');
  const target = parts.at(-1);
  const published = parts.length >= 2 ? parts.at(-2) || undefined : undefined;
  const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined;
  return { hostIp, published, target, protocol, interpolated: hasInterpolation(text) };
}

/** Splits at `separator`, except inside `${…}` (whose defaults hold colons and slashes: `${PORT:-8080}`). */
function splitOutsideVariables(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const variables = variablesIn(text);
  for (let index = 0; index < text.length; index++) {
    const inside = variables.find((variable) => index >= variable.start && index < variable.end);
    if (inside) index = inside.end - 1;
    else if (text[index] === separator) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function readKeyValues(section: YamlView | undefined): EnvironmentEntry[] {
  if (!section) return [];
  if (section.isSeq) {
    return section.items().flatMap((item) => {
      const text = item.text;
      if (text === undefined) return [];
      const equals = text.indexOf('=');
      return [equals < 0 ? { name: text, view: item } : { name: text.slice(0, equals), value: text.slice(equals + 1), view: item }];
    });
  }
  return section.entries().map(([name, valueView]) => {
    const value = valueView.scalar;
    return { name, view: valueView, valueView, ...(value === null || value === undefined ? {} : { value: String(value) }) };
  });
}

/** Short syntax `[SOURCE:]TARGET[:MODE]`, or the long syntax mapping with `type`, `source`, `target`. */
function readVolume(view: YamlView): VolumeMount {
  if (view.isMap) {
    const type = view.get('type')?.string;
    return {
      view,
      type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
      source: view.get('source')?.text,
      target: view.get('target')?.text,
    };
  }
  const text = view.text ?? '';
  const parts = splitOutsideVariables(text, ':');
  // A Windows drive letter (`C:\data:/data`) is part of the source.
  if (parts.length >= 3 && /^[A-Za-z]$/.test(parts[0] ?? '')) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  if (parts.length === 1) return { view, type: 'volume', target: parts[0] };
  const source = parts[0] ?? '';
  const isPath = /^[./~\\$]|^[A-Za-z]:/.test(source) || source.includes('/');
  return { view, type: isPath ? 'bind' : 'volume', source, target: parts[1] };
}

function namedReferences(section: YamlView | undefined, nameOf: (item: YamlView) => string | undefined): NamedReference[] {
  if (!section) return [];
  if (section.isSeq) {
    return section.items().flatMap((item) => {
      const name = nameOf(item);
      return name ? [{ name, view: item, range: item.range }] : [];
    });
  }
  return section.entries().map(([name, view]) => ({ name, view, range: view.keyRange ?? view.range }));
}

import { parsePortText } from '../../parsing/composeService';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';

/**
 * Services whose settings may collide on the host (a published port, a container name) only collide when they run
 * together: services in disjoint profiles are alternatives (`dev` and `prod` variants of one service) that are never
 * started at once, while a service without profiles runs with every profile.
 */
export function canRunTogether(a: ProjectService, b: ProjectService): boolean {
  const first = profilesOf(a);
  const second = profilesOf(b);
  return first.length === 0 || second.length === 0 || first.some((profile) => second.includes(profile));
}

function profilesOf(service: ProjectService): string[] {
  const profiles = service.merged.profiles;
  return Array.isArray(profiles) ? profiles.map(String) : [];
}

/** A host port (or range) a service publishes, after interpolation. */
export interface PublishedPort {
  service: ProjectService;
  /** Undefined when the port is bound on every interface (no host IP, `0.0.0.0`, `::`). */
  hostIp?: string;
  first: number;
  last: number;
  protocol: string;
  /** The mapping as written (after interpolation), for messages. */
  text: string;
  /** Equal for two entries that are the same mapping written twice. */
  key: string;
}

/** The host ports the merged service publishes; a host-networked service publishes none (Compose ignores its ports). */
export function publishedPorts(project: ComposeProject, service: ProjectService): PublishedPort[] {
  const ports = service.merged.ports;
  if (service.merged.network_mode === 'host' || !Array.isArray(ports)) return [];
  return ports.flatMap((entry) => {
    const port = publishedPort(project, service, entry);
    return port ? [port] : [];
  });
}

/** One `ports:` entry, short string or long mapping, as plain data (a YamlView's `toJS()` or merged data). */
export function publishedPort(project: ComposeProject, service: ProjectService, entry: unknown): PublishedPort | undefined {
  const fields = portFields(project, entry);
  if (!fields?.published) return undefined;
  const range = /^(\d+)(?:-(\d+))?$/.exec(fields.published);
  if (!range) return undefined;
  const first = Number(range[1]);
  const last = Number(range[2] ?? range[1]);
  const hostIp = fields.hostIp?.replace(/^\[(.*)\]$/, '$1');
  const allInterfaces = !hostIp || hostIp === '0.0.0.0' || hostIp === '::';
  const protocol = (fields.protocol || 'tcp').toLowerCase();
  return {
    service,
    ...(allInterfaces ? {} : { hostIp }),
    first,
    last,
    protocol,
    text: fields.text,
    key: [allInterfaces ? '*' : hostIp, `${first}-${last}`, fields.target ?? '', protocol].join('|'),
  };
}

function portFields(project: ComposeProject, entry: unknown) {
  const resolve = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? project.interpolate(String(value)).value : undefined);
  if (typeof entry === 'string' || typeof entry === 'number') {
    const text = resolve(entry);
    return text === undefined ? undefined : { ...parsePortText(text), text };
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const long = entry as Record<string, unknown>;
  const published = resolve(long.published);
  if (published === undefined) return undefined;
  const hostIp = long.host_ip === undefined ? undefined : resolve(long.host_ip);
  const target = long.target === undefined ? undefined : resolve(long.target);
  const protocol = long.protocol === undefined ? 'tcp' : (resolve(long.protocol) ?? 'tcp');
  return { hostIp, published, target, protocol, text: `${hostIp ? `${hostIp}:` : ''}${published}:${target ?? ''}/${protocol}` };
}

/** Two bindings collide when their ranges overlap on one protocol and an address they both listen on. */
export function collide(a: PublishedPort, b: PublishedPort): boolean {
  if (a.protocol !== b.protocol || a.first > b.last || b.first > a.last) return false;
  if (a.hostIp === undefined || b.hostIp === undefined) return true;
  return a.hostIp === b.hostIp;
}

import type { Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { scalarText } from '../../parsing/yamlEdit';
import { insertTree, type YamlTree } from './yamlTree';

export type ProbeField = 'readinessProbe' | 'livenessProbe' | 'startupProbe';

/** The fields of a probe that say how to probe (the rest are timings). */
const PROBE_HANDLERS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

/** Words of a port name that say it serves HTTP (`http`, `https-admin`, `web`, `http-metrics`, Knative's `http1`). */
const HTTP_WORDS = new Set(['http', 'http1', 'https', 'web', 'www', 'ui', 'dashboard', 'metrics']);

/**
 * A liveness probe restarts the container, so it waits longer than readiness before acting: 15 s after start, then
 * three failures 20 s apart, about 75 s in all, where the defaults would restart a slow starter after 30 s.
 */
const LIVENESS_TIMINGS: YamlTree = { initialDelaySeconds: '15', periodSeconds: '20' };

interface ProbePlan {
  handler: YamlTree;
  /** How the title describes it: `HTTP GET / on port http`. */
  description: string;
}

/**
 * The quick fix that adds a probe to the container, when there is something sensible to probe: the handler of the
 * container's other probe (its path and port are known to answer), else an HTTP GET on a port whose name says it
 * serves HTTP, else a TCP connection to its first TCP port. A container that declares no port and has no other
 * probe gets no fix: only its author knows what command tells whether it works.
 */
export function probeFixes(container: ContainerView, field: 'readinessProbe' | 'livenessProbe'): Fix[] {
  const plan = copiedHandler(container, field) ?? portHandler(container);
  if (!plan) return [];
  const probe: YamlTree = field === 'livenessProbe' ? { ...plan.handler, ...LIVENESS_TIMINGS } : plan.handler;
  const edit = insertTree(container.view, field, probe);
  if (!edit) return [];
  const kind = field === 'livenessProbe' ? 'liveness' : 'readiness';
  return [{ title: `Add a ${kind} probe: ${plan.description} (check that it answers)`, edits: [edit], unsafe: true }];
}

function copiedHandler(container: ContainerView, field: ProbeField): ProbePlan | undefined {
  const others: ProbeField[] = (['readinessProbe', 'livenessProbe', 'startupProbe'] as const).filter((other) => other !== field);
  for (const other of others) {
    const probe = container.get(other);
    for (const handler of PROBE_HANDLERS) {
      const data = probe?.get(handler)?.toJS();
      if (!isRecord(data) || Object.keys(data).length === 0) continue;
      return { handler: { [handler]: treeOf(data) }, description: `the ${handler} of the ${other}` };
    }
  }
  return undefined;
}

/** Plain data as YAML text: mappings nest, other values are written as scalars or flow lists. */
function treeOf(data: Record<string, unknown>): YamlTree {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, isRecord(value) ? treeOf(value) : flowValue(value)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as flow YAML: strings with flow indicators in them are quoted, since `,` would end a flow item. */
function flowValue(value: unknown): string {
  if (typeof value === 'string') return /[,[\]{}]/.test(value) ? JSON.stringify(value) : scalarText(value);
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${flowValue(item)}`)
      .join(', ')}}`;
  return String(value);
}

function portHandler(container: ContainerView): ProbePlan | undefined {
  const tcp = container.ports.filter((port) => port.protocol.toUpperCase() === 'TCP' && (port.name || port.number !== undefined));
  const http = tcp.find((port) => port.name !== undefined && isHttpName(port.name));
  const chosen = http ?? tcp[0];
  if (!chosen) return undefined;
  const port = chosen.name ? scalarText(chosen.name) : String(chosen.number);
  if (!http) return { handler: { tcpSocket: { port } }, description: `TCP connection to port ${port}` };
  const words = http.name?.split('-') ?? [];
  const path = words.includes('metrics') ? '/metrics' : '/';
  const https = words.includes('https');
  return {
    handler: { httpGet: { path, port, ...(https ? { scheme: 'HTTPS' } : {}) } },
    description: `HTTP${https ? 'S' : ''} GET ${path} on port ${port}`,
  };
}

/** Port names that say the port serves HTTP; gRPC (also on HTTP/2) answers no GET. */
function isHttpName(name: string): boolean {
  const words = name.toLowerCase().split('-');
  return !words.some((word) => word.includes('grpc')) && words.some((word) => HTTP_WORDS.has(word));
}

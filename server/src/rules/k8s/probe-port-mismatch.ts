import { defineKubernetesRule, type Fix, type Problem } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { replaceScalar } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { closestName } from '../support/didYouMean';
import { containersHere } from '../support/kubernetes';
import type { ProbeField } from '../support/kubernetesProbes';
import { oncePerRange } from '../support/composeMerged';

const PROBES: readonly ProbeField[] = ['readinessProbe', 'livenessProbe', 'startupProbe'];

/** What a probe that can never succeed does to the pod. */
const CONSEQUENCE: Record<ProbeField, string> = {
  readinessProbe: 'the pod never becomes ready',
  livenessProbe: 'the kubelet restarts the container over and over',
  startupProbe: 'the kubelet kills the container before it ever starts',
};

const KUBE_LINTER_CHECK: Record<ProbeField, string> = {
  readinessProbe: 'kube-linter:readiness-port',
  livenessProbe: 'kube-linter:liveness-port',
  startupProbe: 'kube-linter:startup-port',
};

export const rule = defineKubernetesRule({
  id: 'k8s/probe-port-mismatch',
  meta: {
    severity: 'error',
    description: 'A readiness, liveness or startup probe targets a port the container does not declare.',
    scope: 'document',
    fix: {
      when: 'when the container declares a port the probe may mean and the probe is not shared through a YAML anchor',
      applied: { autoWhen: 'when the port is a quoted number, a misspelt name or the name of a gRPC port' },
    },
    aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
    messages: {
      unknownName:
        'The {{probe}} of container "{{container}}" targets port "{{port}}", but no port of the container has that name: the kubelet cannot resolve it, the probe always fails and {{consequence}}; use a declared port name ({{declared}}) or a number.',
      quotedNumber:
        'The {{probe}} of container "{{container}}" targets port "{{port}}" in quotes, which Kubernetes reads as a port name (names need a letter), so the manifest is rejected; write the number without quotes.',
      grpcNeedsNumber:
        'The {{probe}} of container "{{container}}" names port "{{port}}", but a grpc probe takes a port number, so the manifest is rejected; write the number{{number}}.',
      nearDeclaredNumber:
        'The {{probe}} of container "{{container}}" targets port {{port}}, which the container does not declare, but it declares {{closest}}: if that is a typo the probe fails and {{consequence}}; probe port {{closest}}, or declare {{port}} in ports if the process listens there.',
      undeclaredNumber:
        'The {{probe}} of container "{{container}}" targets port {{port}}, which the container does not declare (it declares {{declared}}); the probe works if the process listens there, but declare the port so that readers and tools know what it serves.',
      noPortsDeclared:
        'The {{probe}} of container "{{container}}" targets port {{port}}, but the container declares no ports; declare it (containerPort: {{port}}, with a name the probe can use) so that readers and tools know what it listens on.',
    },
    explanation: {
      why: 'A probe on a port name the container does not declare can never succeed: the kubelet fails it before connecting, so a readiness probe keeps the pod out of its Services forever, a liveness probe restarts it in a loop and a startup probe kills it before it starts. That is an error. A quoted number is a port name to Kubernetes, and one without letters is rejected at apply time: also an error. A probe on a port *number* the container does not declare still works when the process listens there (`ports` only documents a container): that is a warning when the number is one typo away from a declared one (`8081` for `8080`), and information otherwise. Probes that name another `host` are not checked. A grpc probe takes only a number. The quick fixes put a declared name in place of a misspelt one (applied by fix-all only when one name is close enough to be a typo), take the quotes off a number, offer the declared number that a probe number is a typo of, and give a grpc probe the number of the port it names.',
      standard: 'Container standard "Health checks"; kube-linter liveness-port, readiness-port and startup-port.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - name: http\n          containerPort: 8080\n      readinessProbe:\n        httpGet:\n          path: /ready\n          port: htpp',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - name: http\n          containerPort: 8080\n      readinessProbe:\n        httpGet:\n          path: /ready\n          port: http',
    },
  },
  check(context) {
    // A probe shared through an anchor is one text: reported once, where it is written.
    const firstTime = oncePerRange();
    for (const container of containersHere(context)) {
      // The API refuses probes on ephemeral containers.
      if (container.field === 'ephemeralContainers') continue;
      for (const probe of PROBES) {
        const target = probeTarget(container, probe);
        if (!target || !firstTime(target.port.range)) continue;
        const problem = mismatch(container, probe, target);
        if (problem) context.report({ ...problem, aliases: [KUBE_LINTER_CHECK[probe]] });
      }
    }
  },
});

interface ProbeTarget {
  handler: string;
  port: YamlView;
  /** Whether the probe's text is the container's own (not reached through an alias, not anchored for others). */
  editable: boolean;
}

/** The `port` of the probe's httpGet, tcpSocket or grpc handler, unless the probe goes to another host. */
function probeTarget(container: ContainerView, field: ProbeField): ProbeTarget | undefined {
  const probe = container.get(field);
  for (const handlerName of ['httpGet', 'tcpSocket', 'grpc']) {
    const handler = probe?.get(handlerName);
    const port = handler?.get('port');
    if (!handler || !port?.isScalar) continue;
    if (handler.get('host')?.string) return undefined;
    // An anchored probe is shared with the containers that alias it: a fix right for one may be wrong for another.
    const shared = [probe, handler, port].some((view) => view?.node?.anchor !== undefined);
    return { handler: handlerName, port, editable: Boolean(probe?.isWrittenHere && handler.isWrittenHere) && !shared };
  }
  return undefined;
}

function mismatch(container: ContainerView, probe: ProbeField, { handler, port, editable }: ProbeTarget): Omit<Problem, 'aliases'> | undefined {
  const value = port.scalar;
  const ports = container.ports;
  const data = { probe, container: container.name || '?', consequence: CONSEQUENCE[probe] };
  if (typeof value === 'number') {
    if (ports.some((declared) => declared.number === value)) return undefined;
    const numbers = [...new Set(ports.flatMap((declared) => (declared.number === undefined ? [] : [String(declared.number)])))];
    if (numbers.length === 0) return { messageId: 'noPortsDeclared', data: { ...data, port: value }, range: port.range, severity: 'info' };
    const closest = closestName(String(value), numbers);
    if (!closest) return { messageId: 'undeclaredNumber', data: { ...data, port: value, declared: numbers.join(', ') }, range: port.range, severity: 'info' };
    const fixes: Fix[] = editable ? [{ title: `Probe port ${closest}`, edits: [{ range: port.range, newText: closest }], unsafe: true }] : [];
    return { messageId: 'nearDeclaredNumber', data: { ...data, port: value, closest }, range: port.range, severity: 'warning', fixes };
  }
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value)) {
    const fixes: Fix[] = editable ? [{ title: `Write port ${Number(value)} as a number`, edits: [{ range: port.range, newText: String(Number(value)) }] }] : [];
    return { messageId: 'quotedNumber', data: { ...data, port: value }, range: port.range, fixes };
  }
  if (handler === 'grpc') {
    const number = ports.find((declared) => declared.name === value)?.number;
    const edit = editable && number !== undefined ? { range: port.range, newText: String(number) } : undefined;
    const fixes: Fix[] = edit ? [{ title: `Probe port ${number}`, edits: [edit] }] : [];
    return { messageId: 'grpcNeedsNumber', data: { ...data, port: value, number: number === undefined ? '' : ` (${number})` }, range: port.range, fixes };
  }
  const names = ports.flatMap((declared) => (declared.name ? [declared.name] : []));
  if (names.includes(value)) return undefined;
  return {
    messageId: 'unknownName',
    data: { ...data, port: value, declared: names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'it declares none' },
    range: port.range,
    fixes: () => (editable ? nameFixes(port, value, names) : []),
  };
}

/** A misspelt name gets the declared name it is closest to (safe); otherwise each declared name is offered. */
function nameFixes(port: YamlView, value: string, names: readonly string[]): Fix[] {
  const closest = closestName(value, names);
  return (closest ? [closest] : names).flatMap((name) => {
    const edit = replaceScalar(port, name);
    return edit ? [{ title: `Probe port "${name}"`, edits: [edit], ...(closest ? {} : { unsafe: true }) }] : [];
  });
}

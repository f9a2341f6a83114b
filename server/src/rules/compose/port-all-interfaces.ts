import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import { hasInterpolation, parsePortText, type PortMapping } from '../../parsing/composeService';
import { insertPair, replaceScalar } from '../../parsing/yamlEdit';
import type { ComposeProject } from '../../workspace/composeProject';
import { projectOf, servicesHere } from '../support/compose';
import { oncePerRange, survivesMerge } from '../support/composeMerged';

const LOOPBACK = '127.0.0.1';

export const rule = defineComposeRule({
  id: 'compose/port-all-interfaces',
  meta: {
    severity: 'warning',
    description: 'A published port names no host IP, so Docker publishes it on every interface of the host.',
    fix: { when: 'unless the mapping is a single variable (`${PORTS}`)', applied: 'editor-only' },
    aliases: ['dclint:no-unbound-port-interfaces'],
    messages: {
      allInterfaces:
        'Service "{{service}}" publishes {{port}} on all host interfaces, so anyone who can reach the host can reach it (Docker\'s rules bypass host firewalls such as ufw); name the interface, e.g. "{{suggestion}}" to keep it on this machine.',
    },
    explanation: {
      why: 'Without a host IP Docker binds the port on 0.0.0.0 (and ::) and opens it in its own iptables chain ahead of the host firewall, so a development database becomes reachable from the whole network. The quick fix binds to 127.0.0.1; it is never applied by fix-all or `lint --fix`, since other machines lose access.',
      standard: 'Container standard "Container Security"; dclint no-unbound-port-interfaces; Docker docs, "Packet filtering and firewalls".',
      bad: "services:\n  db:\n    image: postgres:16-alpine\n    ports:\n      - '5432:5432'",
      good: "services:\n  db:\n    image: postgres:16-alpine\n    ports:\n      - '127.0.0.1:5432:5432'",
    },
  },
  check(context) {
    const project = projectOf(context);
    const firstTime = oncePerRange();
    for (const { service, definition } of servicesHere(context)) {
      // With the host network Compose ignores `ports:`; compose/privileged reports the host network itself.
      if (service.merged.network_mode === 'host') continue;
      for (const port of definition.ports) {
        if (!publishesOnAllInterfaces(port, project) || !survivesMerge(service, 'ports', port.view)) continue;
        const range = port.view.isMap ? (port.view.get('published') ?? port.view.get('target') ?? port.view).pairRange : port.view.range;
        if (!firstTime(range)) continue;
        const fix = loopbackFix(port);
        context.report({
          messageId: 'allInterfaces',
          data: { service: service.name, port: describe(port), suggestion: suggestion(port) },
          range,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/**
 * A host IP is missing when none is written. Interpolated values are read with the project's `.env`; with a variable
 * unknown here, by what is written around it: `${PORT}:80` has no host IP, `${HOST_IP}:80:80` has one, and a lone
 * `${PORTS}` could hold anything.
 */
function publishesOnAllInterfaces(port: PortMapping, project: ComposeProject): boolean {
  if (port.view.isMap) return port.view.get('host_ip') === undefined;
  if (!port.interpolated) return !hasHostIp(port);
  const value = project.interpolate(port.view.text ?? '').value;
  if (value !== undefined) return !hasHostIp(parsePortText(value));
  return !port.hostIp && !isLoneVariable(port);
}

/** `127.0.0.1:3001` (an address where the host port would be) shows the intent to bind, though Docker wants `127.0.0.1::3001`. */
function hasHostIp(port: Pick<PortMapping, 'hostIp' | 'published'>): boolean {
  return Boolean(port.hostIp) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(port.published ?? '');
}

function isLoneVariable(port: PortMapping): boolean {
  return port.published === undefined && port.hostIp === undefined && hasInterpolation(port.target ?? '');
}

function loopbackFix(port: PortMapping): Fix | undefined {
  const title = `Publish on ${LOOPBACK} only (other machines lose access)`;
  const edit = port.view.isMap ? insertPair(port.view, 'host_ip', LOOPBACK) : isLoneVariable(port) ? undefined : replaceScalar(port.view, suggestion(port));
  return edit && { title, edits: [edit], unsafe: true };
}

/** The mapping bound to the loopback interface: `127.0.0.1:5432:5432`, or `127.0.0.1::3000` for a random host port. */
function suggestion(port: PortMapping): string {
  if (port.view.isMap) return `host_ip: ${LOOPBACK}`;
  const text = port.view.text ?? '';
  if (port.hostIp === '') return `${LOOPBACK}${text}`;
  return port.published === undefined ? `${LOOPBACK}::${text}` : `${LOOPBACK}:${text}`;
}

function describe(port: PortMapping): string {
  if (!port.view.isMap) return `"${port.view.text ?? ''}"`;
  return port.published === undefined ? `container port ${port.target ?? '?'} (on a random host port)` : `port ${port.published}`;
}

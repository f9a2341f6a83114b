import { defineComposeRule } from '../../engine/ruleTypes';
import { servicesHere } from '../support/compose';
import { isComposeTrue, oncePerRange, survivesMerge } from '../support/composeMerged';

export const rule = defineComposeRule({
  id: 'compose/privileged',
  meta: {
    severity: 'warning',
    description: 'A service runs privileged, with every capability, or in the host network namespace, so a compromised container reaches the host.',
    aliases: [],
    messages: {
      privileged:
        'Service "{{service}}" runs privileged: it gets every capability and every host device, so whoever takes over the container takes over the host; grant only what it needs with cap_add and devices.',
      capAddAll:
        'Service "{{service}}" adds ALL capabilities, which is nearly as powerful as privileged: true; add only the capabilities it needs (e.g. NET_ADMIN).',
      hostNetwork:
        'Service "{{service}}" uses network_mode: host: it shares the host\'s network stack, so every port it opens is open on the host and it reaches services bound to the host\'s localhost; use a network and publish only the ports it needs.',
    },
    explanation: {
      why: 'A privileged container, or one with all capabilities, can load kernel modules, mount host disks and escape to the host; the host network removes the network isolation, so the container sees and serves on every host interface.',
      standard: 'Container standard "Container Security"; CIS Docker Benchmark 5.4 (privileged), 5.3 (capabilities), 5.9 (host network).',
      bad: 'services:\n  vpn:\n    image: example/vpn:1.4\n    privileged: true\n    network_mode: host',
      good: 'services:\n  vpn:\n    image: example/vpn:1.4\n    cap_add: [NET_ADMIN]\n    devices: [/dev/net/tun]\n    ports: ["127.0.0.1:1194:1194/udp"]',
    },
  },
  check(context) {
    const firstTime = oncePerRange();
    for (const { service, definition } of servicesHere(context)) {
      const data = { service: service.name };
      const privileged = definition.get('privileged');
      // An override may set it back to false; what counts is what Compose ends up with.
      if (privileged && isComposeTrue(privileged.scalar) && isComposeTrue(service.merged.privileged)) {
        context.report({ messageId: 'privileged', data, range: privileged.pairRange });
      }
      for (const capability of definition.get('cap_add')?.items() ?? []) {
        if (/^(?:CAP_)?ALL$/i.test(capability.text ?? '') && survivesMerge(service, 'cap_add', capability) && firstTime(capability.range)) {
          context.report({ messageId: 'capAddAll', data, range: capability.range });
        }
      }
      const networkMode = definition.get('network_mode');
      if (networkMode?.text === 'host' && service.merged.network_mode === 'host')
        context.report({ messageId: 'hostNetwork', data, range: networkMode.pairRange });
    }
  },
});

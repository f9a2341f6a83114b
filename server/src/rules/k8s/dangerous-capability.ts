import { defineKubernetesRule } from '../../engine/ruleTypes';
import { containersHere } from '../support/kubernetes';
import { capabilities, describeContainer, isWindowsPod, privilegedSetting } from '../support/podSecurity';

/** Capabilities that reach past the container: each is a known way out of it or into the node's kernel. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'every capability, nearly what privileged: true gives',
  SYS_ADMIN: 'mount filesystems, use namespaces and many kernel interfaces: the usual way out of a container',
  SYS_MODULE: "load kernel modules, that is run code in the node's kernel",
  SYS_PTRACE: 'trace and inject code into other processes it can see',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  DAC_READ_SEARCH: 'open files by handle, which reads files of the node outside the container (the "shocker" escape)',
  BPF: 'load eBPF programs into the kernel',
  NET_ADMIN: 'reconfigure the network of the pod (and of the node with hostNetwork): interfaces, routes, firewall rules',
};

export const rule = defineKubernetesRule({
  id: 'k8s/dangerous-capability',
  meta: {
    severity: 'warning',
    description: 'A container adds a Linux capability that reaches past the container (ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN…).',
    scope: 'document',
    aliases: ['polaris:dangerousCapabilities'],
    messages: {
      dangerous: 'The {{container}} adds {{capability}}: {{power}}; remove it, or grant a narrower capability that does what the container needs.',
      dangerousByAgent:
        'The {{container}} adds {{capability}}: {{power}}. Node agents run by DaemonSets (CNI plugins, monitoring with eBPF) may need it; if this one does, keep it and suppress the finding with the annotation polaris.fairwinds.com/dangerousCapabilities-exempt: "true".',
    },
    explanation: {
      why: "Capabilities split root's powers; most are harmless in a container, but these few let a process escape it, load code into the kernel or reconfigure the network. Applications rarely need them (a VPN needs NET_ADMIN; network and security agents need more), so each one should be a decision.",
      standard:
        'Container standard "Container Security"; Pod Security Standards "baseline" (capabilities beyond the default set); Polaris dangerousCapabilities.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      securityContext:\n        capabilities:\n          add: [SYS_ADMIN]',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // A privileged container has every capability already: k8s/privileged reports it.
      if (isWindowsPod(container.workload) || privilegedSetting(container)) continue;
      for (const { name, view } of capabilities(container, 'add')) {
        const power = DANGEROUS[name];
        if (!power) continue;
        context.report({
          messageId: container.workload.object.kind === 'DaemonSet' ? 'dangerousByAgent' : 'dangerous',
          data: { container: describeContainer(container), capability: view.text ?? name, power },
          range: view.range,
          aliases: name === 'SYS_ADMIN' ? ['checkov:CKV_K8S_39'] : [],
        });
      }
    }
  },
});

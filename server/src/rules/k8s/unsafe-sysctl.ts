import { defineKubernetesRule } from '../../engine/ruleTypes';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload } from '../support/podSecurity';

/**
 * The sysctls the kubelet allows by default (Kubernetes 1.32 onwards): namespaced to the pod, and unable to affect
 * other pods or the node. Pod Security Standards "baseline" allows the same set.
 */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ping_group_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export const rule = defineKubernetesRule({
  id: 'k8s/unsafe-sysctl',
  meta: {
    severity: 'warning',
    description:
      "A pod sets a sysctl outside Kubernetes' safe set, which the kubelet rejects unless the node allows it, and which can affect other pods on the node.",
    scope: 'document',
    aliases: ['kube-linter:unsafe-sysctls'],
    messages: {
      unsafe:
        "{{workload}} sets the sysctl {{name}}, which is not in Kubernetes' safe set: the kubelet refuses the pod (SysctlForbidden) unless the node allows it with --allowed-unsafe-sysctls, and the setting can affect other pods or the node; remove it, or schedule the pod on nodes configured for it.",
    },
    explanation: {
      why: "Only a few namespaced sysctls (the local port range, TCP keepalive timers, …) are known not to affect the rest of the node. Others may exhaust kernel memory or change the node's network for every pod, so the kubelet refuses pods that set them, unless an administrator allows them on chosen nodes.",
      standard: 'Kubernetes documentation "Using sysctls in a Kubernetes Cluster"; Pod Security Standards "baseline" (sysctls); kube-linter unsafe-sysctls.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: db }\nspec:\n  securityContext:\n    sysctls:\n      - { name: kernel.msgmax, value: "65536" }\n  containers:\n    - name: db\n      image: example/db:16',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: db }\nspec:\n  securityContext:\n    sysctls:\n      - { name: net.ipv4.ip_local_port_range, value: "1024 65000" }\n  containers:\n    - name: db\n      image: example/db:16',
    },
  },
  check(context) {
    for (const workload of workloadsHere(context)) {
      for (const sysctl of workload.podSpec.at('securityContext', 'sysctls')?.items() ?? []) {
        const nameView = sysctl.get('name');
        const name = nameView?.string;
        if (!nameView || !name || SAFE_SYSCTLS.has(canonicalName(name))) continue;
        context.report({ messageId: 'unsafe', data: { workload: describeWorkload(workload), name }, range: nameView.range });
      }
    }
  },
});

/** `net/ipv4/tcp_syncookies` is `net.ipv4.tcp_syncookies`: the kubelet accepts either separator (the first one used decides). */
function canonicalName(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash < 0 || (dot >= 0 && dot < slash)) return name;
  return name.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

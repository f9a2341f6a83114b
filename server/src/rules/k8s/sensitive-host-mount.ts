import { defineKubernetesRule } from '../../engine/ruleTypes';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload, hostPathVolumes } from '../support/podSecurity';

/**
 * Host directories whose contents are the node: its filesystem root, system binaries and configuration, kernel
 * interfaces, devices and runtime sockets (kube-linter's list, plus /run and /var/run, root's home and the
 * container runtimes' state). Only the directory itself: /etc/ssl/certs or /sys/fs/cgroup are narrower choices.
 */
const SENSITIVE_DIRECTORIES = new Set([
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/run',
  '/var/run',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
]);

/** Trees of credentials: the kubelet's and the control plane's certificates and kubeconfigs, at any depth. */
const CREDENTIAL_TREES = ['/var/lib/kubelet', '/etc/kubernetes'];

export const rule = defineKubernetesRule({
  id: 'k8s/sensitive-host-mount',
  meta: {
    severity: 'warning',
    description:
      "A pod mounts a sensitive directory of the node (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/var/run`, the kubelet's files…) through a hostPath volume.",
    fixable: false,
    aliases: ['kube-linter:sensitive-host-mounts'],
    messages: {
      sensitive:
        '{{workload}} mounts the node\'s {{path}} (hostPath volume "{{volume}}"): {{risk}}; mount a narrower path read-only, or use a ConfigMap, Secret or emptyDir for what the pod needs.',
      sensitiveByAgent:
        '{{workload}} mounts the node\'s {{path}} (hostPath volume "{{volume}}"): {{risk}}. Node agents (monitoring, CSI and CNI plugins) may need that; if this one does, mount it read-only where possible and suppress the finding with the annotation ignore-check.kube-linter.io/sensitive-host-mounts.',
    },
    explanation: {
      why: "A hostPath volume of a system directory hands the pod the node's configuration, credentials, devices or kernel interfaces: reading /etc or the kubelet's directory leaks credentials, writing to them takes over the node. Monitoring and storage agents (DaemonSets) mount some of these on purpose; application pods almost never need to.",
      standard: 'Container standard "Container Security"; Pod Security Standards "baseline" (hostPath volumes); kube-linter sensitive-host-mounts.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      volumeMounts:\n        - { name: host-etc, mountPath: /host/etc }\n  volumes:\n    - name: host-etc\n      hostPath: { path: /etc }',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      volumeMounts:\n        - { name: config, mountPath: /etc/web }\n  volumes:\n    - name: config\n      configMap: { name: web-config }',
    },
  },
  check(context) {
    for (const workload of workloadsHere(context)) {
      for (const volume of hostPathVolumes(workload)) {
        const risk = riskOf(volume.path);
        if (!risk) continue;
        context.report({
          messageId: workload.object.kind === 'DaemonSet' ? 'sensitiveByAgent' : 'sensitive',
          data: { workload: describeWorkload(workload), path: volume.path, volume: volume.name, risk },
          range: volume.pathView.range,
        });
      }
    }
  },
});

function riskOf(path: string): string | undefined {
  if (CREDENTIAL_TREES.some((tree) => path === tree || path.startsWith(`${tree}/`))) return 'it holds the credentials of the kubelet or of the control plane';
  if (!SENSITIVE_DIRECTORIES.has(path)) return undefined;
  if (path === '/') return 'the pod sees and can change the whole filesystem of the node';
  if (path === '/proc' || path === '/sys') return 'the pod reads every process of the node and reaches kernel settings';
  if (path === '/dev') return "the pod reaches the node's devices, disks included";
  if (path === '/run' || path === '/var/run') return 'it holds the sockets of the container runtime and of other node services';
  return "it holds the node's system files and configuration, which the pod can read and, unless read-only, change";
}

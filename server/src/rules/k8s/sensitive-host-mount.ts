import { defineKubernetesRule } from '../../engine/ruleTypes';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload, hostPathVolumes } from '../support/podSecurity';

/**
 * Host directories whose contents are the node, and what the pod gets from each: kube-linter's list (/, /boot, /dev,
 * /etc, /lib, /proc, /sys, /usr) plus /run and /var/run, root's home and the container runtimes' state. Only the
 * directory itself: /etc/ssl/certs or /sys/fs/cgroup are narrower choices an agent makes on purpose.
 */
const SENSITIVE_DIRECTORIES: ReadonlyMap<string, string> = new Map([
  ['/', 'the pod sees, and unless read-only can change, the whole filesystem of the node'],
  ['/boot', "it holds the node's kernel and boot configuration"],
  ['/dev', "the pod reaches the node's devices, its disks included"],
  ['/etc', "it holds the node's configuration and credentials (shadow passwords, SSH host keys, kubelet settings)"],
  ['/lib', "it holds the node's system libraries and kernel modules"],
  ['/usr', "it holds the node's programs, which a writable mount lets the pod replace"],
  ['/proc', "the pod sees every process of the node, their environments included, and the kernel's settings"],
  ['/sys', "the pod reaches the kernel's and the devices' settings of the node"],
  ['/run', 'it holds the sockets of the container runtime and of other node services'],
  ['/var/run', 'it holds the sockets of the container runtime and of other node services'],
  ['/root', "it holds the files of the node's root user (SSH keys, shell history)"],
  ['/var/lib/docker', 'it holds the images, containers and volumes of every pod on the node'],
  ['/var/lib/containerd', 'it holds the images and container filesystems of every pod on the node'],
]);

/** Trees of credentials: the kubelet's and the control plane's certificates and kubeconfigs, at any depth. */
const CREDENTIAL_TREES = ['/var/lib/kubelet', '/etc/kubernetes'];

export const rule = defineKubernetesRule({
  id: 'k8s/sensitive-host-mount',
  meta: {
    severity: 'warning',
    description:
      "A pod mounts a sensitive directory of the node (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/var/run`, the kubelet's files…) through a hostPath volume.",
    scope: 'document',
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
  return SENSITIVE_DIRECTORIES.get(path);
}

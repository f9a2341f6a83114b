import { defineKubernetesRule } from '../../engine/ruleTypes';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload, hostPathVolumes } from '../support/podSecurity';

/** The API sockets of container engines and CRI runtimes, wherever they live (`/var/run`, `/run`, `/run/containerd`). */
const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|podman)\.sock$/;

export const rule = defineKubernetesRule({
  id: 'k8s/docker-socket-mount',
  meta: {
    severity: 'error',
    description:
      "A pod mounts the Docker socket (or another container runtime's socket) from the node, which gives it control of every container on the node and of the node itself.",
    scope: 'document',
    aliases: ['kube-linter:docker-sock', 'checkov:CKV_K8S_27'],
    messages: {
      socket:
        '{{workload}} mounts the container runtime socket {{path}} (volume "{{volume}}"): whoever controls the pod can start a privileged container on the node and so controls the node; remove the volume and its mounts (to build images in a pod, use a daemonless builder such as rootless BuildKit or kaniko).',
      socketByAgent:
        '{{workload}} mounts the container runtime socket {{path}} (volume "{{volume}}"): whoever controls the pod controls every container on the node and the node itself. Node agents (monitoring, log or security agents) may need it; if this one does, keep it and suppress the finding with the annotation ignore-check.kube-linter.io/docker-sock, else remove the volume and its mounts.',
    },
    explanation: {
      why: "The runtime's API can start a privileged container that mounts the node's filesystem, so a pod holding the socket is root on the node, and the socket mounted read-only does not prevent that. Building images in a pod has daemonless alternatives; only node agents that inspect containers have a reason to hold it.",
      standard: 'Container standard "Container Security"; kube-linter docker-sock; OWASP Docker Security Cheat Sheet rule #1.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: ci-runner }\nspec:\n  containers:\n    - name: runner\n      image: example/runner:3.1\n      volumeMounts:\n        - { name: docker, mountPath: /var/run/docker.sock }\n  volumes:\n    - name: docker\n      hostPath: { path: /var/run/docker.sock }',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: ci-runner }\nspec:\n  containers:\n    - name: runner\n      image: example/runner:3.1\n      env:\n        - { name: BUILDKIT_HOST, value: "tcp://buildkitd:1234" }',
    },
  },
  check(context) {
    for (const workload of workloadsHere(context)) {
      for (const volume of hostPathVolumes(workload)) {
        if (!RUNTIME_SOCKET.test(volume.path)) continue;
        context.report({
          messageId: workload.object.kind === 'DaemonSet' ? 'socketByAgent' : 'socket',
          data: { workload: describeWorkload(workload), path: volume.path, volume: volume.name },
          range: volume.pathView.range,
        });
      }
    }
  },
});

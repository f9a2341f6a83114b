import { defineComposeRule } from '../../engine/ruleTypes';
import { projectOf, servicesHere } from '../support/compose';
import { oncePerRange, survivesMerge } from '../support/composeMerged';

/** The Docker (or Podman) API socket wherever it lives (`/var/run`, `/run`, rootless `/run/user/1000`), or the Windows pipe. */
const ENGINE_SOCKET = /(?:^|\/)(?:docker|podman)\.sock$|^[/\\]{2}\.[/\\]pipe[/\\]docker_engine$/;

export const rule = defineComposeRule({
  id: 'compose/docker-socket-mount',
  meta: {
    severity: 'warning',
    description: 'A service mounts the Docker socket, which gives it full control of the Docker daemon and so of the host.',
    aliases: [],
    messages: {
      socket:
        'Service "{{service}}" mounts the Docker socket {{source}}: whoever controls the container controls the Docker daemon, and through it the host (":ro" does not help, the API stays writable); if it needs Docker, give it a socket proxy that allows only the calls it makes.',
    },
    explanation: {
      why: 'The Docker API can start a privileged container that mounts the host filesystem, so any container with the socket is root on the host; a read-only bind mount only stops the file from being replaced, not the API from being used.',
      standard: 'Container standard "Container Security"; CIS Docker Benchmark 5.31; OWASP Docker Security Cheat Sheet rule #1.',
      bad: 'services:\n  dashboard:\n    image: example/dashboard:2.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
      good: 'services:\n  dashboard:\n    image: example/dashboard:2.1\n    environment:\n      DOCKER_HOST: tcp://docker-proxy:2375\n  docker-proxy:\n    image: tecnativa/docker-socket-proxy:0.3\n    environment:\n      CONTAINERS: 1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
    },
  },
  check(context) {
    const project = projectOf(context);
    const firstTime = oncePerRange();
    for (const { service, definition } of servicesHere(context)) {
      // The socket proxy is the remedy the message recommends: it holds the socket so that nothing else has to.
      if (isSocketProxy(service.merged.image)) continue;
      for (const volume of definition.volumes) {
        if (volume.type !== 'bind' || volume.source === undefined) continue;
        const source = project.interpolate(volume.source).value ?? volume.source;
        if (!ENGINE_SOCKET.test(source) || !survivesMerge(service, 'volumes', volume.view) || !firstTime(volume.view.range)) continue;
        context.report({ messageId: 'socket', data: { service: service.name, source }, range: volume.view.range });
      }
    }
  },
});

function isSocketProxy(image: unknown): boolean {
  return typeof image === 'string' && /(?:^|\/)(?:docker-)?socket-proxy(?::|@|$)/.test(image);
}

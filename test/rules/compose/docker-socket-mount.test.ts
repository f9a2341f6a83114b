import { rule } from '../../../server/src/rules/compose/docker-socket-mount';
import { ruleTester } from '../../ruleTester';

const proxy = `services:
  traefik:
    image: traefik:v3.5
    environment:
      DOCKER_HOST: tcp://socket-proxy:2375
    volumes:
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
  socket-proxy:
    image: tecnativa/docker-socket-proxy:0.3.0
    environment:
      CONTAINERS: 1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
`;

ruleTester(rule, {
  valid: [
    { name: 'a socket proxy holds the socket so that the proxied service does not', code: proxy },
    {
      name: 'named volumes and other sockets',
      code: 'services:\n  app:\n    image: example/app:1\n    volumes:\n      - docker-data:/var/lib/docker\n      - /var/run/postgresql:/var/run/postgresql\n      - type: bind\n        source: ./docker.sock.md\n        target: /docs/readme.md\nvolumes:\n  docker-data: {}\n',
    },
    {
      name: 'the override replaces the socket mount with a directory at the same target',
      code: 'services:\n  ci:\n    image: example/ci:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      files: { 'compose.override.yaml': 'services:\n  ci:\n    volumes: !override\n      - ./fake:/var/run/docker.sock\n' },
    },
  ],
  invalid: [
    {
      name: 'short syntax, read-only does not help',
      code: 'services:\n  web:\n    image: nginx:1.27\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ messageId: 'socket', line: 7, column: 9, endLine: 7, endColumn: 53, data: { service: 'watchtower', source: '/var/run/docker.sock' } }],
    },
    {
      name: 'long syntax, /run/docker.sock and the rootless socket',
      code: 'services:\n  runner:\n    image: example/runner:2\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n      - /run/user/1000/docker.sock:/var/run/docker.sock\n',
      errors: [
        { messageId: 'socket', line: 5, column: 9, data: { source: '/run/docker.sock' } },
        { messageId: 'socket', line: 8, column: 9, data: { source: '/run/user/1000/docker.sock' } },
      ],
    },
    {
      name: 'interpolated with a default, read as Compose would',
      code: 'services:\n  portainer:\n    image: portainer/portainer-ce:2.21.4\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n',
      errors: [{ messageId: 'socket', line: 5, column: 9, data: { source: '/var/run/docker.sock' } }],
    },
    {
      name: 'from an anchored volume list used by two services: reported once, at the anchor',
      code: 'x-docker: &docker\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  builder:\n    <<: *docker\n    image: docker:27-cli\n  runner:\n    <<: *docker\n    image: example/runner:2\n',
      errors: [{ messageId: 'socket', line: 3, column: 7 }],
    },
  ],
});

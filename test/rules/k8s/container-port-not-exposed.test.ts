import { rule } from '../../../server/src/rules/k8s/container-port-not-exposed';
import { API_IMAGE, COMPOSE, pod, skaffold } from '../../helpers/crossKind';
import { ruleTester } from '../../ruleTester';

const MANIFEST = 'k8s/api.yaml';
const EXPOSE_3000 = 'FROM node:22-slim\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD ["node", "server.js"]\n';
const port = (number: number | string, more = '') => `        - containerPort: ${number}${more}\n`;
const files = (dockerfile: string) => ({ 'skaffold.yaml': skaffold(), 'api/Dockerfile': dockerfile });

ruleTester(rule, {
  valid: [
    { name: 'the exposed port', code: pod(API_IMAGE, { ports: port(3000, '\n          name: http') }), filename: MANIFEST, files: files(EXPOSE_3000) },
    {
      name: 'a port of an exposed range, the protocol compared',
      code: pod(API_IMAGE, { container: 'range', ports: port(5001, '\n          protocol: UDP') }),
      filename: MANIFEST,
      files: files('FROM alpine:3.22\nEXPOSE 5000-5010/udp\n'),
    },
    {
      name: 'a Dockerfile without EXPOSE says nothing',
      code: pod(API_IMAGE, { container: 'none', ports: port(8080) }),
      filename: MANIFEST,
      files: files('FROM node:22-slim\nUSER node\n'),
    },
    {
      name: 'an EXPOSE from a build argument may be any port',
      code: pod(API_IMAGE, { container: 'arg', ports: port(8080) }),
      filename: MANIFEST,
      files: files('FROM node:22-slim\nARG PORT=8080\nEXPOSE $PORT\n'),
    },
    { name: 'an image the workspace does not build', code: pod('nginx:1.29', { ports: port(80) }), filename: MANIFEST, files: files(EXPOSE_3000) },
    {
      name: 'EXPOSE inherited from the stage the final one builds on',
      code: pod(API_IMAGE, { container: 'inherited', ports: port(3000) }),
      filename: MANIFEST,
      files: files('FROM node:22-slim AS base\nEXPOSE 3000\n\nFROM base\nCOPY . .\n'),
    },
  ],
  invalid: [
    {
      name: 'skaffold: containerPort 8080, the Dockerfile EXPOSEs 3000',
      code: pod(API_IMAGE, { ports: port(8080, '\n          name: http') }),
      filename: MANIFEST,
      files: files(EXPOSE_3000),
      errors: [
        {
          messageId: 'notExposed',
          line: 10,
          column: 26,
          endColumn: 30,
          data: { container: 'api', port: '8080', dockerfile: '../api/Dockerfile', builtBy: '../skaffold.yaml', exposed: '3000/tcp' },
        },
      ],
    },
    {
      name: 'compose: the protocol differs',
      code: pod(`${API_IMAGE}:2.0`, { container: 'dns', ports: port(53, '\n          protocol: UDP') }),
      filename: MANIFEST,
      files: { 'compose.yaml': COMPOSE, 'api/Dockerfile': 'FROM alpine:3.22\nEXPOSE 53/tcp\n' },
      errors: [{ messageId: 'notExposed', line: 10, column: 26, data: { port: '53/UDP', exposed: '53/tcp', builtBy: '../compose.yaml' } }],
    },
    {
      name: 'the target stage EXPOSEs another port than the last stage',
      code: pod(API_IMAGE, { container: 'target', ports: port(9229) + port(3000) }),
      filename: MANIFEST,
      files: { 'skaffold.yaml': skaffold({ target: 'prod' }), 'api/Dockerfile': 'FROM node:22-slim AS prod\nEXPOSE 3000\n\nFROM prod AS debug\nEXPOSE 9229\n' },
      errors: [{ messageId: 'notExposed', line: 10, column: 26, data: { port: '9229' } }],
    },
  ],
});

import { rule } from '../../../server/src/rules/compose/privileged';
import { ruleTester } from '../../ruleTester';

const monitoring = `services:
  app:
    image: example/app:1.4
    cap_add:
      - NET_BIND_SERVICE
    cap_drop: [ALL]
  cadvisor:
    image: gcr.io/cadvisor/cadvisor:v0.49.1
    privileged: true
    devices:
      - /dev/kmsg
  node-exporter:
    image: prom/node-exporter:v1.8.2
    network_mode: host
    pid: host
  vpn:
    image: example/vpn:2.0
    cap_add: [NET_ADMIN, ALL]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'capabilities added one by one, privileged false, a bridge network',
      code: 'services:\n  vpn:\n    image: example/vpn:2.0\n    privileged: false\n    cap_add: [NET_ADMIN]\n    network_mode: bridge\n  web:\n    image: nginx:1.27\n    network_mode: "service:vpn"\n',
    },
    {
      name: 'the override turns privileged off and resets cap_add',
      code: 'services:\n  agent:\n    image: example/agent:3\n    privileged: true\n    cap_add: [ALL]\n',
      files: { 'compose.override.yaml': 'services:\n  agent:\n    privileged: false\n    cap_add: !reset []\n' },
    },
    { name: 'cap_drop ALL is the opposite', code: 'services:\n  app:\n    image: example/app:1\n    cap_drop: [ALL]\n' },
  ],
  invalid: [
    {
      name: 'a monitoring stack: privileged, host network and ALL capabilities, each at its key',
      code: monitoring,
      errors: [
        { messageId: 'privileged', line: 9, column: 5, endLine: 9, endColumn: 21, data: { service: 'cadvisor' } },
        { messageId: 'hostNetwork', line: 14, column: 5, data: { service: 'node-exporter' } },
        { messageId: 'capAddAll', line: 18, column: 26, data: { service: 'vpn' } },
      ],
    },
    {
      name: 'privileged from an anchor is reported where each service merges it',
      code: 'x-hardware: &hardware\n  privileged: true\n  restart: unless-stopped\nservices:\n  zigbee:\n    <<: *hardware\n    image: example/zigbee:1.40\n  zwave:\n    <<: *hardware\n    image: example/zwave:9.0\n',
      errors: [
        { messageId: 'privileged', line: 6, column: 5 },
        { messageId: 'privileged', line: 9, column: 5 },
      ],
    },
    {
      name: 'privileged set in the override file, reported there',
      filename: 'compose.override.yaml',
      code: 'services:\n  builder:\n    privileged: "true"\n',
      files: { 'compose.yaml': 'services:\n  builder:\n    image: docker:27-dind\n' },
      errors: [{ messageId: 'privileged', line: 3, column: 5 }],
    },
    {
      name: 'CAP_ALL in lower case counts too',
      code: 'services:\n  debug:\n    image: example/debug:1\n    cap_add:\n      - cap_all\n',
      errors: [{ messageId: 'capAddAll', line: 5, column: 9 }],
    },
  ],
});

import { rule } from '../../../server/src/rules/compose/service-keys-order';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    volumes: [./s:/s]\n    environment:\n      A: "1"\n    ports: ["127.0.0.1:80:80"]\n    command: ["nginx"]\n    restart: always\n    labels: [a=b]\n    user: "101"\n    cap_drop: [ALL]\n    deploy: {}\n',
    {
      name: 'ungrouped keys alphabetically after the groups',
      code: 'services:\n  web:\n    build: .\n    init: true\n    platform: linux/amd64\n    x-note: n\n',
    },
    { name: 'a merge key first', code: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: a:1\n    command: ["a"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    # published on loopback\n    ports:\n      - "127.0.0.1:8080:80"\n    image: nginx:1.27 # pinned\n    environment:\n      A: "1"\n',
      errors: [
        {
          messageId: 'outOfOrder',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
          data: { key: 'image', service: 'web', expected: 'image, environment, ports' },
        },
      ],
      output:
        'services:\n  web:\n    image: nginx:1.27 # pinned\n    environment:\n      A: "1"\n    # published on loopback\n    ports:\n      - "127.0.0.1:8080:80"\n',
    },
    {
      name: 'one report per step back, one fix',
      code: 'services:\n  app:\n    restart: always\n    build: .\n    privileged: false\n    container_name: app\n',
      errors: [
        { messageId: 'outOfOrder', line: 4, column: 5, data: { key: 'build', expected: 'build, container_name, restart, privileged' } },
        { messageId: 'outOfOrder', line: 6, column: 5, data: { key: 'container_name' } },
      ],
      output: 'services:\n  app:\n    build: .\n    container_name: app\n    restart: always\n    privileged: false\n',
    },
    {
      name: 'flow mapping on one line',
      code: 'services:\n  app: { command: ["a"], image: "a:1" }\n',
      errors: [{ messageId: 'outOfOrder', line: 2, column: 26 }],
      output: 'services:\n  app: { image: "a:1", command: ["a"] }\n',
    },
    {
      name: 'keys before a merge key: reported, not fixed',
      code: 'x-base: &base\n  restart: always\nservices:\n  web:\n    command: ["a"]\n    <<: *base\n    image: a:1\n',
      errors: [{ messageId: 'outOfOrder', line: 7, column: 5 }],
      output: null,
    },
  ],
});

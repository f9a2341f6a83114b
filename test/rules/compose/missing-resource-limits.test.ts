import { rule } from '../../../server/src/rules/compose/missing-resource-limits';
import { ruleTester } from '../../ruleTester';

const LIMITS = "limits:\n  cpus: '0.50'\n  memory: 512M";
const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

const stack = `services:
  web:
    image: nginx:1.27
    deploy:
      replicas: 2
  api:
    build: ./api
    deploy:
      resources:
        reservations:
          memory: 256M
  worker:
    image: example/worker:1.2 # background jobs
    command: ["worker", "--queue", "default"]

  db:
    image: postgres:16-alpine
    mem_limit: 1g
`;

ruleTester(rule, {
  valid: [
    {
      name: 'limits in deploy, or the older mem_limit and cpus keys',
      code: "services:\n  api:\n    image: example/api:2\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n  cache:\n    image: redis:7.4\n    cpus: '0.25'\n  db:\n    image: postgres:16\n    mem_limit: 1g\n",
    },
    {
      name: 'limits from the override file',
      code: 'services:\n  api:\n    image: example/api:2\n',
      files: { 'compose.override.yaml': 'services:\n  api:\n    deploy:\n      resources:\n        limits: { cpus: "1", memory: 1G }\n' },
    },
    {
      name: 'limits from an anchor and from the extended service',
      code: "x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        cpus: '0.50'\n        memory: 256M\nservices:\n  api:\n    <<: *limits\n    image: example/api:2\n  admin:\n    extends: api\n    command: admin\n",
    },
    {
      name: 'a service whose home is the base file is reported there, not in the override',
      filename: 'compose.override.yaml',
      code: 'services:\n  api:\n    environment:\n      DEBUG: "1"\n',
      files: { 'compose.yaml': 'services:\n  api:\n    image: example/api:2\n' },
    },
  ],
  invalid: [
    {
      name: 'a stack: each service without limits at its name; the fix goes into the deploy or resources it has',
      code: stack,
      errors: [
        { messageId: 'noLimits', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'web' } },
        { messageId: 'noLimits', line: 6, column: 3, data: { service: 'api' } },
        { messageId: 'noLimits', line: 12, column: 3, data: { service: 'worker' } },
      ],
      output: stack
        .replace('      replicas: 2\n', `      replicas: 2\n      resources:\n${indent(LIMITS, 8)}\n`)
        .replace('          memory: 256M\n', `          memory: 256M\n${indent(LIMITS, 8)}\n`)
        .replace('default"]\n', `default"]\n    deploy:\n      resources:\n${indent(LIMITS, 8)}\n`),
    },
    {
      name: 'the standard document example: app and database',
      filename: 'docker-compose.yml',
      code: "services:\n  app:\n    build: .\n    ports:\n      - '3000:3000'\n  database:\n    image: postgres:15-alpine\n    volumes:\n      - postgres_data:/var/lib/postgresql/data\n\nvolumes:\n  postgres_data:\n",
      errors: [
        { messageId: 'noLimits', line: 2, column: 3 },
        { messageId: 'noLimits', line: 6, column: 3 },
      ],
      output: `services:\n  app:\n    build: .\n    ports:\n      - '3000:3000'\n    deploy:\n      resources:\n${indent(LIMITS, 8)}\n  database:\n    image: postgres:15-alpine\n    volumes:\n      - postgres_data:/var/lib/postgresql/data\n    deploy:\n      resources:\n${indent(LIMITS, 8)}\n\nvolumes:\n  postgres_data:\n`,
    },
    {
      name: 'limits with pids only get cpus and memory; a flow-style service gets a flow deploy',
      code: 'services:\n  sandbox:\n    image: example/sandbox:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n  probe: { image: "example/probe:1" }\n',
      errors: [
        { messageId: 'noLimits', line: 2, column: 3 },
        { messageId: 'noLimits', line: 8, column: 3 },
      ],
      output:
        "services:\n  sandbox:\n    image: example/sandbox:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n          cpus: '0.50'\n          memory: 512M\n  probe: { image: \"example/probe:1\", deploy: { resources: { limits: { cpus: '0.50', memory: 512M } } } }\n",
    },
    {
      name: 'deploy merged from an anchor: reported, but writing a deploy would replace the merged one',
      code: 'x-deploy: &deploy\n  deploy:\n    restart_policy:\n      condition: on-failure\nservices:\n  api:\n    <<: *deploy\n    image: example/api:2\n',
      errors: [{ messageId: 'noLimits', line: 6, column: 3 }],
      output: null,
    },
  ],
});

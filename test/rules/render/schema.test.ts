import { rule } from '../../../server/src/rules/render/schema';
import { ruleTester } from '../../ruleTester';

const web = (fields: string) => `services:\n  - type: web\n    name: web\n    runtime: docker\n${fields}`;

ruleTester(rule, {
  valid: [
    web('    plan: starter\n    region: frankfurt\n    healthCheckPath: /healthz\n    numInstances: 2\n'),
    {
      name: 'every kind of environment variable, a database and a Key Value',
      code: `${web(`    envVars:
      - key: PORT
        value: 8080
      - key: API_KEY
        sync: false
      - key: SESSION_SECRET
        generateValue: true
      - key: DATABASE_URL
        fromDatabase:
          name: db
          property: connectionString
      - key: REDIS_URL
        fromService:
          type: keyvalue
          name: cache
          property: connectionString
      - fromGroup: shared
`)}  - type: keyvalue
    name: cache
    plan: starter
    ipAllowList: []
    maxmemoryPolicy: allkeys-lru
databases:
  - name: db
    plan: basic-256mb
    ipAllowList:
      - source: 203.0.113.0/24
        description: office
envVarGroups:
  - name: shared
    envVars:
      - key: LOG_LEVEL
        value: info
`,
    },
    { name: 'services and databases are open: an undocumented field is left alone', code: web('    buildFilter:\n      paths: [src/**]\n') },
    { name: 'a legacy database plan', code: 'databases:\n  - name: db\n    plan: starter\n' },
    { name: 'our own suppression comment', code: web('    # container-standards-disable-next-line render/schema\n    plan: hobby\n') },
  ],
  invalid: [
    {
      name: 'plan, region and runtime Render does not offer',
      code: 'services:\n  - type: web\n    name: web\n    runtime: dockr\n    plan: hobby\n    region: europe\n',
      errors: [
        { messageId: 'notAllowed', line: 4, column: 14, data: { where: 'services[0].runtime', actual: 'the string "dockr"' } },
        { messageId: 'notAllowed', line: 5, column: 11, data: { where: 'services[0].plan' } },
        { messageId: 'notAllowed', line: 6, column: 13, data: { where: 'services[0].region' } },
      ],
      output: null,
    },
    {
      name: 'a health check path without its slash, and a database plan',
      code: `${web('    healthCheckPath: healthz\n')}databases:\n  - name: db\n    plan: tiny\n`,
      errors: [
        { messageId: 'wrongType', line: 5, column: 22, data: { expected: 'a path that starts with "/"' } },
        { messageId: 'wrongType', line: 8, column: 11, data: { expected: 'a Render Postgres plan' } },
      ],
      output: null,
    },
    {
      name: 'a misspelt reference key is renamed',
      code: web('    envVars:\n      - key: DATABASE_URL\n        fromDatabse:\n          name: db\n          property: connectionString\n'),
      errors: [{ messageId: 'unknownKeySuggestion', line: 7, column: 9, endColumn: 20, data: { key: 'fromDatabse', suggestion: 'fromDatabase' } }],
      output: web('    envVars:\n      - key: DATABASE_URL\n        fromDatabase:\n          name: db\n          property: connectionString\n'),
    },
    {
      name: 'missing type, name and reference property',
      code: 'services:\n  - name: worker\n    envVars:\n      - key: X\n        fromDatabase:\n          name: db\ndatabases:\n  - plan: starter\n',
      errors: [
        { messageId: 'missingKeys', line: 2, column: 5, data: { keys: 'key "type"' } },
        { messageId: 'missingKeys', line: 5, column: 9, data: { keys: 'key "property"' } },
        { messageId: 'missingKeys', line: 8, column: 5, data: { keys: 'key "name"' } },
      ],
      output: null,
    },
    {
      name: 'an unknown top-level key next to a Blueprint key',
      code: `${web('')}servics: []\n`,
      errors: [{ messageId: 'unknownKeySuggestion', line: 5, column: 1, data: { suggestion: 'services' } }],
      output: null,
    },
  ],
});

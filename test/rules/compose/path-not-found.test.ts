import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFile } from '../../../server/src/engine/lint';
import { rule } from '../../../server/src/rules/compose/path-not-found';
import { Workspace } from '../../../server/src/workspace/workspace';
import { ruleTester } from '../../ruleTester';

/** A project whose paths exist, so that a missing one is an error and not a sign of a file out of place. */
const PROJECT = {
  'api/Dockerfile': 'FROM python:3.13-slim\n',
  'api/app.py': 'print("hi")\n',
  'web/Dockerfile': 'FROM node:22-alpine\n',
  'config/api.env': 'DEBUG=0\n',
  'nginx/nginx.conf': 'events {}\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'every path exists; a missing data folder is created by Compose',
      code: 'services:\n  api:\n    build: ./api\n    env_file: ./config/api.env\n    volumes:\n      - ./api:/app\n      - ./data:/var/lib/app\n  proxy:\n    image: nginx:1.29\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n',
      files: PROJECT,
    },
    {
      name: 'a build with context and dockerfile in a subfolder',
      code: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n',
      files: PROJECT,
    },
    {
      name: 'remote contexts, host paths, unknown variables and optional env files are not checked',
      code: 'services:\n  a:\n    build: https://github.com/acme/a.git#main\n  b:\n    build: /srv/b\n    env_file:\n      - path: ./local.env\n        required: false\n    volumes:\n      - ~/.aws/config:/root/.aws/config:ro\n      - ${CERTS_DIR}/tls.pem:/tls.pem\n      - /etc/localtime:/etc/localtime:ro\n  c:\n    image: redis:8.2\n    env_file: ./config/api.env\n',
      files: PROJECT,
    },
    { name: 'a Containerfile serves podman and nerdctl', code: 'services:\n  api:\n    build: ./svc\n', files: { 'svc/Containerfile': 'FROM alpine:3.22\n' } },
    {
      name: 'dockerfile_inline needs no file',
      code: 'services:\n  tool:\n    build:\n      context: ./api\n      dockerfile_inline: FROM alpine:3.22\n',
      files: PROJECT,
    },
    {
      name: 'named volumes are not paths',
      code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
    },
  ],
  invalid: [
    {
      name: 'a missing build context among paths that exist',
      code: 'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: ./frontend\n',
      files: PROJECT,
      errors: [{ messageId: 'context', line: 6, column: 16, endLine: 6, endColumn: 26, data: { service: 'web', path: './frontend' } }],
    },
    {
      name: 'a named Dockerfile that is not in the context',
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n',
      files: PROJECT,
      errors: [{ messageId: 'dockerfile', line: 5, column: 19, data: { path: './api/Dockerfile.prod' } }],
    },
    {
      name: 'a context folder without a Dockerfile: reported at the context',
      code: 'services:\n  api:\n    build: ./api\n  docs:\n    build: ./config\n',
      files: PROJECT,
      errors: [{ messageId: 'dockerfile', line: 5, column: 12, data: { path: './config/Dockerfile' } }],
    },
    {
      name: 'env files in every form; a template says where it comes from',
      code: 'services:\n  api:\n    build: ./api\n    env_file:\n      - ./config/api.env\n      - ./config/secrets.env\n      - path: ./config/db.env\n        required: true\n  worker:\n    image: python:3.13-slim\n    env_file: .env\n',
      files: { ...PROJECT, '.env.example': 'TOKEN=\n' },
      errors: [
        { messageId: 'envFile', line: 6, column: 9, data: { path: './config/secrets.env' } },
        { messageId: 'envFile', line: 7, column: 15, data: { path: './config/db.env' } },
        { messageId: 'envFileFromTemplate', line: 11, column: 15, data: { template: '.env.example' } },
      ],
    },
    {
      name: 'a bind-mounted file that is missing; a missing folder with create_host_path: false',
      code: 'services:\n  proxy:\n    build: ./web\n    volumes:\n      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n      - type: bind\n        source: ./static\n        target: /usr/share/nginx/html\n        bind:\n          create_host_path: false\n',
      files: PROJECT,
      errors: [
        { messageId: 'bindFile', line: 5, column: 9, data: { path: './nginx/default.conf' } },
        { messageId: 'bindFolder', line: 7, column: 17, data: { path: './static' } },
      ],
    },
    {
      name: 'extends from a missing file',
      code: 'services:\n  api:\n    build: ./api\n    extends:\n      file: ./common/services.yml\n      service: python\n',
      files: PROJECT,
      errors: [{ messageId: 'extendsFile', line: 5, column: 13 }],
    },
    {
      name: 'a missing include',
      code: 'include:\n  - ./infra/compose.yaml\nservices:\n  api:\n    build: ./api\n',
      files: PROJECT,
      errors: [{ messageId: 'include', line: 2, column: 5, data: { path: './infra/compose.yaml' } }],
    },
    {
      name: 'an include cycle is reported where it closes',
      filename: 'db/compose.yaml',
      code: 'include:\n  - path: ../compose.yaml\nservices:\n  db:\n    image: postgres:17\n',
      files: { 'compose.yaml': 'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: nginx:1.29\n' },
      errors: [{ messageId: 'includeCycle', line: 2, column: 11 }],
    },
    {
      name: 'an override names a missing env file',
      filename: 'compose.override.yaml',
      code: 'services:\n  api:\n    env_file: ./config/dev.env\n',
      files: { ...PROJECT, 'compose.yaml': 'services:\n  api:\n    build: ./api\n' },
      errors: [{ messageId: 'envFile', line: 3, column: 15 }],
    },
    {
      name: 'a file none of whose paths exists: one finding, not one per path',
      code: 'services:\n  frontend:\n    build: ./frontend\n    volumes:\n      - ./frontend/nginx.conf:/etc/nginx/nginx.conf\n  backend:\n    build:\n      context: .\n      dockerfile: backend/Dockerfile\n    env_file: ./backend/.env\n',
      errors: [{ messageId: 'nothingResolves', line: 3, column: 12, data: { paths: './frontend, ./frontend/nginx.conf, ./backend/Dockerfile…' } }],
    },
  ],
});

test('an unsaved buffer has no folder: its paths are not checked', () => {
  const workspace = new Workspace({ readFile: () => undefined });
  workspace.open('untitled:Untitled-1', 'services:\n  api:\n    build: ./api\n    env_file: ./api.env\n', 'dockercompose');
  const file = workspace.get('untitled:Untitled-1');
  assert.equal(file?.kind, 'compose');
  assert.deepEqual(lintFile(file, workspace, { rules: {} }, [rule]), []);
});

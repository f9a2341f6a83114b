import type { DockerfileFile } from '../../parsing/containerFile';
import { basename } from '../../parsing/shellScript';
import { isFilesOnlyStage } from './dockerfile';
import { containerCommand } from './processCommand';

/**
 * What the image the Dockerfile builds is for, as the Dockerfile itself tells, so that service advice (a HEALTHCHECK,
 * no compilers, a named non-root user) goes only to services:
 * - `artifacts`: the final stage only gathers files (built on scratch, no CMD or ENTRYPOINT), for
 *   `docker build --output` or another build's `COPY --from`;
 * - `service`: a long-running server: the final image EXPOSEs a port, or starts a server program (nginx, gunicorn,
 *   `npm start`, `rails server`, …);
 * - `tool`: the final image starts a tool that runs and exits, usually over a bind-mounted workspace: a test runner
 *   (`pytest`, `cypress run`, `go test`), a code generator (`protoc`, `openapi-generator`), a linter or an
 *   infrastructure CLI (`terraform`, `ansible-playbook`, `kubectl`);
 * - `unknown`: nothing says (a base image for other Dockerfiles, a script entrypoint).
 */
export type ImagePurpose = 'artifacts' | 'service' | 'tool' | 'unknown';

/** Programs that serve until stopped. */
const SERVERS = new Set([
  'apache2-foreground',
  'caddy',
  'daphne',
  'envoy',
  'gunicorn',
  'haproxy',
  'httpd',
  'httpd-foreground',
  'hypercorn',
  'memcached',
  'mongod',
  'mysqld',
  'nginx',
  'php-fpm',
  'postgres',
  'puma',
  'rabbitmq-server',
  'redis-server',
  'traefik',
  'unicorn',
  'uvicorn',
  'uwsgi',
  'waitress-serve',
]);
/** Subcommands or arguments that make a general program serve: `npm start`, `rails server`, `manage.py runserver`. */
const SERVING_ARGUMENTS = new Set(['start', 'serve', 'server', 'runserver', 'run-server', 'preview', 'dev']);

/** Scripts whose name says they serve: `node server.js`, `python app.py`, `java -jar api.jar`. */
const SERVER_SCRIPTS = new Set(['server', 'app', 'main', 'index', 'wsgi', 'asgi', 'web', 'api']);

/** Programs that run and exit: test runners, code generators, linters, infrastructure CLIs. */
const TOOLS = new Set([
  'ansible',
  'ansible-playbook',
  'buf',
  'cypress',
  'eslint',
  'hadolint',
  'helm',
  'jest',
  'kubectl',
  'mocha',
  'mypy',
  'newman',
  'openapi-generator',
  'openapi-generator-cli',
  'packer',
  'playwright',
  'prettier',
  'protoc',
  'pytest',
  'ruff',
  'shellcheck',
  'sphinx-build',
  'swagger-codegen',
  'terraform',
  'tflint',
  'tox',
  'vitest',
]);
/** Subcommands that make a general program a one-off tool run: `npm test`, `go test`, `cypress run`. */
const TOOL_ARGUMENTS = new Set(['test', 'lint', 'generate', 'e2e']);

const purposes = new WeakMap<DockerfileFile, ImagePurpose>();

export function imagePurpose(file: DockerfileFile): ImagePurpose {
  let purpose = purposes.get(file);
  if (!purpose) {
    purpose = purposeOf(file);
    purposes.set(file, purpose);
  }
  return purpose;
}

function purposeOf(file: DockerfileFile): ImagePurpose {
  const final = file.dockerfile.finalStage;
  if (!final) return 'unknown';
  if (isFilesOnlyStage(final)) return 'artifacts';
  if (file.dockerfile.exposedPorts.length > 0) return 'service';
  const words = containerCommand(file).filter((word): word is string => word !== undefined);
  // `python -m pytest`, `npx cypress run`, `bundle exec puma`: the program, and the words that name what it runs.
  const named = words
    .filter((word) => !word.startsWith('-'))
    .slice(0, 3)
    .map(programName);
  if (named.some((name) => SERVERS.has(name))) return 'service';
  if (named.some((name) => TOOLS.has(name))) return 'tool';
  if (named.slice(1).some((name) => TOOL_ARGUMENTS.has(name))) return 'tool';
  if (named.slice(1).some((name) => SERVING_ARGUMENTS.has(name) || SERVER_SCRIPTS.has(name))) return 'service';
  return 'unknown';
}

/** `/usr/local/bin/gunicorn` → `gunicorn`, `server.js` → `server`, `app.jar` → `app`. */
function programName(word: string): string {
  return basename(word).replace(/\.(?:js|mjs|cjs|ts|py|rb|jar|php)$/, '');
}

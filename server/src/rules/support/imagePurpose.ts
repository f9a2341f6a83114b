import type { DockerfileFile } from '../../parsing/containerFile';
import { basename } from '../../parsing/shellScript';
import { contextSources } from './buildContext';
import { instructionsNamed, isFilesOnlyStage, stageChain } from './dockerfile';
import { interactiveProgram } from './interactiveImage';
import { containerCommand, startedCommand } from './processCommand';

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
 *   A final stage named for a check (`test`, `lint`, `validate-docs`, `ci`) is a tool too: a CI target, not a
 *   shipped image;
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

/** Scripts and programs whose name says they serve: `node server.js`, `python app.py`, `java -jar api.jar`, `/app/server`. */
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
  'tests',
  'tflint',
  'tox',
  'vitest',
]);
/** Subcommands that make a general program a one-off tool run: `npm test`, `go test`, `cypress run`. */
const TOOL_ARGUMENTS = new Set(['test', 'lint', 'generate', 'e2e']);
/** Final stage names of CI targets: `FROM base AS validate-toc`, `AS test`, `AS lint`. */
const CHECK_STAGE = /^(?:test|tests|lint|validate|check|ci|e2e|unit-tests?|integration-tests?)(?:-[\w.-]+)?$/;

/** Language runtimes: `python main.py`, `dotnet Worker.dll`, `java -jar app.jar` run an application of the image's own. */
const RUNTIMES = new Set(['node', 'nodejs', 'python', 'python2', 'python3', 'pypy', 'pypy3', 'java', 'dotnet', 'ruby', 'php', 'deno', 'bun', 'perl']);
/** Programs that run unattended without serving: queue workers. */
const WORKERS = new Set(['celery', 'rq', 'sidekiq', 'dramatiq', 'huey']);

/**
 * Daemons that need root in the container, whatever USER says: Docker in Docker, containerd, BuildKit, NFS servers,
 * virtual machines. They run privileged (`--privileged`, host mounts); their rootless variants are other images.
 */
const ROOT_DAEMONS =
  /^(?:dockerd|dockerd-entrypoint\.sh|containerd|buildkitd|buildkitd-entrypoint\.sh|rpc\.nfsd|run_nfs(?:\.sh)?|libvirtd|qemu-system-[\w-]+)$/;

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
  if (final.name !== undefined && CHECK_STAGE.test(final.name)) return 'tool';
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
  // A program of the image's own named for what it does: `/usr/local/bin/server`, `/app/api`.
  if (named[0] !== undefined && SERVER_SCRIPTS.has(named[0])) return 'service';
  return 'unknown';
}

/**
 * Whether the final image runs unattended: a service, or an application of its own through a language runtime
 * (`python worker.py`, `dotnet Worker.dll`) or a queue worker (`celery -A app worker`), rather than a tool someone
 * runs or a base for other images.
 */
export function runsUnattended(file: DockerfileFile): boolean {
  const purpose = imagePurpose(file);
  if (purpose !== 'unknown') return purpose === 'service';
  const [program, ...args] = containerCommand(file);
  // No command of its own, but the application's files: the command comes from compose's `command:` or a pod's `args`.
  if (program === undefined) return copiesFromContext(file);
  const name = programName(program).replace(/[\d.]+$/, '');
  if (WORKERS.has(name)) return true;
  return RUNTIMES.has(name) && args.some((arg) => arg !== undefined && !arg.startsWith('-'));
}

/**
 * Whether the final image is a base for other images or an environment to work in: it starts a shell or a language's
 * REPL, or nothing of its own while holding no files from the build context (the official language images).
 */
export function isBaseImage(file: DockerfileFile): boolean {
  return interactiveProgram(file) !== undefined || (containerCommand(file).length === 0 && !copiesFromContext(file));
}

function copiesFromContext(file: DockerfileFile): boolean {
  const final = file.dockerfile.finalStage;
  if (!final) return false;
  const chain = new Set(stageChain(final));
  return contextSources(file).some((source) => chain.has(source.copy.stage));
}

/** The daemon needing root that the final image starts (`dockerd-entrypoint.sh`, `containerd`), if any. */
export function rootDaemon(file: DockerfileFile): string | undefined {
  const final = file.dockerfile.finalStage;
  if (!final) return undefined;
  const started = stageChain(final)
    .flatMap((stage) => instructionsNamed(stage, 'ENTRYPOINT', 'CMD'))
    .flatMap((instruction) => startedCommand(file, instruction)?.words.slice(0, 1) ?? []);
  return started.map((word) => (word === undefined ? undefined : basename(word))).find((name) => name !== undefined && ROOT_DAEMONS.test(name));
}

/** `/usr/local/bin/gunicorn` → `gunicorn`, `server.js` → `server`, `app.jar` → `app`, `tests.sh` → `tests`. */
function programName(word: string): string {
  return basename(word).replace(/\.(?:js|mjs|cjs|ts|py|rb|jar|php|sh)$/, '');
}

import type { ScaffoldOptions, StackFacts } from '../types';
import { pinnedImage } from './images';

/** The uid the final stage runs as where the base image ships no non-root user of its own. */
export const APP_UID = 10001;

/** The numeric user each stack's final stage runs as (Kubernetes' `runAsUser` repeats it). */
export function runtimeUid(facts: StackFacts): number {
  switch (facts.stack) {
    case 'node':
      return 1000;
    case 'dotnet':
      return 1654;
    case 'go':
      return 65532;
    case 'static':
      return 101;
    default:
      return APP_UID;
  }
}

const HEADER = [
  '# syntax=docker/dockerfile:1',
  '# Multi-stage build: dependencies and build tools stay in the builder stages; the final stage holds only what runs.',
];

/** The Dockerfile of a stack: builder stages, a `development` stage (Compose's target) and a minimal final stage. */
export function renderDockerfile(facts: StackFacts, options: ScaffoldOptions): string {
  const stages = STAGES[facts.stack](facts, options);
  if (options.targets.includes('ecs')) stages.push(withEcsVolumeLines(stages.pop() ?? '', facts));
  return `${[...HEADER, '', ...stages.join('\n\n').split('\n')].join('\n')}\n`;
}

/**
 * Where the app writes at run time, so that the orchestrators mount something writable there under a read-only root
 * filesystem: /tmp, and Rails' tmp/ of the app.
 */
export function writablePaths(facts: StackFacts): string[] {
  return facts.rails ? ['/tmp', '/app/tmp'] : ['/tmp'];
}

/**
 * A Fargate task volume mounted on a path starts empty, owned by root with mode 0755, unless the image declares the
 * path as a VOLUME: its content, owner and mode are then copied into it (Amazon ECS developer guide, "Use bind mounts
 * with Amazon ECS", considerations). Declared before the final stage's USER, so the non-root user can write there.
 */
export const ECS_VOLUME_COMMENT = '# ECS on Fargate fills its task volumes on these paths from the image (owner and mode included), so they stay writable.';

function withEcsVolumeLines(finalStage: string, facts: StackFacts): string {
  const lines = finalStage.split('\n');
  let at = lines.length - 1 - [...lines].reverse().findIndex((line) => line.startsWith('USER '));
  // Above the USER line's own comment.
  if (lines[at - 1]?.startsWith('#')) at--;
  lines.splice(at, 0, ECS_VOLUME_COMMENT, `VOLUME ${jsonArray(writablePaths(facts))}`);
  return lines.join('\n');
}

type StageRenderer = (facts: StackFacts, options: ScaffoldOptions) => string[];

const STAGES: Readonly<Record<StackFacts['stack'], StageRenderer>> = {
  node: nodeStages,
  python: pythonStages,
  go: goStages,
  java: javaStages,
  dotnet: dotnetStages,
  ruby: rubyStages,
  static: staticStages,
};

function lines(...parts: (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

/**
 * The command the final stage's HEALTHCHECK runs (the ECS task definition repeats it): it opens the port, which works
 * for any server until it has a health endpoint. Undefined for Go, whose distroless image has no client to probe with.
 */
export function healthcheckCommand(facts: StackFacts, options: ScaffoldOptions): string[] | undefined {
  const port = options.port;
  switch (facts.stack) {
    case 'node':
      return ['node', '-e', `require('node:net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`];
    case 'python':
      return ['python', '-c', `import socket; socket.create_connection(('127.0.0.1', ${port}), 2).close()`];
    case 'java':
    case 'dotnet':
      return ['nc', '-z', '127.0.0.1', String(port)];
    case 'ruby':
      return ['ruby', '-rsocket', '-e', `TCPSocket.new('127.0.0.1', ${port}).close`];
    case 'static':
      return ['wget', '--quiet', '--spider', `http://127.0.0.1:${port}/`];
    case 'go':
      return undefined;
  }
}

/** The final stage's HEALTHCHECK in exec form. */
function healthcheck(facts: StackFacts, options: ScaffoldOptions): string {
  const command = healthcheckCommand(facts, options);
  if (!command) throw new Error(`The ${facts.stack} template has no health check command`);
  return `# Probes the port; point it at a health endpoint once the app has one.\nHEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ${jsonArray(command)}`;
}

function exec(instruction: 'CMD' | 'ENTRYPOINT', command: readonly string[], why = 'Exec form: the process is PID 1 and receives SIGTERM itself.'): string {
  return `# ${why}\n${instruction} ${jsonArray(command)}`;
}

function jsonArray(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

function nodeInstall(facts: StackFacts, production: boolean): { copy: string; run: string } {
  switch (facts.packageManager) {
    case 'pnpm':
      return {
        copy: 'COPY package.json pnpm-lock.yaml ./',
        run: `# pnpm comes with corepack; --frozen-lockfile installs exactly the lockfile.\nRUN corepack enable && pnpm install --frozen-lockfile${production ? ' --prod' : ''}`,
      };
    case 'yarn':
      return {
        copy: `COPY package.json yarn.lock${facts.yarnBerry ? ' .yarnrc.yml' : ''} ./`,
        run: facts.yarnBerry
          ? `# yarn comes with corepack; --immutable installs exactly the lockfile.\nRUN corepack enable && yarn install --immutable${production ? ' && yarn workspaces focus --all --production' : ''} && yarn cache clean --all`
          : `# --frozen-lockfile installs exactly the lockfile.\nRUN yarn install --frozen-lockfile${production ? ' --production' : ''} && yarn cache clean`,
      };
    default:
      return { copy: 'COPY package.json package-lock.json ./', run: `# npm ci installs exactly the lockfile.\nRUN npm ci${production ? ' --omit=dev' : ''}` };
  }
}

function nodeImage(facts: StackFacts): string {
  return pinnedImage('node', '{tag}-slim', facts.nodeMajor);
}

function nodeStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const image = nodeImage(facts);
  const production = nodeInstall(facts, true);
  const all = nodeInstall(facts, false);
  const buildScript = facts.packageManager === 'npm' ? 'npm run build' : `${facts.packageManager} run build`;
  const run = ['node', options.entry];
  return [
    lines(
      '# Production dependencies first: this layer is rebuilt only when the manifest or lockfile changes.',
      `FROM ${image} AS deps`,
      'WORKDIR /app',
      production.copy,
      production.run,
    ),
    lines(
      '# All dependencies and the source, for the build and for local development.',
      `FROM ${image} AS build`,
      'WORKDIR /app',
      all.copy,
      all.run,
      'COPY . .',
      facts.hasBuildScript && `RUN ${facts.packageManager === 'npm' ? buildScript : `corepack enable && ${buildScript}`}`,
    ),
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      'ENV NODE_ENV=development',
      `USER ${runtimeUid(facts)}`,
      `EXPOSE ${options.port}`,
      exec('CMD', ['node', '--watch', options.entry]),
    ),
    lines(
      '# The slim image: no compilers or package caches in production.',
      `FROM ${image} AS runtime`,
      'ENV NODE_ENV=production',
      'WORKDIR /app',
      'COPY --from=deps /app/node_modules ./node_modules',
      facts.hasBuildScript ? 'COPY --from=build /app/package.json ./\nCOPY --from=build /app/dist ./dist' : 'COPY . .',
      '# The node user of the official image, by uid so Kubernetes can verify it is not root.',
      `USER ${runtimeUid(facts)}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', run, "Exec form, so node gets SIGTERM itself; as PID 1 it stops only through a handler: process.on('SIGTERM', …) closing the server."),
    ),
  ];
}

const PYTHON_ENV = 'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1';

function pythonStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const image = pinnedImage('python', '{tag}-slim');
  const venv = facts.packageManager === 'poetry' ? '/app/.venv' : '/opt/venv';
  const install: Record<string, string> = {
    pip: lines(
      'RUN python -m venv /opt/venv',
      'COPY requirements.txt ./',
      '# --no-cache-dir keeps the wheel cache out of the layer.',
      'RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt',
    ),
    poetry: lines(
      '# Poetry itself is pinned; the project virtualenv goes to /app/.venv.',
      'ENV POETRY_VIRTUALENVS_IN_PROJECT=true POETRY_NO_INTERACTION=1',
      'RUN pip install --no-cache-dir poetry==2.2.1',
      'COPY pyproject.toml poetry.lock ./',
      'RUN poetry install --only main --no-root',
    ),
    uv: lines(
      '# uv from its pinned image; --locked installs exactly uv.lock.',
      'COPY --from=ghcr.io/astral-sh/uv:0.9 /uv /usr/local/bin/uv',
      'ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/opt/venv',
      'COPY pyproject.toml uv.lock ./',
      'RUN uv sync --locked --no-dev --no-install-project',
    ),
  };
  return [
    lines(
      '# Dependencies into a virtualenv first: rebuilt only when the requirements change.',
      `FROM ${image} AS build`,
      PYTHON_ENV,
      'WORKDIR /app',
      install[facts.packageManager] ?? install.pip,
    ),
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      `ENV PATH="${venv}/bin:$PATH"`,
      'COPY . .',
      `USER ${APP_UID}`,
      `EXPOSE ${options.port}`,
      exec('CMD', ['python', options.entry]),
    ),
    lines(
      '# The slim image with the virtualenv and the source only.',
      `FROM ${image} AS runtime`,
      PYTHON_ENV,
      `ENV PATH="${venv}/bin:$PATH"`,
      'WORKDIR /app',
      `COPY --from=build ${venv} ${venv}`,
      'COPY . .',
      '# A numeric non-root user: the image has none of its own.',
      `USER ${APP_UID}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', ['python', options.entry]),
    ),
  ];
}

function goStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  return [
    lines(
      '# Modules first: downloaded again only when go.mod or go.sum change.',
      `FROM ${pinnedImage('golang')} AS build`,
      'WORKDIR /src',
      'COPY go.* ./',
      'RUN go mod download',
      'COPY . .',
      '# A static binary, so the final stage needs no libc.',
      `RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ${options.entry}`,
    ),
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      `EXPOSE ${options.port}`,
      exec('CMD', ['go', 'run', options.entry]),
    ),
    lines(
      '# Distroless: no shell or package manager, and the nonroot user (65532).',
      'FROM gcr.io/distroless/static-debian12:nonroot AS runtime',
      'COPY --from=build /out/app /app',
      `USER ${runtimeUid(facts)}:${runtimeUid(facts)}`,
      `EXPOSE ${options.port}`,
      '# Distroless has no client to probe with: the orchestrator probes the port instead.',
      'HEALTHCHECK NONE',
      exec('ENTRYPOINT', ['/app']),
    ),
  ];
}

function javaStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const build =
    facts.packageManager === 'gradle'
      ? lines(
          `FROM ${pinnedImage('gradle')} AS build`,
          'WORKDIR /src',
          'COPY build.gradle* settings.gradle* ./',
          'RUN gradle --no-daemon --quiet dependencies',
          'COPY src ./src',
          '# The runnable jar (not the -plain one) becomes /out/app.jar.',
          "RUN gradle --no-daemon --quiet build -x test && mkdir -p /out && find build/libs -name '*.jar' ! -name '*-plain.jar' -exec cp {} /out/app.jar \\;",
        )
      : lines(
          `FROM ${pinnedImage('maven')} AS build`,
          'WORKDIR /src',
          'COPY pom.xml ./',
          'RUN mvn -B -q dependency:go-offline',
          'COPY src ./src',
          'RUN mvn -B -q package -DskipTests && mkdir -p /out && cp target/*.jar /out/app.jar',
        );
  const run = ['java', '-XX:MaxRAMPercentage=75', '-jar', `/app/${options.entry}`];
  return [
    `# Dependencies first: resolved again only when the build file changes.\n${build}`,
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      `RUN mkdir -p /app && cp /out/app.jar /app/${options.entry}`,
      `EXPOSE ${options.port}`,
      exec('CMD', run),
    ),
    lines(
      '# A JRE, not a JDK, on Alpine: no compiler in production.',
      `FROM ${pinnedImage('eclipse-temurin', '{tag}-alpine', '21-jre')} AS runtime`,
      'WORKDIR /app',
      `COPY --from=build /out/app.jar ./${options.entry}`,
      '# A numeric non-root user: the image has none of its own.',
      `USER ${APP_UID}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', run),
    ),
  ];
}

function dotnetStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const project = facts.projectFile ?? 'App.csproj';
  return [
    lines(
      '# Restore first: repeated only when the project file changes.',
      `FROM ${pinnedImage('mcr.microsoft.com/dotnet/sdk')} AS build`,
      'WORKDIR /src',
      `COPY ${project} ./`,
      `RUN dotnet restore ${project}`,
      'COPY . .',
      `RUN dotnet publish ${project} -c Release -o /out --no-restore`,
    ),
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      `ENV ASPNETCORE_HTTP_PORTS=${options.port}`,
      `EXPOSE ${options.port}`,
      exec('CMD', ['dotnet', 'watch', 'run', '--project', project, '--no-launch-profile']),
    ),
    lines(
      '# The ASP.NET runtime on Alpine: no SDK in production.',
      `FROM ${pinnedImage('mcr.microsoft.com/dotnet/aspnet', '{tag}-alpine')} AS runtime`,
      'WORKDIR /app',
      'COPY --from=build /out ./',
      `ENV ASPNETCORE_HTTP_PORTS=${options.port}`,
      '# The app user of the .NET images, by uid.',
      `USER ${runtimeUid(facts)}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', ['dotnet', options.entry]),
    ),
  ];
}

function rubyStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const run = facts.rails
    ? ['bin/rails', 'server', '--binding', '0.0.0.0', '--port', String(options.port)]
    : ['bundle', 'exec', 'rackup', options.entry, '--host', '0.0.0.0', '--port', String(options.port)];
  return [
    lines(
      '# The full image has the compilers native gems need; gems install before the source is copied.',
      `FROM ${pinnedImage('ruby')} AS build`,
      'WORKDIR /app',
      'ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test',
      'COPY Gemfile Gemfile.lock ./',
      'RUN bundle install',
      'COPY . .',
      facts.rails &&
        '# Rails writes to tmp, log and storage at run time.\nRUN SECRET_KEY_BASE_DUMMY=1 bin/rails assets:precompile && mkdir -p tmp log storage && chown -R 10001:10001 tmp log storage',
    ),
    lines(
      '# Compose builds this stage for local development.',
      'FROM build AS development',
      'ENV BUNDLE_WITHOUT=""',
      'RUN bundle install',
      `EXPOSE ${options.port}`,
      exec('CMD', run),
    ),
    lines(
      '# The slim image with the installed gems and the app.',
      `FROM ${pinnedImage('ruby', '{tag}-slim')} AS runtime`,
      'WORKDIR /app',
      'ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test',
      'COPY --from=build /usr/local/bundle /usr/local/bundle',
      'COPY --from=build /app /app',
      '# A numeric non-root user: the image has none of its own.',
      `USER ${APP_UID}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', run),
    ),
  ];
}

function staticStages(facts: StackFacts, options: ScaffoldOptions): string[] {
  const server = (stage: string, comment: string) =>
    lines(
      comment,
      `FROM ${pinnedImage('nginxinc/nginx-unprivileged', '{tag}-alpine')} AS ${stage}`,
      facts.hasBuildScript ? 'COPY --from=build /app/dist /usr/share/nginx/html' : 'COPY . /usr/share/nginx/html',
      '# The nginx user of the unprivileged image, by uid; it listens on 8080.',
      `USER ${runtimeUid(facts)}`,
      `EXPOSE ${options.port}`,
      healthcheck(facts, options),
      exec('CMD', ['nginx', '-g', 'daemon off;']),
    );
  const build = facts.hasBuildScript
    ? [
        lines(
          '# The site is built with its own lockfile install; only dist/ reaches the final stage.',
          `FROM ${pinnedImage('node', '{tag}-slim')} AS build`,
          'WORKDIR /app',
          nodeInstall(facts, false).copy,
          nodeInstall(facts, false).run,
          'COPY . .',
          `RUN ${facts.packageManager === 'npm' ? 'npm run build' : `corepack enable && ${facts.packageManager} run build`}`,
        ),
      ]
    : [];
  return [...build, server('development', '# Compose builds this stage for local development.'), server('runtime', '# An nginx that runs as non-root.')];
}

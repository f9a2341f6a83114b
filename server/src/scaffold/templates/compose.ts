import type { ScaffoldOptions, StackFacts } from '../types';
import { BACKING_SERVICE_SPECS } from './services';

const RESOURCE_LIMITS = ['    deploy:', '      resources:', '        limits:', "          cpus: '1'", '          memory: 512M'];

function flow(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** compose.yaml: the app from the Dockerfile's `development` stage and the chosen databases and caches. */
export function renderCompose(facts: StackFacts, options: ScaffoldOptions): string {
  const out = [
    '# Local development: docker compose up --build',
    `name: ${facts.name}`,
    '',
    'services:',
    '  app:',
    '    build:',
    '      context: .',
    '      target: development',
  ];
  out.push('    # Bound to 127.0.0.1: reachable from this machine only.', '    ports:', `      - '127.0.0.1:${options.port}:${options.port}'`);
  if (options.services.length) {
    out.push('    # Secrets come from .env (see .env.example), never from this file.', '    environment:');
    for (const service of options.services) out.push(`      ${BACKING_SERVICE_SPECS[service].urlVariable}: ${BACKING_SERVICE_SPECS[service].composeUrl}`);
    out.push('    depends_on:');
    for (const service of options.services) out.push(`      ${service}:`, '        condition: service_healthy');
  }
  if (facts.stack === 'node') out.push('    # node as PID 1 ignores SIGTERM without a handler; tini forwards it.', '    init: true');
  out.push(...RESOURCE_LIMITS);
  for (const service of options.services) {
    const spec = BACKING_SERVICE_SPECS[service];
    out.push('', `  ${service}:`, `    image: ${spec.image}`);
    const environment = Object.entries(spec.environment);
    if (environment.length) {
      out.push('    environment:');
      for (const [name, value] of environment) out.push(`      ${name}: ${value}`);
    }
    out.push(
      '    healthcheck:',
      `      test: ${flow(spec.healthcheck)}`,
      '      interval: 10s',
      '      timeout: 5s',
      '      retries: 5',
      '      start_period: 30s',
    );
    out.push('    volumes:', `      - ${service}-data:${spec.dataPath}`, ...RESOURCE_LIMITS);
  }
  if (options.services.length) {
    out.push('', 'volumes:');
    for (const service of options.services) out.push(`  ${service}-data:`);
  }
  return `${out.join('\n')}\n`;
}

/** `.env.example`: the variables compose.yaml needs, to copy to `.env` (which .dockerignore and .gitignore keep out). */
export function renderEnvExample(options: ScaffoldOptions): string | undefined {
  const secrets = options.services.flatMap((service) => BACKING_SERVICE_SPECS[service].secrets);
  if (!secrets.length) return undefined;
  return `${['# Copy to .env and set real values; .env is never committed or copied into the image.', ...secrets.map((name) => `${name}=`)].join('\n')}\n`;
}

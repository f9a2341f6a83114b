// The Compose benchmark's inputs: generated compose files of realistic services at several sizes, the real-world
// corpus read as it is, and the edits replayed on the generated files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export interface BenchInput {
  name: string;
  text: string;
  lines: number;
  services: number;
}

export interface CorpusFile {
  /** Relative to the corpus folder, e.g. `docker_awesome-compose/flask_compose.yaml`. */
  path: string;
  text: string;
}

/** Generated files up to 1,000 lines (the edit target applies to them), plus the 200-service file. */
export function generatedInputs(): BenchInput[] {
  return [...[120, 400, 1_000].map((lines, index) => inputOfAboutLines(['small', 'medium', 'large'][index]!, lines)), composeInput('services-200', 200)];
}

function composeInput(name: string, services: number): BenchInput {
  const text = composeFile(services);
  return { name, text, lines: countLines(text), services };
}

/** The largest generated file that stays within `maxLines`. */
function inputOfAboutLines(name: string, maxLines: number): BenchInput {
  let best = composeInput(name, 1);
  for (let services = 2; ; services++) {
    const next = composeInput(name, services);
    if (next.lines > maxLines) return best;
    best = next;
  }
}

/** The corpus's files in a fixed order, or undefined when the folder is absent. */
export function corpusFiles(corpusDir: string): CorpusFile[] | undefined {
  if (!existsSync(corpusDir)) return undefined;
  const files: CorpusFile[] = [];
  for (const repo of readdirSync(corpusDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(corpusDir, repo.name))) {
      const path = `${repo.name}/${file}`;
      files.push({ path, text: readFileSync(join(corpusDir, path), 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

interface Role {
  kind: string;
  /** The suffix of the named volume the service mounts, declared at the top level. */
  namedVolume?: string;
  lines: (name: string, index: number) => string[];
}

const pad = (index: number) => String(index).padStart(3, '0');

/** Every service has a health check, resources, a restart policy, volumes and networks; roles vary the rest. */
const ROLES: Role[] = [
  {
    kind: 'web',
    lines: (name, index) => [
      // Every tenth image is untagged and every fourth port listens on all interfaces: real files have such lapses.
      `    image: ${index % 10 === 0 ? 'nginx' : 'nginx:1.27-alpine'}`,
      '    ports:',
      `      - "${index % 4 === 0 ? '' : '127.0.0.1:'}${10_000 + index}:80"`,
      '    volumes:',
      `      - ./nginx/${name}.conf:/etc/nginx/conf.d/default.conf:ro`,
      '    environment:',
      '      LOG_LEVEL: info',
      `      UPSTREAM: http://api-${pad(index + 1)}:3000`,
      '    healthcheck:',
      '      test: ["CMD", "wget", "-qO-", "http://localhost/healthz"]',
    ],
  },
  {
    kind: 'api',
    namedVolume: 'uploads',
    lines: (name, index) => [
      '    build:',
      `      context: ./services/${name}`,
      '      dockerfile: Dockerfile',
      '      args:',
      '        NODE_VERSION: "20"',
      `    image: registry.example.com/shop/${name}:1.4.${index}`,
      '    ports:',
      `      - "127.0.0.1:${10_000 + index}:3000"`,
      '    environment:',
      '      NODE_ENV: production',
      '      LOG_LEVEL: info',
      `      DATABASE_URL: postgres://shop@db-${pad(index + 2)}:5432/shop`,
      `      REDIS_URL: redis://cache-${pad(index + 3)}:6379/0`,
      '    volumes:',
      `      - ${name}-uploads:/app/uploads`,
      '    healthcheck:',
      '      test: ["CMD", "node", "dist/healthcheck.js"]',
    ],
  },
  {
    kind: 'worker',
    lines: (name, index) => [
      `    build: ./services/${name}`,
      `    image: registry.example.com/shop/${name}:2.0.${index}`,
      '    command: ["python", "-m", "shop.worker", "--concurrency", "4"]',
      '    environment:',
      '      - LOG_LEVEL=info',
      `      - BROKER_URL=amqp://shop@queue-${pad(index + 3)}:5672/`,
      '    volumes:',
      `      - ./config/${name}.toml:/etc/shop/worker.toml:ro`,
      '    healthcheck:',
      '      test: ["CMD-SHELL", "python -m shop.worker --ping || exit 1"]',
    ],
  },
  {
    kind: 'db',
    namedVolume: 'data',
    lines: (name) => [
      '    image: postgres:16.4-alpine',
      '    environment:',
      '      POSTGRES_USER: shop',
      '      POSTGRES_DB: shop',
      '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
      '    secrets:',
      '      - db_password',
      '    volumes:',
      `      - ${name}-data:/var/lib/postgresql/data`,
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U shop -d shop"]',
    ],
  },
  {
    kind: 'cache',
    namedVolume: 'data',
    lines: (name, index) => [
      `    image: ${index % 10 === 4 ? 'redis' : 'redis:7.2-alpine'}`,
      '    command: ["redis-server", "--appendonly", "yes"]',
      '    volumes:',
      `      - ${name}-data:/data`,
      '    healthcheck:',
      '      test: ["CMD", "redis-cli", "ping"]',
    ],
  },
  {
    kind: 'queue',
    namedVolume: 'data',
    lines: (name, index) => [
      '    image: rabbitmq:3.13-management-alpine',
      '    ports:',
      `      - "127.0.0.1:${20_000 + index}:15672"`,
      '    environment:',
      '      RABBITMQ_DEFAULT_USER: shop',
      '    volumes:',
      `      - ${name}-data:/var/lib/rabbitmq`,
      '    healthcheck:',
      '      test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]',
    ],
  },
];

/** A compose file of `count` services of rotating roles, each depending on the one or two before it. */
export function composeFile(count: number): string {
  const names = Array.from({ length: count }, (_, index) => `${ROLES[index % ROLES.length]!.kind}-${pad(index)}`);
  const volumes: string[] = [];
  const lines = ['name: shop', '', 'services:'];
  names.forEach((name, index) => {
    const role = ROLES[index % ROLES.length]!;
    const dependsOn = names.slice(Math.max(0, index - 2), index);
    lines.push(`  ${name}:`, ...role.lines(name, index));
    lines.push('      interval: 30s', '      timeout: 5s', '      retries: 3', `      start_period: ${10 + (index % 3) * 10}s`);
    if (dependsOn.length > 0) {
      lines.push('    depends_on:');
      for (const dependency of dependsOn) lines.push(`      ${dependency}:`, '        condition: service_healthy');
    }
    lines.push('    restart: unless-stopped', '    networks:', `      - ${role.kind === 'web' ? 'frontend' : 'backend'}`);
    lines.push('    deploy:', '      resources:', '        limits:', `          cpus: "${['0.25', '0.50', '1.00'][index % 3]}"`);
    lines.push(`          memory: ${[128, 256, 512][index % 3]}M`, '        reservations:', `          memory: ${[64, 128, 256][index % 3]}M`, '');
    if (role.namedVolume) volumes.push(`  ${name}-${role.namedVolume}: {}`);
  });
  lines.push('networks:', '  frontend: {}', '  backend: {}', '');
  if (volumes.length > 0) lines.push('volumes:', ...volumes, '');
  if (names.some((name) => name.startsWith('db-'))) lines.push('secrets:', '  db_password:', '    file: ./secrets/db_password.txt', '');
  return `${lines.join('\n').trimEnd()}\n`;
}

export function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * A cycle of eight small edits, from the middle of the file on, each pair restoring the text: type a character at
 * the end of an environment value and delete it; change an image tag to `latest` and back; add a published port
 * line and remove it; type the start of a new key (`deplo`, not yet valid YAML) and remove it. Applied in order,
 * the text returns to the original every eight edits.
 */
export function editCycle(text: string): TextDocumentContentChangeEvent[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const at = (line: number, character: number) => ({ line, character });
  const range = (line: number, start: number, end: number): Range => ({ start: at(line, start), end: at(line, end) });
  const find = (pattern: RegExp, what: string) => {
    const index = firstIndex(lines, middle, (line) => pattern.test(line));
    if (index === undefined) throw new Error(`the input has no ${what} to edit`);
    return { index, match: pattern.exec(lines[index]!)! };
  };

  const logLevel = find(/^\s+-?\s*LOG_LEVEL[:=]\s*\w+$/, 'LOG_LEVEL line');
  const end = lines[logLevel.index]!.length;
  const image = find(/^(\s+image:\s+[\w./-]+:)([\w][\w.-]*)$/, 'tagged image');
  const tagStart = image.match[1]!.length;
  const tag = image.match[2]!;
  const ports = find(/^\s+ports:$/, 'ports list');
  const portLine = `${lines[ports.index + 1]!.match(/^\s*/)![0]}- "127.0.0.1:19999:9999"\n`;
  const restart = find(/^\s+restart:/, 'restart line');
  const keyLine = `${lines[restart.index]!.match(/^\s*/)![0]}deplo\n`;
  const lineStart = (line: number) => range(line, 0, 0);
  return [
    { range: range(logLevel.index, end, end), text: 'x' },
    { range: range(logLevel.index, end, end + 1), text: '' },
    { range: range(image.index, tagStart, tagStart + tag.length), text: 'latest' },
    { range: range(image.index, tagStart, tagStart + 'latest'.length), text: tag },
    { range: lineStart(ports.index + 1), text: portLine },
    { range: { start: at(ports.index + 1, 0), end: at(ports.index + 2, 0) }, text: '' },
    { range: lineStart(restart.index + 1), text: keyLine },
    { range: { start: at(restart.index + 1, 0), end: at(restart.index + 2, 0) }, text: '' },
  ];
}

/** The first line index from `from` on (wrapping around) that satisfies `test`. */
function firstIndex(lines: readonly string[], from: number, test: (line: string) => boolean): number | undefined {
  for (let offset = 0; offset < lines.length; offset++) {
    const index = (from + offset) % lines.length;
    if (test(lines[index] as string)) return index;
  }
  return undefined;
}

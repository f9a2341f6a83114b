import type { ImageReference } from '../parsing/imageReference';
import { canonicalRepository } from './images';

/**
 * What compose rules know about the images services commonly run (documented in images.md): the ports they listen
 * on, whether the image declares its own HEALTHCHECK (Compose uses it when the service sets none), and a probe
 * built from tools the image ships, for healthcheck fixes. Docker's official images deliberately ship no
 * HEALTHCHECK, so the few images that do are third-party ones.
 */
export interface ServiceImage {
  /** Repositories as written in `image:`, without `docker.io/` or `library/`. */
  repositories: readonly string[];
  /** TCP ports the service listens on by default, main one first. */
  ports: readonly number[];
  shipsHealthcheck?: boolean;
  /** The healthcheck `test` (exec form) that probes the service with the image's own tools. */
  probe?: (service: ServiceSettings) => string[];
}

/** What a probe may depend on. */
export interface ServiceSettings {
  /** A variable of the service's environment as shell text for the probe command; undefined when unset. */
  environment(name: string): string | undefined;
  /** The image tag, when one is written. */
  tag?: string;
}

/** Most servers answer any HTTP request once they are up, so any response (even 404) counts as ready. */
const httpProbe = (tool: 'curl' | 'wget', url: string) => (): string[] =>
  tool === 'curl' ? ['CMD', 'curl', '-sS', '-o', '/dev/null', url] : ['CMD', 'wget', '-q', '--spider', url];

const SERVICE_IMAGES: readonly ServiceImage[] = [
  {
    repositories: ['postgres', 'postgis/postgis', 'timescale/timescaledb', 'pgvector/pgvector'],
    ports: [5432],
    // Without -U, pg_isready connects as root, a role that does not exist: harmless, but logged on every probe.
    probe: ({ environment }) => {
      const user = environment('POSTGRES_USER') ?? 'postgres';
      const database = environment('POSTGRES_DB');
      return ['CMD-SHELL', `pg_isready -U ${user}${database ? ` -d ${database}` : ''}`];
    },
  },
  // Over TCP: while the entrypoint initialises the database, a temporary server listens on the socket only.
  { repositories: ['mysql', 'percona', 'percona/percona-server'], ports: [3306], probe: () => ['CMD', 'mysqladmin', 'ping', '-h', '127.0.0.1'] },
  // MariaDB 11 images dropped the mysql* commands; their own script also waits for InnoDB to finish starting.
  { repositories: ['mariadb'], ports: [3306], probe: () => ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'] },
  { repositories: ['redis', 'redis/redis-stack-server', 'eqalpha/keydb'], ports: [6379], probe: () => ['CMD', 'redis-cli', 'ping'] },
  { repositories: ['valkey/valkey'], ports: [6379], probe: () => ['CMD', 'valkey-cli', 'ping'] },
  {
    repositories: ['mongo'],
    ports: [27017],
    // mongosh replaced the mongo shell in MongoDB 5; 6 and later have only mongosh.
    probe: ({ tag }) => ['CMD', tag !== undefined && /^[34](?:\.|$)/.test(tag) ? 'mongo' : 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
  },
  { repositories: ['rabbitmq'], ports: [5672, 15672], probe: () => ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'] },
  {
    repositories: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'],
    ports: [9200, 9300],
    // Version 8 serves HTTPS with authentication by default, older ones and `xpack.security.enabled=false` plain HTTP.
    probe: () => ['CMD-SHELL', 'curl -s -o /dev/null http://127.0.0.1:9200 || curl -sk -o /dev/null https://127.0.0.1:9200'],
  },
  { repositories: ['nginx'], ports: [80], probe: httpProbe('curl', 'http://127.0.0.1:80/') },
  { repositories: ['nginxinc/nginx-unprivileged'], ports: [8080], probe: httpProbe('curl', 'http://127.0.0.1:8080/') },
  // Built on busybox, which has wget.
  { repositories: ['prom/prometheus', 'quay.io/prometheus/prometheus'], ports: [9090], probe: httpProbe('wget', 'http://127.0.0.1:9090/-/ready') },
  { repositories: ['minio/minio', 'quay.io/minio/minio'], ports: [9000, 9001], probe: () => ['CMD', 'mc', 'ready', 'local'] },
  { repositories: ['memcached'], ports: [11211] },
  { repositories: ['httpd'], ports: [80] },
  { repositories: ['caddy'], ports: [80, 443] },
  { repositories: ['traefik'], ports: [80, 443, 8080] },
  { repositories: ['grafana/grafana', 'grafana/grafana-oss'], ports: [3000] },
  { repositories: ['mcr.microsoft.com/mssql/server'], ports: [1433] },
  { repositories: ['pihole/pihole'], ports: [80, 53], shipsHealthcheck: true },
  { repositories: ['vaultwarden/server'], ports: [80], shipsHealthcheck: true },
  { repositories: ['louislam/uptime-kuma'], ports: [3001], shipsHealthcheck: true },
  { repositories: ['gitlab/gitlab-ce', 'gitlab/gitlab-ee'], ports: [80, 443, 22], shipsHealthcheck: true },
  { repositories: ['jellyfin/jellyfin'], ports: [8096], shipsHealthcheck: true },
];

const byRepository = new Map(SERVICE_IMAGES.flatMap((entry) => entry.repositories.map((repository) => [repository, entry] as const)));

export function serviceImage(reference: Pick<ImageReference, 'registry' | 'repository'>): ServiceImage | undefined {
  return byRepository.get(canonicalRepository(reference));
}

export function allServiceImages(): readonly ServiceImage[] {
  return SERVICE_IMAGES;
}

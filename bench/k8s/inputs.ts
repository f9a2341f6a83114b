// The Kubernetes benchmark's inputs: one generated multi-document manifest of realistic applications (~17,000
// lines), the real-world corpus read as it is, and the edits replayed inside one document of the generated file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export interface BenchInput {
  name: string;
  text: string;
  lines: number;
  documents: number;
  /** Documents per kind, e.g. `{ Deployment: 120, Service: 150, … }`. */
  kinds: Record<string, number>;
}

export interface CorpusFile {
  /** Relative to the corpus folder, e.g. `kubernetes_examples/guestbook_all-in-one.yaml`. */
  path: string;
  text: string;
}

/** The size the issue names for the large manifest. */
const TARGET_LINES = 17_000;

/** The largest manifest of whole applications that stays within about 17,000 lines. */
export function manifestInput(maxLines = TARGET_LINES): BenchInput {
  const applications: string[][] = [];
  let lines = 0;
  for (let index = 0; ; index++) {
    const documents = APPLICATIONS[index % APPLICATIONS.length]!(index);
    const more = documents.reduce((sum, document) => sum + countLines(document) + 1, 0);
    if (lines + more > maxLines) break;
    applications.push(documents);
    lines += more;
  }
  const documents = applications.flat();
  const text = `${documents.join('---\n')}`;
  const kinds: Record<string, number> = {};
  for (const document of documents) {
    const kind = /^kind: (\w+)$/m.exec(document)?.[1] ?? '?';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { name: 'manifest', text, lines: countLines(text), documents: documents.length, kinds };
}

/** The corpus's YAML files in a fixed order (any depth), or undefined when the folder is absent. */
export function corpusFiles(corpusDir: string): CorpusFile[] | undefined {
  if (!existsSync(corpusDir)) return undefined;
  const files: CorpusFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/i.test(name)) files.push({ path: relative(corpusDir, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(corpusDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const pad = (index: number) => String(index).padStart(3, '0');

/**
 * Most images are pinned, as in a maintained repository; a few are not (every eleventh `:latest`, every
 * seventeenth untagged), as real manifests have such lapses.
 */
function image(repository: string, version: string, index: number): string {
  if (index % 11 === 5) return `${repository}:latest`;
  if (index % 17 === 8) return repository;
  return `${repository}:${version}`;
}

function labels(name: string, component: string, indent: string): string[] {
  return [`${indent}app.kubernetes.io/name: ${name}`, `${indent}app.kubernetes.io/part-of: shop`, `${indent}app.kubernetes.io/component: ${component}`];
}

function metadata(name: string, component: string, extra: string[] = []): string[] {
  return ['metadata:', `  name: ${name}`, '  namespace: shop', '  labels:', ...labels(name, component, '    '), ...extra];
}

function resources(cpu: string, memory: string, indent: string): string[] {
  return [
    `${indent}resources:`,
    `${indent}  requests:`,
    `${indent}    cpu: ${cpu}`,
    `${indent}    memory: ${memory}`,
    `${indent}  limits:`,
    `${indent}    memory: ${memory}`,
  ];
}

function securityContext(indent: string): string[] {
  return [
    `${indent}securityContext:`,
    `${indent}  allowPrivilegeEscalation: false`,
    `${indent}  readOnlyRootFilesystem: true`,
    `${indent}  runAsNonRoot: true`,
    `${indent}  capabilities:`,
    `${indent}    drop: ["ALL"]`,
  ];
}

function httpProbe(kind: string, path: string, port: string, indent: string, period: number): string[] {
  return [`${indent}${kind}:`, `${indent}  httpGet:`, `${indent}    path: ${path}`, `${indent}    port: ${port}`, `${indent}  periodSeconds: ${period}`];
}

/** A web front end: its config, a Deployment of nginx with a metrics sidecar, a Service, an Ingress and an HPA. */
function webApplication(index: number): string[] {
  const name = `web-${pad(index)}`;
  const c = '        ';
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    ...metadata(name, 'frontend', ['  annotations:', `    deployment.kubernetes.io/revision: "${(index % 9) + 1}"`]),
    'spec:',
    `  replicas: ${2 + (index % 3)}`,
    '  revisionHistoryLimit: 5',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxSurge: 25%',
    '      maxUnavailable: 0',
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels(name, 'frontend', '        '),
    '      annotations:',
    '        prometheus.io/scrape: "true"',
    '        prometheus.io/port: "9113"',
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      automountServiceAccountToken: false',
    '      securityContext:',
    '        runAsUser: 101',
    '        runAsGroup: 101',
    '        fsGroup: 101',
    '        seccompProfile:',
    '          type: RuntimeDefault',
    '      containers:',
    '        - name: nginx',
    `          image: ${image('registry.example.com/shop/web', `2.${index % 7}.${index}`, index)}`,
    '          imagePullPolicy: IfNotPresent',
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    '              protocol: TCP',
    '          env:',
    '            - name: API_URL',
    `              value: http://api-${pad(index + 1)}.shop.svc.cluster.local:3000`,
    '            - name: LOG_LEVEL',
    '              value: info',
    ...resources('100m', '128Mi', `${c}  `),
    ...httpProbe('readinessProbe', '/healthz', 'http', `${c}  `, 10),
    ...httpProbe('livenessProbe', '/healthz', 'http', `${c}  `, 20),
    ...securityContext(`${c}  `),
    '          volumeMounts:',
    '            - name: config',
    '              mountPath: /etc/nginx/conf.d',
    '              readOnly: true',
    '            - name: cache',
    '              mountPath: /var/cache/nginx',
    '        - name: exporter',
    `          image: ${image('nginx/nginx-prometheus-exporter', '1.3.0', index + 3)}`,
    '          args: ["--nginx.scrape-uri=http://127.0.0.1:8080/stub_status"]',
    '          ports:',
    '            - name: metrics',
    '              containerPort: 9113',
    ...resources('10m', '32Mi', `${c}  `),
    ...httpProbe('readinessProbe', '/metrics', 'metrics', `${c}  `, 15),
    ...securityContext(`${c}  `),
    '      volumes:',
    '        - name: config',
    '          configMap:',
    `            name: ${name}-nginx`,
    '        - name: cache',
    '          emptyDir: {}',
  ];
  const config = [
    'apiVersion: v1',
    'kind: ConfigMap',
    ...metadata(`${name}-nginx`, 'frontend'),
    'data:',
    '  default.conf: |',
    '    server {',
    '      listen 8080;',
    '      location /healthz { return 200; }',
    '      location /stub_status { stub_status; }',
    `      location / { proxy_pass http://api-${pad(index + 1)}:3000; }`,
    '    }',
  ];
  const service = [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(name, 'frontend'),
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    `    app.kubernetes.io/name: ${name}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: http',
  ];
  const ingress = [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    ...metadata(name, 'frontend', ['  annotations:', '    cert-manager.io/cluster-issuer: letsencrypt']),
    'spec:',
    '  ingressClassName: nginx',
    '  tls:',
    '    - hosts:',
    `        - ${name}.shop.example.com`,
    `      secretName: ${name}-tls`,
    '  rules:',
    `    - host: ${name}.shop.example.com`,
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    `                name: ${name}`,
    '                port:',
    '                  name: http',
  ];
  return [config, deployment, service, ingress, autoscaler(name, 'Deployment', 'frontend', index)].map(toText);
}

function autoscaler(name: string, kind: string, component: string, index: number): string[] {
  return [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    ...metadata(name, component),
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    `    kind: ${kind}`,
    `    name: ${name}`,
    `  minReplicas: ${2 + (index % 3)}`,
    `  maxReplicas: ${10 + (index % 5) * 2}`,
    '  metrics:',
    '    - type: Resource',
    '      resource:',
    '        name: cpu',
    '        target:',
    '          type: Utilization',
    `          averageUtilization: ${60 + (index % 4) * 5}`,
  ];
}

/** An API: config, a Deployment with a migration init container, the app, an Envoy proxy and a log shipper, a Service, an HPA. */
function apiApplication(index: number): string[] {
  const name = `api-${pad(index)}`;
  const c = '          ';
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    ...metadata(name, 'backend'),
    'spec:',
    `  replicas: ${3 + (index % 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels(name, 'backend', '        '),
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      terminationGracePeriodSeconds: 45',
    '      securityContext:',
    '        runAsNonRoot: true',
    '        runAsUser: 10001',
    '        seccompProfile:',
    '          type: RuntimeDefault',
    '      initContainers:',
    '        - name: migrate',
    `          image: ${image('registry.example.com/shop/api', `1.${index % 5}.${index}`, index + 1)}`,
    '          command: ["node", "dist/migrate.js"]',
    '          envFrom:',
    '            - configMapRef:',
    `                name: ${name}-config`,
    '            - secretRef:',
    `                name: ${name}-database`,
    ...resources('100m', '256Mi', c),
    ...securityContext(c),
    '      containers:',
    '        - name: api',
    `          image: ${image('registry.example.com/shop/api', `1.${index % 5}.${index}`, index + 1)}`,
    '          ports:',
    '            - name: http',
    '              containerPort: 3000',
    '          env:',
    '            - name: NODE_ENV',
    '              value: production',
    '            - name: LOG_LEVEL',
    '              value: info',
    '            - name: DATABASE_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
    `                  name: ${name}-database`,
    '                  key: password',
    '            - name: POD_NAME',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: metadata.name',
    '          envFrom:',
    '            - configMapRef:',
    `                name: ${name}-config`,
    ...resources(`${250 + (index % 3) * 250}m`, `${[256, 512, 1024][index % 3]}Mi`, c),
    ...httpProbe('startupProbe', '/healthz', 'http', c, 5),
    ...httpProbe('readinessProbe', '/ready', 'http', c, 10),
    ...httpProbe('livenessProbe', '/healthz', 'http', c, 20),
    ...securityContext(c),
    '          volumeMounts:',
    '            - name: tmp',
    '              mountPath: /tmp',
    '        - name: envoy',
    `          image: ${image('envoyproxy/envoy', 'v1.31.2', index + 2)}`,
    '          args: ["-c", "/etc/envoy/envoy.yaml", "--log-level", "warn"]',
    '          ports:',
    '            - name: proxy',
    '              containerPort: 8443',
    '            - name: admin',
    '              containerPort: 9901',
    ...resources('50m', '64Mi', c),
    ...httpProbe('readinessProbe', '/ready', 'admin', c, 10),
    ...securityContext(c),
    '          volumeMounts:',
    '            - name: envoy',
    '              mountPath: /etc/envoy',
    '              readOnly: true',
    '        - name: logs',
    `          image: ${image('fluent/fluent-bit', '3.1.9', index + 4)}`,
    ...resources('20m', '48Mi', c),
    ...securityContext(c),
    '          volumeMounts:',
    '            - name: tmp',
    '              mountPath: /var/log/app',
    '              readOnly: true',
    '      volumes:',
    '        - name: tmp',
    '          emptyDir: {}',
    '        - name: envoy',
    '          configMap:',
    `            name: ${name}-envoy`,
  ];
  const config = [
    'apiVersion: v1',
    'kind: ConfigMap',
    ...metadata(`${name}-config`, 'backend'),
    'data:',
    '  PORT: "3000"',
    `  REDIS_URL: redis://cache-${pad(index)}:6379/0`,
    `  DATABASE_HOST: db-${pad(index + 2)}`,
    '  DATABASE_NAME: shop',
    `  FEATURE_FLAGS: "checkout-v${index % 3},search"`,
  ];
  const envoy = [
    'apiVersion: v1',
    'kind: ConfigMap',
    ...metadata(`${name}-envoy`, 'backend'),
    'data:',
    '  envoy.yaml: |',
    '    admin:',
    '      address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }',
    '    static_resources:',
    '      listeners:',
    '        - name: ingress',
    '          address: { socket_address: { address: 0.0.0.0, port_value: 8443 } }',
  ];
  const service = [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(name, 'backend'),
    'spec:',
    '  selector:',
    `    app.kubernetes.io/name: ${name}`,
    '  ports:',
    '    - name: http',
    '      port: 3000',
    '      targetPort: http',
    '    - name: proxy',
    '      port: 8443',
    '      targetPort: proxy',
  ];
  const account = ['apiVersion: v1', 'kind: ServiceAccount', ...metadata(name, 'backend'), 'automountServiceAccountToken: false'];
  return [config, envoy, account, deployment, service, autoscaler(name, 'Deployment', 'backend', index)].map(toText);
}

/** A database: a StatefulSet with a volume claim template, and its headless Service. */
function databaseApplication(index: number): string[] {
  const name = `db-${pad(index)}`;
  const c = '          ';
  const statefulSet = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    ...metadata(name, 'database'),
    'spec:',
    `  serviceName: ${name}`,
    '  replicas: 3',
    '  podManagementPolicy: OrderedReady',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels(name, 'database', '        '),
    '    spec:',
    '      securityContext:',
    '        fsGroup: 999',
    '        runAsUser: 999',
    '        runAsNonRoot: true',
    '      containers:',
    '        - name: postgres',
    `          image: ${image('postgres', '16.4-alpine', index + 6)}`,
    '          ports:',
    '            - name: postgres',
    '              containerPort: 5432',
    '          env:',
    '            - name: POSTGRES_DB',
    '              value: shop',
    '            - name: POSTGRES_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
    `                  name: ${name}-credentials`,
    '                  key: password',
    '            - name: PGDATA',
    '              value: /var/lib/postgresql/data/pgdata',
    ...resources('500m', '1Gi', c),
    `${c}readinessProbe:`,
    `${c}  exec:`,
    `${c}    command: ["pg_isready", "-U", "postgres"]`,
    `${c}  periodSeconds: 10`,
    `${c}livenessProbe:`,
    `${c}  tcpSocket:`,
    `${c}    port: postgres`,
    `${c}  initialDelaySeconds: 30`,
    `${c}securityContext:`,
    `${c}  allowPrivilegeEscalation: false`,
    `${c}  capabilities:`,
    `${c}    drop: ["ALL"]`,
    '          volumeMounts:',
    '            - name: data',
    '              mountPath: /var/lib/postgresql/data',
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        accessModes: ["ReadWriteOnce"]',
    '        storageClassName: standard-rwo',
    '        resources:',
    '          requests:',
    `            storage: ${[10, 20, 50][index % 3]}Gi`,
  ];
  const service = [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(name, 'database'),
    'spec:',
    '  clusterIP: None',
    '  selector:',
    `    app.kubernetes.io/name: ${name}`,
    '  ports:',
    '    - name: postgres',
    '      port: 5432',
    '      targetPort: postgres',
  ];
  return [statefulSet, service].map(toText);
}

/** A nightly job: a CronJob of one container. */
function cronApplication(index: number): string[] {
  const name = `report-${pad(index)}`;
  const c = '              ';
  const cronJob = [
    'apiVersion: batch/v1',
    'kind: CronJob',
    ...metadata(name, 'batch'),
    'spec:',
    `  schedule: "${index % 60} ${index % 6} * * *"`,
    '  concurrencyPolicy: Forbid',
    '  successfulJobsHistoryLimit: 3',
    '  failedJobsHistoryLimit: 1',
    '  jobTemplate:',
    '    spec:',
    '      backoffLimit: 2',
    '      activeDeadlineSeconds: 3600',
    '      template:',
    '        metadata:',
    '          labels:',
    ...labels(name, 'batch', '            '),
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers:',
    '            - name: report',
    `              image: ${image('registry.example.com/shop/reports', `0.${index % 9}.1`, index + 7)}`,
    '              args: ["--since", "24h", "--output", "s3://shop-reports/daily"]',
    '              env:',
    '                - name: AWS_REGION',
    '                  value: eu-west-1',
    ...resources('200m', '256Mi', c),
    ...securityContext(c),
  ];
  return [cronJob].map(toText);
}

/** A cache: a Deployment of Redis, its Service. */
function cacheApplication(index: number): string[] {
  const name = `cache-${pad(index)}`;
  const c = '          ';
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    ...metadata(name, 'cache'),
    'spec:',
    '  replicas: 1',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels(name, 'cache', '        '),
    '    spec:',
    '      containers:',
    '        - name: redis',
    `          image: ${image('redis', '7.2-alpine', index + 9)}`,
    '          args: ["--appendonly", "no", "--maxmemory", "200mb"]',
    '          ports:',
    '            - name: redis',
    '              containerPort: 6379',
    ...resources('100m', '256Mi', c),
    `${c}readinessProbe:`,
    `${c}  exec:`,
    `${c}    command: ["redis-cli", "ping"]`,
    ...securityContext(c),
  ];
  const service = [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(name, 'cache'),
    'spec:',
    '  selector:',
    `    app.kubernetes.io/name: ${name}`,
    '  ports:',
    '    - name: redis',
    '      port: 6379',
    '      targetPort: redis',
  ];
  return [deployment, service].map(toText);
}

const APPLICATIONS: ((index: number) => string[])[] = [webApplication, apiApplication, databaseApplication, cacheApplication, cronApplication];

function toText(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * A cycle of eight edits inside one Deployment in the middle of the file, each pair restoring the text: change
 * its image tag and back, add an environment variable and remove it, change `replicas` and back, type a character
 * at the end of an environment value and delete it. Applied in order, the text returns to the original every eight
 * edits; only that document's text changes.
 */
export function editCycle(text: string): TextDocumentContentChangeEvent[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const at = (line: number, character: number) => ({ line, character });
  const range = (line: number, start: number, end: number): Range => ({ start: at(line, start), end: at(line, end) });
  // The first API Deployment from the middle on: it has replicas, env and tagged images.
  const start = firstIndex(lines, middle, (line, index) => line === 'kind: Deployment' && (lines[index + 2] ?? '').startsWith('  name: api-'));
  if (start === undefined) throw new Error('the input has no API Deployment to edit');
  const find = (pattern: RegExp, what: string) => {
    for (let index = start; index < lines.length && lines[index] !== '---'; index++) {
      const match = pattern.exec(lines[index]!);
      if (match) return { index, match };
    }
    throw new Error(`the Deployment has no ${what} to edit`);
  };
  const image = find(/^(\s+image: registry\.example\.com\/shop\/api:)([\w.-]+)$/, 'tagged api image');
  const tagStart = image.match[1]!.length;
  const tag = image.match[2]!;
  const newTag = `${tag}-rc1`;
  const env = find(/^(\s+)- name: NODE_ENV$/, 'NODE_ENV variable');
  const indent = env.match[1]!;
  const envLines = `${indent}- name: FEATURE_SEARCH\n${indent}  value: "enabled"\n`;
  const replicas = find(/^( {2}replicas: )(\d+)$/, 'replicas');
  const replicasAt = replicas.match[1]!.length;
  const count = replicas.match[2]!;
  const more = String(Number(count) + 2);
  const logLevel = find(/^\s+value: info$/, 'LOG_LEVEL value');
  const end = lines[logLevel.index]!.length;
  return [
    { range: range(image.index, tagStart, tagStart + tag.length), text: newTag },
    { range: range(image.index, tagStart, tagStart + newTag.length), text: tag },
    { range: range(env.index, 0, 0), text: envLines },
    { range: { start: at(env.index, 0), end: at(env.index + 2, 0) }, text: '' },
    { range: range(replicas.index, replicasAt, replicasAt + count.length), text: more },
    { range: range(replicas.index, replicasAt, replicasAt + more.length), text: count },
    { range: range(logLevel.index, end, end), text: 'x' },
    { range: range(logLevel.index, end, end + 1), text: '' },
  ];
}

/** The first line index from `from` on (wrapping around) that satisfies `test`. */
function firstIndex(lines: readonly string[], from: number, test: (line: string, index: number) => boolean): number | undefined {
  for (let offset = 0; offset < lines.length; offset++) {
    const index = (from + offset) % lines.length;
    if (test(lines[index] as string, index)) return index;
  }
  return undefined;
}

// Documents the LSP tests open, and the diagnostic fields they compare exactly.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';

/** The RULES.md beside the bundled server, which a client without the VS Code command links to. */
export const RULES_MD = pathToFileURL(join(__dirname, '..', '..', 'RULES.md')).href;

export interface Sample {
  fileName: string;
  languageId: string;
  text: string;
}

/**
 * Two problems, a latest tag and a shell-form CMD, and no others: bitnami/node runs as a non-root user and is not a
 * full language image, and the HEALTHCHECK is there. Other Dockerfiles of the tests start the same way.
 */
export const dockerfile: Sample = {
  fileName: 'Dockerfile',
  languageId: 'dockerfile',
  text: ['FROM bitnami/node:latest', 'WORKDIR /app', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'CMD node server.js', ''].join('\n'),
};

export const compose: Sample = {
  fileName: 'docker-compose.yml',
  languageId: 'dockercompose',
  text: [
    "version: '3.8'",
    'name: shop',
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '    deploy:',
    '      resources:',
    '        limits: { cpus: "0.50", memory: 256M }',
    '',
  ].join('\n'),
};

/** The latest tag is its only problem: its container's securityContext is hardened. */
export const deployment: Sample = {
  fileName: 'deploy.yaml',
  languageId: 'yaml',
  text: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: app:latest',
    '          resources:',
    '            requests:',
    '              cpu: 100m',
    '              memory: 128Mi',
    '            limits:',
    '              memory: 128Mi',
    '          readinessProbe:',
    '            exec:',
    '              command:',
    '                - cat',
    '                - /tmp/ready',
    '          livenessProbe:',
    '            exec:',
    '              command:',
    '                - cat',
    '                - /tmp/alive',
    '          securityContext:',
    '            runAsNonRoot: true',
    '            allowPrivilegeEscalation: false',
    '            readOnlyRootFilesystem: true',
    '            capabilities:',
    '              drop:',
    '                - ALL',
    // Written after the container so that the image stays on line 9 while the Deployment is complete.
    '      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: app } } }]',
    '    metadata:',
    '      labels: { app: app }',
    '  selector:',
    '    matchLabels: { app: app }',
    '  replicas: 2',
    '',
  ].join('\n'),
};

/** The problem is in the second document, so its range must be counted from the start of the file. */
export const multiDocumentManifest: Sample = {
  fileName: 'manifests.yaml',
  languageId: 'yaml',
  text: ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: production', '---', deployment.text].join('\n'),
};

/** The fields of a diagnostic the tests pin down; the message wording is the rules' business. */
export type Essentials = Pick<Diagnostic, 'code' | 'codeDescription' | 'source' | 'severity' | 'range'>;

export function expected(code: string, range: Range, severity: DiagnosticSeverity = DiagnosticSeverity.Warning): Essentials {
  return { code, codeDescription: { href: `${RULES_MD}#${code.replace('/', '')}` }, source: 'container-standards', severity, range };
}

export function essentials({ code, codeDescription, source, severity, range }: Diagnostic): Essentials {
  return { code, codeDescription, source, severity, range };
}

/** A range within one line. */
export function onLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function codes(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

export const dockerfileDiagnostics: Essentials[] = [
  expected('dockerfile/latest-tag', onLine(0, 18, 24)),
  expected('dockerfile/shell-form-cmd', onLine(3, 0, 18)),
];

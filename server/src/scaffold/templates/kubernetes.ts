import type { GeneratedFile, ScaffoldOptions, StackFacts } from '../types';
import { runtimeUid } from './dockerfile';
import { BACKING_SERVICE_SPECS } from './services';

/** The image CI pushes (see the workflow); replace the owner with yours. */
export function imageName(facts: StackFacts): string {
  return `ghcr.io/your-org/${facts.name}`;
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and optionally an Ingress, under k8s/, or as a
 * kustomize base under k8s/base/ with staging and production overlays.
 */
export function renderKubernetes(facts: StackFacts, options: ScaffoldOptions): GeneratedFile[] {
  const manifests = renderManifests(facts, options);
  return options.kustomize ? kustomizeLayout(facts, manifests) : manifests;
}

const KUSTOMIZATION_HEADER = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization'];

function kustomizeLayout(facts: StackFacts, manifests: readonly GeneratedFile[]): GeneratedFile[] {
  const base = manifests.map((file) => ({ path: file.path.replace(/^k8s\//, 'k8s/base/'), text: file.text }));
  const overlay = (environment: string, namespace: string) => ({
    path: `k8s/overlays/${environment}/kustomization.yaml`,
    text: yaml(
      `# kubectl apply -k k8s/overlays/${environment}`,
      ...KUSTOMIZATION_HEADER,
      `namespace: ${namespace}`,
      'resources:',
      '  - ../../base',
      '# The version CI pushed to deploy here: bump it, or run `kustomize edit set image`.',
      'images:',
      `  - name: ${imageName(facts)}`,
      '    newTag: 0.1.0',
    ),
  });
  return [
    ...base,
    {
      path: 'k8s/base/kustomization.yaml',
      text: yaml(...KUSTOMIZATION_HEADER, 'resources:', ...base.map((file) => `  - ${file.path.slice('k8s/base/'.length)}`)),
    },
    overlay('staging', `${facts.name}-staging`),
    overlay('production', facts.name),
  ];
}

function renderManifests(facts: StackFacts, options: ScaffoldOptions): GeneratedFile[] {
  const name = facts.name;
  const labels = [`app.kubernetes.io/name: ${name}`];
  const files: GeneratedFile[] = [
    { path: 'k8s/deployment.yaml', text: deployment(facts, options) },
    {
      path: 'k8s/service.yaml',
      text: yaml(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  selector:',
        ...labels.map((label) => `    ${label}`),
        '  ports:',
        '    - name: http',
        '      port: 80',
        '      targetPort: http',
      ),
    },
    {
      path: 'k8s/hpa.yaml',
      text: yaml(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  scaleTargetRef:',
        '    apiVersion: apps/v1',
        '    kind: Deployment',
        `    name: ${name}`,
        '  minReplicas: 2',
        '  maxReplicas: 10',
        '  metrics:',
        '    - type: Resource',
        '      resource:',
        '        name: cpu',
        '        target:',
        '          type: Utilization',
        '          averageUtilization: 70',
      ),
    },
    {
      path: 'k8s/pdb.yaml',
      text: yaml(
        '# Voluntary disruptions (node drains) take one pod at a time.',
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  maxUnavailable: 1',
        '  unhealthyPodEvictionPolicy: AlwaysAllow',
        '  selector:',
        '    matchLabels:',
        ...labels.map((label) => `      ${label}`),
      ),
    },
  ];
  if (options.ingress) {
    files.push({
      path: 'k8s/ingress.yaml',
      text: yaml(
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  rules:',
        `    - host: ${name}.example.com`,
        '      http:',
        '        paths:',
        '          - path: /',
        '            pathType: Prefix',
        '            backend:',
        '              service:',
        `                name: ${name}`,
        '                port:',
        '                  name: http',
      ),
    });
  }
  return files;
}

function deployment(facts: StackFacts, options: ScaffoldOptions): string {
  const name = facts.name;
  const uid = runtimeUid(facts);
  const env = options.services.flatMap((service) => {
    const variable = BACKING_SERVICE_SPECS[service].urlVariable;
    return [
      `            - name: ${variable}`,
      '              valueFrom:',
      '                secretKeyRef:',
      `                  name: ${name}-secrets`,
      `                  key: ${variable.toLowerCase().replaceAll('_', '-')}`,
    ];
  });
  // Rails writes pids and caches under tmp/ of the app.
  const scratch: [volume: string, path: string][] = facts.rails
    ? [
        ['tmp', '/tmp'],
        ['app-tmp', '/app/tmp'],
      ]
    : [['tmp', '/tmp']];
  const probe = (kind: string, delay: number) => [
    `          ${kind}:`,
    '            tcpSocket:',
    '              port: http',
    `            initialDelaySeconds: ${delay}`,
    '            periodSeconds: 10',
  ];
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '    spec:',
    '      automountServiceAccountToken: false',
    '      securityContext:',
    '        runAsNonRoot: true',
    `        runAsUser: ${uid}`,
    `        runAsGroup: ${uid}`,
    '        seccompProfile:',
    '          type: RuntimeDefault',
    '      # Spread the replicas over nodes, so one node failure does not take them all.',
    '      affinity:',
    '        podAntiAffinity:',
    '          preferredDuringSchedulingIgnoredDuringExecution:',
    '            - weight: 100',
    '              podAffinityTerm:',
    '                topologyKey: kubernetes.io/hostname',
    '                labelSelector:',
    '                  matchLabels:',
    `                    app.kubernetes.io/name: ${name}`,
    '      containers:',
    `        - name: ${name}`,
    '          # The image the CI workflow pushes; deploy a version tag or digest, never latest.',
    `          image: ${imageName(facts)}:0.1.0`,
    '          ports:',
    '            - name: http',
    `              containerPort: ${options.port}`,
    ...(env.length ? ['          # Connection URLs (with passwords) come from a Secret created outside git.', '          env:', ...env] : []),
    ...probe('readinessProbe', 5),
    ...probe('livenessProbe', 15),
    '          lifecycle:',
    '            # Lets the endpoints drop the pod before it gets SIGTERM.',
    '            preStop:',
    '              sleep:',
    '                seconds: 5',
    '          resources:',
    '            requests:',
    '              cpu: 100m',
    '              memory: 256Mi',
    '            limits:',
    '              cpu: 1000m',
    '              memory: 512Mi',
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '            readOnlyRootFilesystem: true',
    '            capabilities:',
    '              drop: [ALL]',
    '          # The root filesystem is read-only: temporary files go to emptyDirs.',
    '          volumeMounts:',
    ...scratch.flatMap(([volume, path]) => [`            - name: ${volume}`, `              mountPath: ${path}`]),
    '      volumes:',
    ...scratch.flatMap(([volume]) => [`        - name: ${volume}`, '          emptyDir: {}']),
  );
}

// Sample Kubernetes objects, valid and broken, with what the kubernetes-models validators find in them
// (`path category`, category type, required or enum): the generated schema must find the same.

export interface PackageCase {
  name: string;
  data: Record<string, unknown>;
  expected: readonly string[];
}

const container = { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] };
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };

export const PACKAGE_CASES: readonly PackageCase[] = [
  {
    name: 'valid Deployment with probes, resources and a security context',
    data: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                ...container,
                imagePullPolicy: 'IfNotPresent',
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: 1, memory: '256Mi' } },
                livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
                readinessProbe: { tcpSocket: { port: 80 } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                env: [
                  { name: 'MODE', value: 'prod' },
                  { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
                ],
              },
            ],
          },
        },
      },
    },
    expected: [],
  },
  {
    name: 'valid Service, ConfigMap and Ingress',
    data: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] },
    },
    expected: [],
  },
  { name: 'valid ConfigMap', data: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'a.conf': 'x=1' } }, expected: [] },
  {
    name: 'valid Ingress',
    data: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['example.com'], secretName: 'tls' }],
        rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      },
    },
    expected: [],
  },
  {
    name: 'valid CronJob',
    data: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup' },
      spec: {
        schedule: '0 3 * * *',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup:1.0' }] } } } },
      },
    },
    expected: [],
  },
  {
    name: 'valid StatefulSet with volume claim templates',
    data: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
      },
    },
    expected: [],
  },
  {
    name: 'valid HorizontalPodAutoscaler v2',
    data: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    expected: [],
  },
  {
    name: 'valid Knative Service',
    data: {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'hello' },
      spec: { template: { spec: { containers: [{ name: 'user-container', image: 'gcr.io/p/hello:1.0', ports: [{ containerPort: 8080 }] }] } } },
    },
    expected: [],
  },
  {
    name: 'Deployment: wrong types, a missing selector, bad enums',
    data: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 5, labels: { app: 7 } },
      spec: {
        replicas: '3',
        paused: 'no',
        template: {
          ...template,
          spec: {
            restartPolicy: 'Sometimes',
            containers: [
              {
                ...container,
                imagePullPolicy: 'always',
                args: 'serve',
                ports: [{ containerPort: '80', protocol: 'HTTP' }],
                env: [{ name: 'PORT', value: 80 }],
              },
              { image: 'sidecar:1.0' },
            ],
          },
        },
      },
    },
    expected: [
      'metadata/labels/app type',
      'metadata/name type',
      'spec required',
      'spec/paused type',
      'spec/replicas type',
      'spec/template/spec/containers/0/args type',
      'spec/template/spec/containers/0/env/0/value type',
      'spec/template/spec/containers/0/imagePullPolicy enum',
      'spec/template/spec/containers/0/ports/0/containerPort type',
      'spec/template/spec/containers/0/ports/0/protocol enum',
      'spec/template/spec/containers/1 required',
      'spec/template/spec/restartPolicy enum',
    ],
  },
  {
    name: 'Pod: quantities and int-or-string of the wrong type, a float for an integer',
    data: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        terminationGracePeriodSeconds: 2.5,
        containers: [
          {
            name: 'app',
            resources: { limits: { cpu: true, memory: '512MB' }, requests: { memory: ['1Gi'] } },
            livenessProbe: { httpGet: { port: false }, failureThreshold: 1.5 },
            readinessProbe: { tcpSocket: {} },
          },
        ],
      },
    },
    expected: [
      'spec/containers/0/livenessProbe/failureThreshold type',
      'spec/containers/0/livenessProbe/httpGet/port type',
      'spec/containers/0/readinessProbe/tcpSocket required',
      'spec/containers/0/resources/limits/cpu type',
      'spec/containers/0/resources/limits/memory type',
      'spec/containers/0/resources/requests/memory type',
      'spec/terminationGracePeriodSeconds type',
    ],
  },
  {
    name: 'Service: a string port, a list selector, an unknown type',
    data: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { type: 'Internal', selector: ['app'], ports: [{ port: '80', targetPort: 1.5 }, {}] },
    },
    expected: ['spec/ports/0/port type', 'spec/ports/0/targetPort type', 'spec/ports/1 required', 'spec/selector type', 'spec/type enum'],
  },
  {
    name: 'Ingress: a bad pathType, a backend port of the wrong type, a rule of the wrong type',
    data: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: {
        rules: [{ http: { paths: [{ path: '/', pathType: 'Regex', backend: { service: { name: 'web', port: { number: 'http' } } } }] } }, 'example.com'],
      },
    },
    expected: ['spec/rules/0/http/paths/0/backend/service/port/number type', 'spec/rules/0/http/paths/0/pathType enum', 'spec/rules/1 type'],
  },
  {
    name: 'CronJob: a bad concurrency policy, a missing schedule and job template',
    data: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { concurrencyPolicy: 'Never', suspend: 'yes' } },
    expected: ['spec required', 'spec/concurrencyPolicy enum', 'spec/suspend type'],
  },
  {
    name: 'Knative Service: wrong types in the revision template',
    data: {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'hello' },
      spec: {
        template: { spec: { containerConcurrency: 'ten', containers: [{ name: 'c', image: 'hello', ports: [{ containerPort: '8080' }] }] } },
        traffic: [{ percent: '100' }],
      },
    },
    expected: ['spec/template/spec/containerConcurrency type', 'spec/template/spec/containers/0/ports/0/containerPort type', 'spec/traffic/0/percent type'],
  },
  {
    name: 'RoleBinding: subjects of the wrong form',
    data: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'r' },
      roleRef: { kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'User' }, 'alice'],
    },
    expected: ['subjects/0 required', 'subjects/1 type'],
  },
];

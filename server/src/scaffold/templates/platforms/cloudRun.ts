import type { ScaffoldOptions, StackFacts } from '../../types';
import { imageName } from '../kubernetes';
import { BACKING_SERVICE_SPECS } from '../services';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * deploy/cloud-run/service.yaml: a Knative Service with only the fields Cloud Run accepts
 * (https://cloud.google.com/run/docs/reference/yaml/v1). Cloud Run takes no securityContext: the Dockerfile's numeric
 * USER is what runs. Liveness probes may be HTTP or gRPC only, startup probes TCP as well
 * (https://cloud.google.com/run/docs/configuring/healthchecks).
 */
export function renderCloudRun(facts: StackFacts, options: ScaffoldOptions): string {
  const name = facts.name;
  const env = options.services.flatMap((service) => {
    const variable = BACKING_SERVICE_SPECS[service].urlVariable;
    return [
      `            - name: ${variable}`,
      '              valueFrom:',
      '                secretKeyRef:',
      `                  name: ${name}-${variable.toLowerCase().replaceAll('_', '-')}`,
      "                  key: '1'",
    ];
  });
  return yaml(
    '# Deploy with: gcloud run services replace deploy/cloud-run/service.yaml --region REGION',
    `# Cloud Run sets PORT to the containerPort below (${options.port}): the app must listen on 0.0.0.0 at that port.`,
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    # Public; "internal" accepts requests from the VPC only.',
    '    run.googleapis.com/ingress: all',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    '        # Scales to zero when idle; the maximum caps cost and connections to the databases.',
    "        autoscaling.knative.dev/minScale: '0'",
    "        autoscaling.knative.dev/maxScale: '10'",
    '        # Extra CPU while an instance starts: shorter cold starts.',
    "        run.googleapis.com/startup-cpu-boost: 'true'",
    '    spec:',
    '      # Requests one instance serves at once before Cloud Run starts another.',
    '      containerConcurrency: 80',
    '      timeoutSeconds: 300',
    '      containers:',
    `        - name: ${name}`,
    '          # The image CI pushes, by version, never latest; Cloud Run pulls from Artifact Registry (a remote repository can mirror this one).',
    `          image: ${imageName(facts)}:0.1.0`,
    '          ports:',
    '            - name: http1',
    `              containerPort: ${options.port}`,
    ...(env.length
      ? ['          # Connection URLs (with passwords) come from Secret Manager: the secret and its pinned version.', '          env:', ...env]
      : []),
    '          resources:',
    '            limits:',
    '              cpu: 1000m',
    '              memory: 512Mi',
    '          # The instance gets traffic once the port accepts connections (at most 60 s after start).',
    '          startupProbe:',
    '            tcpSocket:',
    `              port: ${options.port}`,
    '            periodSeconds: 5',
    '            failureThreshold: 12',
    '          # Restarts an instance that stops answering; point it at a health endpoint once the app has one.',
    '          livenessProbe:',
    '            httpGet:',
    '              path: /',
    `              port: ${options.port}`,
    '            periodSeconds: 30',
  );
}

import type { ScaffoldOptions, StackFacts } from '../../types';
import { healthcheckCommand, runtimeUid, writablePaths } from '../dockerfile';
import { imageName } from '../kubernetes';
import { BACKING_SERVICE_SPECS } from '../services';

/** Placeholders the user replaces: the account and region of the task. */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/**
 * deploy/ecs/task-definition.json for `aws ecs register-task-definition --cli-input-json file://…`: Fargate, the
 * Dockerfile's user and health check, a read-only root filesystem with writable scratch volumes (Fargate task
 * storage, filled from the Dockerfile's VOLUME paths), secrets from Secrets Manager and logs to CloudWatch. JSON has no comments: the README explains it.
 */
export function renderEcsTaskDefinition(facts: StackFacts, options: ScaffoldOptions): string {
  const name = facts.name;
  const uid = runtimeUid(facts);
  // Each path the Dockerfile declares as a VOLUME (it does when this target is chosen), so Fargate copies its owner and mode.
  const scratch = writablePaths(facts).map((path) => [path.slice(1).replaceAll('/', '-'), path] as const);
  const probe = healthcheckCommand(facts, options);
  const container = {
    name,
    image: `${imageName(facts)}:0.1.0`,
    essential: true,
    user: facts.stack === 'go' ? `${uid}:${uid}` : String(uid),
    readonlyRootFilesystem: true,
    portMappings: [{ name: 'http', containerPort: options.port, protocol: 'tcp', appProtocol: 'http' }],
    ...(options.services.length
      ? {
          secrets: options.services.map((service) => {
            const variable = BACKING_SERVICE_SPECS[service].urlVariable;
            return { name: variable, valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}/${variable.toLowerCase().replaceAll('_', '-')}` };
          }),
        }
      : {}),
    ...(probe ? { healthCheck: { command: ['CMD', ...probe], interval: 30, timeout: 5, retries: 3, startPeriod: 20 } } : {}),
    // node as PID 1 ignores SIGTERM without a handler; the init process forwards it (Compose's `init: true`).
    ...(facts.stack === 'node' ? { linuxParameters: { initProcessEnabled: true } } : {}),
    mountPoints: scratch.map(([volume, path]) => ({ sourceVolume: volume, containerPath: path, readOnly: false })),
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': name, 'awslogs-create-group': 'true' },
    },
  };
  const taskDefinition = {
    family: name,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    cpu: '512',
    memory: '1024',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [container],
    volumes: scratch.map(([volume]) => ({ name: volume })),
  };
  return `${JSON.stringify(taskDefinition, null, 2)}\n`;
}

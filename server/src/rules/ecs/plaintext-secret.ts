import { defineEcsRule } from '../../engine/ruleTypes';
import { hasVariable } from '../../parsing/imageReference';
import { looksSecret } from '../support/secretNames';
import { ecsContainers } from '../support/ecs';

export const rule = defineEcsRule({
  id: 'ecs/plaintext-secret',
  meta: {
    severity: 'warning',
    description: 'A container of the task definition gets a secret as a literal `environment` value.',
    aliases: ['trivy:AVD-AWS-0036'],
    messages: {
      literal:
        'Container "{{container}}" sets {{name}} as a literal environment value, readable by anyone who may describe the task definition; move it to "secrets" with a "valueFrom" naming a Secrets Manager secret or SSM parameter.',
    },
    explanation: {
      why: 'Environment values are stored in the task definition in plain text: every principal allowed `ecs:DescribeTaskDefinition`, and every copy of the file in version control, can read them. `secrets` entries name a Secrets Manager secret or an SSM Parameter Store parameter instead, which ECS reads with the task execution role when the container starts. Values that are placeholders (`${DB_PASSWORD}`) or ARNs are not reported.',
      standard: 'Container standard "secrets"; Trivy AVD-AWS-0036; Amazon ECS "Pass sensitive data to an Amazon ECS container".',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": "web:1.4.2",\n      "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }]\n    }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": "web:1.4.2",\n      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password" }]\n    }\n  ]\n}',
    },
  },
  check({ file, report }) {
    for (const container of ecsContainers(file)) {
      for (const variable of container.environment) {
        const name = variable.name?.string;
        const value = variable.value?.text;
        if (!name || !variable.value || !value || !looksSecret(name)) continue;
        // A placeholder filled in at deploy time, or the ARN of the secret the application reads itself.
        if (hasVariable(value) || /^\{\{.*\}\}$|^<.*>$/.test(value) || value.startsWith('arn:')) continue;
        report({ messageId: 'literal', data: { container: container.name || '?', name }, range: variable.value.range });
      }
    }
  },
});

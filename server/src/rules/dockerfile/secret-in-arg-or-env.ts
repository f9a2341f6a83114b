import { defineDockerfileRule } from '../../engine/ruleTypes';
import { propertiesOf } from '../support/dockerfile';
import { looksSecret } from '../support/secretNames';

export const rule = defineDockerfileRule({
  id: 'dockerfile/secret-in-arg-or-env',
  meta: {
    severity: 'warning',
    description: 'An ARG or ENV name looks like a secret, and build arguments and environment variables stay readable in the image.',
    aliases: ['hadolint:DL3064', 'buildkit:SecretsUsedInArgOrEnv'],
    messages: {
      secretName:
        '{{instruction}} {{name}} looks like a secret, and {{instruction}} values stay readable in the image history and config; pass it with a build secret (`RUN --mount=type=secret,id={{secretId}}`) or at runtime instead.',
    },
    explanation: {
      why: 'Every ARG value given with --build-arg and every ENV value is recorded in the image (`docker history`, `docker inspect`), so anyone who can pull the image can read it.',
      standard: 'Container standard "external secrets"; Docker docs, "Build secrets".',
      bad: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      good: 'RUN --mount=type=secret,id=npm_token \\\n    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
    },
  },
  check({ file, report }) {
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const property of propertiesOf(instruction)) {
        const name = property.getName();
        if (!looksSecret(name)) continue;
        report({ messageId: 'secretName', data: { instruction: keyword, name, secretId: name.toLowerCase() }, range: property.getNameRange() });
      }
    }
  },
});

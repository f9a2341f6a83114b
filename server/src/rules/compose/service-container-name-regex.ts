import { defineComposeRule } from '../../engine/ruleTypes';
import { variablesIn } from '../../parsing/composeInterpolation';
import { servicesHere } from '../support/compose';

/** Docker's rule for container names (moby `daemon/names`), which dclint applies too. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The name with each `${…}` replaced by a valid stand-in: only what is written literally can be judged here. */
function literalShape(text: string): string {
  let shape = '';
  let from = 0;
  for (const variable of variablesIn(text)) {
    shape += `${text.slice(from, variable.start)}x0`;
    from = variable.end;
  }
  return shape + text.slice(from);
}

export const rule = defineComposeRule({
  id: 'compose/service-container-name-regex',
  meta: {
    severity: 'error',
    description: "A `container_name` does not match Docker's pattern for container names, so the container cannot be created.",
    aliases: ['dclint:service-container-name-regex'],
    messages: {
      invalid: 'Container name {{name}} is not valid: Docker needs a letter or digit first, then at least one more letter, digit, "_", "." or "-"; rename it.',
    },
    explanation: {
      why: 'Docker refuses to create a container whose name does not match `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, so `docker compose up` fails for this service. A name built with `${…}` is judged by its literal part only.',
      standard: 'Docker Engine container names; dclint service-container-name-regex.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n    container_name: "shop web"',
      good: 'services:\n  web:\n    image: nginx:1.27\n    container_name: shop-web',
    },
  },
  check(context) {
    for (const { definition } of servicesHere(context)) {
      const containerName = definition.get('container_name');
      const name = containerName?.text;
      if (!containerName || name === undefined || CONTAINER_NAME.test(literalShape(name))) continue;
      context.report({ messageId: 'invalid', data: { name: JSON.stringify(name) }, range: containerName.range });
    }
  },
});

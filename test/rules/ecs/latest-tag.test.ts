import { parseImageReference } from '../../../server/src/parsing/imageReference';
import { rule } from '../../../server/src/rules/ecs/latest-tag';
import { pinnableTags } from '../../../server/src/rules/support/imageTags';
import { ruleTester } from '../../ruleTester';

const withImage = (image: string) => `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": ${JSON.stringify(image)} }
  ]
}
`;

/** The first tag the offline image table offers for nginx: what the first fix pins. */
const PINNED = pinnableTags(parseImageReference('nginx'))[0];

ruleTester(rule, {
  valid: [
    withImage('nginx:1.27'),
    withImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    { name: 'a placeholder the pipeline fills in', code: withImage('<IMAGE1_NAME>') },
    withImage('${IMAGE}'),
    withImage('{{ image }}'),
  ],
  invalid: [
    {
      name: 'latest: no fix for an image the table does not know',
      code: withImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest'),
      errors: [{ messageId: 'latest', line: 4, column: 31, data: { container: 'web' } }],
      output: null,
    },
    {
      name: 'untagged: pinned to a current tag, keeping the JSON quotes',
      code: withImage('nginx'),
      errors: [{ messageId: 'untagged', line: 4, column: 31, data: { image: 'nginx' } }],
      output: withImage(`nginx:${PINNED}`),
    },
  ],
});

import { defineComposeRule } from '../../engine/ruleTypes';
import { servicesHere } from '../support/compose';

export const rule = defineComposeRule({
  id: 'compose/no-build-and-image',
  meta: {
    // `build` with `image` is a common, legitimate pattern (the image names what is built and pushed): a policy some
    // teams choose, not a defect, so it is off unless switched on.
    severity: 'off',
    description: 'A service sets both `build` and `image` without a `pull_policy`, so whether Compose pulls or builds depends on the registry.',
    aliases: ['dclint:no-build-and-image'],
    messages: {
      both: 'Service "{{service}}" sets both "build" and "image" without "pull_policy": Compose first tries to pull {{image}} and builds only when the pull fails; set "pull_policy: build" (or "missing") to say which wins, or keep only one of them.',
    },
    explanation: {
      why: 'With both `build` and `image`, Compose "first tries to pull the image, then builds from source if the image was not found" (Compose Specification, build): what runs then depends on what the registry holds, and a `docker compose pull` can replace a local build with someone else\'s image. Naming the image that `build` produces (to tag and push it) is common and legitimate, which is why this rule is off by default: switch it on where a team wants one of the two per service, or the choice made explicit with `pull_policy` (as dclint\'s default `checkPullPolicy: true` accepts).',
      standard: 'Compose Specification "build" (using build and image); dclint no-build-and-image.',
      bad: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/shop/api:1.4',
      good: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/shop/api:1.4\n    pull_policy: build',
    },
  },
  check(context) {
    for (const { service, definition } of servicesHere(context)) {
      const { build, image, pull_policy: pullPolicy } = service.merged;
      if (build == null || image == null || pullPolicy != null) continue;
      // Reported once per project, where `build` is first written (or `image`, when `build` comes from `extends`).
      const home =
        service.definitions.find((candidate) => candidate.get('build')) ??
        service.definitions.find((candidate) => candidate.get('image')) ??
        service.definitions[0];
      if (home !== definition) continue;
      const written = definition.get('build') ?? definition.get('image');
      context.report({
        messageId: 'both',
        data: { service: service.name, image: JSON.stringify(String(image)) },
        range: written?.keyRange ?? definition.nameRange,
      });
    }
  },
});

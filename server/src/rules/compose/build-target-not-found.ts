import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileModel } from '../../parsing/dockerfile';
import { hasInterpolation } from '../../parsing/composeService';
import { replaceScalar } from '../../parsing/yamlEdit';
import { servicesHere } from '../support/compose';
import { describeDockerfile, dockerfileOf, resolveBuild } from '../../workspace/composeBuild';
import { closestName } from '../support/didYouMean';

export const rule = defineComposeRule({
  id: 'compose/build-target-not-found',
  meta: {
    severity: 'error',
    description: "`build.target` names a stage that the service's Dockerfile does not have, so the build fails.",
    fix: {
      when: 'when the Dockerfile names its stages and the target is written without variables',
      applied: { autoWhen: 'when the target is a misspelt stage name' },
    },
    aliases: [],
    messages: {
      notFound:
        'Service "{{service}}" builds target "{{target}}", but {{dockerfile}} has no such stage (its stages: {{stages}}); target one of them or add the stage.',
      noNamedStages:
        'Service "{{service}}" builds target "{{target}}", but {{dockerfile}} names no stage; name the stage to build (`FROM … AS {{target}}`) or remove `target`.',
    },
    explanation: {
      why: 'The builder can only stop at a stage the Dockerfile names with `FROM … AS <name>`; any other target makes `docker compose build` (and `up`) fail with "target stage could not be found".',
      standard: 'Compose Specification, build `target`; Dockerfile reference, multi-stage builds.',
      bad: '# Dockerfile: FROM node:22 AS build … FROM node:22-alpine AS production\nservices:\n  app:\n    build:\n      context: .\n      target: development',
      good: '# Dockerfile: FROM node:22 AS build … FROM node:22-alpine AS production\nservices:\n  app:\n    build:\n      context: .\n      target: production',
    },
  },
  check(context) {
    for (const { project, service, definition } of servicesHere(context)) {
      const targetView = definition.build?.target;
      const written = targetView?.text;
      if (!targetView || written === undefined) continue;
      const build = resolveBuild(project, service);
      const target = build?.target;
      // Only the target that decides the build: an override may replace this one.
      if (!build || target === undefined || project.interpolate(written).value !== target) continue;
      const dockerfile = dockerfileOf(context.workspace, build);
      if (!dockerfile) continue;
      const stages = stageNames(dockerfile);
      if (!stages || stages.some((name) => name.toLowerCase() === target.toLowerCase())) continue;
      const data = { service: service.name, target, dockerfile: describeDockerfile(build), stages: stages.join(', ') };
      context.report({
        messageId: stages.length ? 'notFound' : 'noNamedStages',
        data,
        range: targetView.range,
        fixes: () => {
          if (hasInterpolation(written)) return [];
          const closest = closestName(target, stages);
          const ordered = closest ? [closest, ...stages.filter((name) => name !== closest)] : stages;
          return ordered.flatMap((name): Fix[] => {
            const edit = replaceScalar(targetView, name);
            // A misspelt name is surely meant; any other stage builds something else, which the user must choose.
            return edit ? [{ title: `Build stage "${name}"`, edits: [edit], ...(name === closest ? {} : { unsafe: true }) }] : [];
          });
        },
      });
    }
  },
});

/** The stage names as written (Docker compares them case-insensitively); undefined when a name comes from an ARG. */
function stageNames(dockerfile: DockerfileModel): string[] | undefined {
  const names = dockerfile.stages.flatMap((stage) => {
    const name = stage.from.getBuildStage();
    return name ? [name] : [];
  });
  return names.some((name) => name.includes('$')) ? undefined : [...new Set(names)];
}

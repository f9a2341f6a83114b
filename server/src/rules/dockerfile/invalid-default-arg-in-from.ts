import { defineDockerfileRule } from '../../engine/ruleTypes';
import { PLATFORM_BUILD_ARGS } from '../../knowledge/buildArgs';
import type { DockerfileFile } from '../../parsing/containerFile';
import { canSubstitute, substituteVariables } from '../../parsing/dockerfile';
import { hasVariable } from '../../parsing/imageReference';

/** Values the builder gives the platform ARGs; any real platform makes the same reference valid or not. */
const PLATFORM_SAMPLES: ReadonlyMap<string, string> = new Map(PLATFORM_BUILD_ARGS.map((arg) => [arg.name, arg.sample]));

/** `[registry[:port]/]path[:tag][@digest]` as Docker's reference grammar has it (path components lowercase). */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`,
);

export const rule = defineDockerfileRule({
  id: 'dockerfile/invalid-default-arg-in-from',
  meta: {
    severity: 'warning',
    description: 'With the default values of the global ARGs, a FROM resolves to an empty or invalid image name.',
    aliases: ['buildkit:InvalidDefaultArgInFrom'],
    messages: {
      invalid:
        'With the ARG defaults, FROM {{written}} resolves to "{{resolved}}", which is not a valid image name, so a build without --build-arg fails; give the ARG a default that makes a valid reference (e.g. `ARG TAG=3.20`).',
      empty:
        'With the ARG defaults, FROM {{written}} resolves to an empty image name, so a build without --build-arg fails; give the ARG a default (e.g. `ARG BASE_IMAGE=alpine:3.20`).',
    },
    explanation: {
      why: 'A FROM that uses a global ARG works only when the build passes a usable value; with the defaults, a plain `docker build` (or a CI job that forgot the --build-arg) fails with an invalid image reference.',
      standard: 'BuildKit build check InvalidDefaultArgInFrom.',
      bad: 'ARG TAG\nFROM alpine:$TAG',
      good: 'ARG TAG=3.22\nFROM alpine:$TAG',
    },
  },
  check({ file, report }) {
    const defaults = globalArgDefaults(file);
    for (const { from } of file.dockerfile.stages) {
      const written = from.getImage();
      const range = from.getImageRange();
      if (!written || !range || !hasVariable(written)) continue;
      const resolved = substituteVariables(written, defaults);
      // An ARG no one declared is dockerfile/undefined-var's to report.
      if (hasVariable(resolved) || resolved === 'scratch' || (REFERENCE.test(resolved) && resolved.length <= 255)) continue;
      report({ messageId: resolved === '' ? 'empty' : 'invalid', data: { written, resolved }, range });
    }
  },
});

/**
 * The global ARGs as a build without --build-arg sees them: each default expanded with the ones before it. A
 * default this substitution cannot evaluate (quotes, `${A#prefix}` and other operators) is left unknown, so a
 * FROM using it is not judged.
 */
function globalArgDefaults(file: DockerfileFile): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>(PLATFORM_SAMPLES);
  for (const [name, written] of file.dockerfile.globalArgs) {
    if (written === undefined) values.set(name, '');
    else values.set(name, canSubstitute(written) ? substituteVariables(written, values) : undefined);
  }
  return values;
}

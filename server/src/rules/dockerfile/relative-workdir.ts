import { posix } from 'node:path';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { isAbsolutePath, unquote } from '../support/copyAndAdd';
import { instructionsNamed } from '../support/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/relative-workdir',
  meta: {
    severity: 'error',
    description: 'A WORKDIR path is relative, so where it points depends on earlier instructions or on the base image.',
    aliases: ['hadolint:DL3000', 'buildkit:WorkdirRelativePath'],
    messages: {
      relative: 'WORKDIR {{path}} is relative, so it depends on the working directory the base image sets; write an absolute path (for example {{absolute}}).',
      relativeResolved: 'WORKDIR {{path}} is relative and resolves to {{absolute}} only because of an earlier WORKDIR; write the absolute path {{absolute}}.',
    },
    explanation: {
      why: 'A relative WORKDIR is resolved against whatever working directory came before, which may be set by the base image and change with it.',
      standard: 'BuildKit build check WorkdirRelativePath; hadolint DL3000.',
      bad: 'FROM node:22\nWORKDIR app',
      good: 'FROM node:22\nWORKDIR /app',
    },
  },
  check({ file, report }) {
    // Stages come in file order and build only on earlier ones, so each one's final directory is known when needed.
    const directoryAtEnd = new Map<DockerfileStage, string | undefined>();
    for (const stage of file.dockerfile.stages) {
      let directory = stage.baseStage && directoryAtEnd.get(stage.baseStage);
      for (const instruction of instructionsNamed(stage, 'WORKDIR')) {
        const path = unquote(instruction.getArgumentsContent()?.trim() ?? '');
        const range = instruction.getArgumentsRange();
        // A variable such as $HOME or ${APP_DIR} usually holds an absolute path; it cannot be judged here.
        if (path && range && !path.startsWith('$') && !isAbsolutePath(path)) {
          if (directory) report({ messageId: 'relativeResolved', data: { path, absolute: posix.join(directory, path) }, range });
          else report({ messageId: 'relative', data: { path, absolute: posix.join('/', path) }, range });
        }
        directory = directoryAfter(directory, path);
      }
      directoryAtEnd.set(stage, directory);
    }
  },
});

/** The working directory after a WORKDIR, when the WORKDIRs so far add up to a known absolute path. */
function directoryAfter(directory: string | undefined, path: string): string | undefined {
  if (path.startsWith('$') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return undefined;
  return path.startsWith('/') ? path : directory && posix.join(directory, path);
}

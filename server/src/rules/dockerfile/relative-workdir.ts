import { posix } from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { isAbsolutePath, unquote } from '../support/copyAndAdd';
import { instructionsNamed, stageChain } from '../support/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/relative-workdir',
  meta: {
    severity: 'error',
    description: 'A WORKDIR path is relative, so where it points depends on earlier instructions or on the base image.',
    fixable: false,
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
    for (const stage of file.dockerfile.stages) {
      for (const instruction of instructionsNamed(stage, 'WORKDIR')) {
        const path = unquote(instruction.getArgumentsContent()?.trim() ?? '');
        const range = instruction.getArgumentsRange();
        // A variable such as $HOME or ${APP_DIR} usually holds an absolute path; it cannot be judged here.
        if (!path || !range || path.startsWith('$') || isAbsolutePath(path)) continue;
        const base = absoluteWorkdirBefore(stage, instruction);
        if (base) report({ messageId: 'relativeResolved', data: { path, absolute: posix.join(base, path) }, range });
        else report({ messageId: 'relative', data: { path, absolute: posix.join('/', path) }, range });
      }
    }
  },
});

/** The working directory set by the WORKDIRs above the instruction, when they add up to a known absolute path. */
function absoluteWorkdirBefore(stage: DockerfileStage, instruction: Instruction): string | undefined {
  const line = instruction.getRange().start.line;
  const workdirs = stageChain(stage)
    .reverse()
    .flatMap((current) => instructionsNamed(current, 'WORKDIR'))
    .filter((candidate) => candidate.getRange().start.line < line)
    .map((candidate) => unquote(candidate.getArgumentsContent()?.trim() ?? ''));
  let directory: string | undefined;
  for (const path of workdirs) {
    if (path.startsWith('$') || path.includes('\\') || /^[A-Za-z]:/.test(path)) directory = undefined;
    else directory = path.startsWith('/') ? path : directory && posix.join(directory, path);
  }
  return directory;
}

import { posix } from 'node:path';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { isAbsolutePath, unquote } from '../support/copyAndAdd';
import { instructionsNamed } from '../support/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/relative-workdir',
  meta: {
    severity: 'error',
    description: 'A WORKDIR path is relative: where it points depends on the WORKDIR before it, which may be the one the base image sets.',
    fix: { when: 'when an absolute WORKDIR comes before it in the stage', applied: 'auto' },
    aliases: ['hadolint:DL3000', 'buildkit:WorkdirRelativePath'],
    messages: {
      relative: 'WORKDIR {{path}} is relative, so it depends on the working directory the base image sets; write an absolute path (for example {{absolute}}).',
      relativeResolved:
        'WORKDIR {{path}} is relative to the earlier WORKDIR and resolves to {{absolute}}; write {{absolute}} so the path reads without looking back.',
    },
    explanation: {
      why: "A relative WORKDIR is resolved against whatever working directory came before. With no absolute WORKDIR earlier in the stage (or the stages it builds on) that is the one the base image sets, which can change with it: an error, as BuildKit's WorkdirRelativePath check. After an absolute WORKDIR the result is deterministic, so it is only reported as info (BuildKit is silent there), with a fix that writes the absolute path.",
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
          if (directory) {
            const absolute = posix.join(directory, path);
            const fixes = [
              { title: `Write the absolute path ${absolute}`, edits: [{ range, newText: asWritten(absolute, instruction.getArgumentsContent() ?? '') }] },
            ];
            report({ messageId: 'relativeResolved', data: { path, absolute }, range, severity: 'info', fixes });
          } else report({ messageId: 'relative', data: { path, absolute: posix.join('/', path) }, range });
        }
        directory = directoryAfter(directory, path);
      }
      directoryAtEnd.set(stage, directory);
    }
  },
});

/** Quoted as the original was, or when the builder would otherwise split it. */
function asWritten(path: string, original: string): string {
  return /^["']/.test(original.trim()) || /\s/.test(path) ? JSON.stringify(path) : path;
}

/** The working directory after a WORKDIR, when the WORKDIRs so far add up to a known absolute path. */
function directoryAfter(directory: string | undefined, path: string): string | undefined {
  if (path.startsWith('$') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return undefined;
  return path.startsWith('/') ? path : directory && posix.join(directory, path);
}

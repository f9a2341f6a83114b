import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { hasVariable } from '../../parsing/imageReference';
import { copiesAndAdds, copyArguments, isRemoteSource, isTarArchive, type PathArgument } from '../support/copyAndAdd';

/** Flags ADD and COPY share; an ADD with any other flag (`--checksum`, `--keep-git-dir`, `--unpack`) has no COPY equivalent. */
const FLAGS_COPY_ACCEPTS = new Set(['chown', 'chmod', 'link', 'exclude']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/add-instead-of-copy',
  meta: {
    severity: 'error',
    description: "ADD is used for local files or folders, where COPY does the same without ADD's implicit downloading and unpacking.",
    fix: { when: 'when every source is a local file that is not an archive and every flag is one COPY accepts', applied: 'auto' },
    aliases: ['hadolint:DL3020', 'checkov:CKV_DOCKER_4'],
    messages: {
      add: 'ADD copies the local source {{source}}; use COPY, which only copies (keep ADD for URLs, git repositories and tar archives it should unpack).',
    },
    explanation: {
      why: 'ADD also downloads URLs and unpacks tar archives, so reading `ADD` a reviewer cannot tell whether a file is copied or extracted; COPY does exactly one thing.',
      standard: 'Docker build best practices; hadolint DL3020; checkov CKV_DOCKER_4.',
      bad: 'ADD requirements.txt /app/',
      good: 'COPY requirements.txt /app/',
    },
  },
  check({ file, report }) {
    for (const { instruction } of copiesAndAdds(file.dockerfile, { onbuild: true })) {
      if (instruction.getKeyword() !== 'ADD') continue;
      const { sources } = copyArguments(file, instruction);
      // A variable may hold a URL or an archive name, so it cannot be judged.
      const isLocal = (source: PathArgument) => !isRemoteSource(source.value) && !isTarArchive(source.value);
      const local = sources.find(isLocal);
      if (!local || sources.some((source) => hasVariable(source.value))) continue;
      // COPY cannot fetch a URL or unpack an archive that the same ADD also handles.
      const fixes = sources.every(isLocal) ? copyFix(instruction) : [];
      report({ messageId: 'add', data: { source: local.value }, range: instruction.getInstructionRange(), fixes });
    }
  },
});

function copyFix(instruction: Instruction): Fix[] {
  const flags = (instruction as JSONInstruction).getFlags();
  if (flags.some((flag) => !FLAGS_COPY_ACCEPTS.has(flag.getName()))) return [];
  const keyword = instruction.getInstruction();
  const newText = keyword === keyword.toLowerCase() ? 'copy' : 'COPY';
  return [{ title: 'Replace ADD with COPY', edits: [{ range: instruction.getInstructionRange(), newText }] }];
}

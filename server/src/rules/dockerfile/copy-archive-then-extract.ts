import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { commandsNamed, hasOption, type RunCommand } from '../../parsing/dockerfileRun';
import { baseName } from '../../parsing/documentKind';
import { copiesAndAdds, copyArguments, flagNamed, isTarArchive, type PathArgument } from '../support/copyAndAdd';
import { runsOfStage } from '../support/dockerfile';

/** tar options that ADD's unpacking cannot reproduce, so the extraction has to stay a RUN. */
const OPTIONS_ADD_LACKS = ['--strip-components', '--exclude', '--wildcards', '--transform', '--xform', '--include'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-archive-then-extract',
  meta: {
    severity: 'info',
    description: 'A tar archive is copied into the image and then unpacked by a RUN, where ADD would unpack it in one step.',
    aliases: ['hadolint:DL3010'],
    messages: {
      extract:
        '{{archive}} is copied and then unpacked with tar on line {{line}}, which keeps the archive in a layer; use ADD {{archive}} <directory>/, which unpacks local tar archives itself.',
    },
    explanation: {
      why: 'Copying an archive and unpacking it in a RUN keeps the archive in the COPY layer; ADD unpacks a local tar archive in the layer it creates.',
      standard: 'hadolint DL3010.',
      bad: 'COPY vendor.tar.gz /tmp/\nRUN tar -xzf /tmp/vendor.tar.gz -C /opt',
      good: 'ADD vendor.tar.gz /opt/',
    },
  },
  check({ file, report }) {
    for (const [stage, archives] of copiedArchives(file)) {
      const reported = new Set<PathArgument>();
      for (const run of runsOfStage(file, stage)) {
        if (run.onbuild) continue;
        const runLine = run.instruction.getRange().start.line;
        for (const command of commandsNamed(run, 'tar').filter(extractsEverything)) {
          for (const name of command.args.map(archiveName)) {
            const copied = name === undefined ? undefined : archives.get(name);
            if (!copied || reported.has(copied) || copied.range.start.line > runLine) continue;
            reported.add(copied);
            report({ messageId: 'extract', data: { archive: copied.value, line: runLine + 1 }, range: copied.range });
          }
        }
      }
    }
  },
});

/** Per stage, the tar archives its COPYs bring in from the context, by the file names a RUN would use. */
function copiedArchives(file: DockerfileFile): Map<DockerfileStage, Map<string, PathArgument>> {
  const byStage = new Map<DockerfileStage, Map<string, PathArgument>>();
  for (const { instruction, stage } of copiesAndAdds(file.dockerfile, { onbuild: false })) {
    if (instruction.getKeyword() !== 'COPY' || flagNamed(instruction, 'from')) continue;
    const archives = byStage.get(stage) ?? new Map<string, PathArgument>();
    byStage.set(stage, archives);
    const { sources, destination } = copyArguments(file, instruction);
    for (const source of sources.filter((candidate) => !candidate.heredoc && isTarArchive(candidate.value))) {
      archives.set(baseName(source.value), source);
      // `COPY app.tgz /tmp/bundle.tgz` is then extracted under the destination's name.
      if (destination && isTarArchive(destination.value)) archives.set(baseName(destination.value), source);
    }
  }
  return byStage;
}

function extractsEverything(command: RunCommand): boolean {
  const firstArg = command.args[0];
  // `tar xzf archive.tgz`: the old style bundles the options into a first word without a dash.
  const oldStyle = firstArg !== undefined && /^[A-Za-z]*x[A-Za-z]*$/.test(firstArg);
  return (oldStyle || hasOption(command, '-x', '--extract', '--get')) && !hasOption(command, ...OPTIONS_ADD_LACKS);
}

function archiveName(arg: string | undefined): string | undefined {
  return arg === undefined ? undefined : baseName(arg.replace(/^--file=/, ''));
}

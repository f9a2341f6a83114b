import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { RunWord } from '../../parsing/dockerfileRun';
import { hasOptionNamed, pipInstallCalls, subcommandOperands, type ToolCall } from '../support/packageManagers';

/** PEP 440 version specifiers (`===` and `==` included through `=`). */
const SPECIFIER = /==|>=|<=|~=|!=|[<>]/;
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/;
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/pip-pin-versions',
  meta: {
    severity: 'warning',
    description: '`pip install` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3013'],
    messages: {
      unpinned:
        'Package "{{package}}" is installed without a version, so rebuilds can silently change it; pin it (`{{package}}==<version>`) or install from a requirements or constraints file (`-r requirements.txt`).',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3013.',
      bad: 'RUN pip install --no-cache-dir flask',
      good: 'RUN pip install --no-cache-dir flask==3.1.1',
    },
  },
  check({ file, report }) {
    for (const call of pipInstallCalls(file)) {
      if (installsFromFiles(call)) continue;
      const operands = subcommandOperands(call);
      operands.forEach((word, index) => {
        // `name @ https://…` is a direct reference written as three words.
        if (operands[index + 1]?.value === '@' || operands[index - 1]?.value === '@' || word.value === '@') return;
        if (!isPinned(word)) report({ messageId: 'unpinned', data: { package: word.value! }, range: word.range });
      });
    }
  },
});

/** Requirements and constraints files pin elsewhere; `.` installs the local project (as hadolint decides). */
function installsFromFiles(call: ToolCall): boolean {
  return hasOptionNamed(call, '-r', '--requirement', '-c', '--constraint') || call.command.args.includes('.');
}

function isPinned(word: RunWord): boolean {
  const spec = word.value;
  // Variables are decided at build time.
  if (spec === undefined || SPECIFIER.test(spec) || ARCHIVE.test(spec)) return true;
  // VCS URLs pin with `@ref`; `name@url` is a direct reference; other paths and URLs point at fixed files.
  if (VCS.test(spec)) return /@[^/@]+$/.test(spec);
  return spec.includes('@') || spec.includes('/');
}

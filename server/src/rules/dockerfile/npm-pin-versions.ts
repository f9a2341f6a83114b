import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callsOf, hasSubcommand, NPM_INSTALL, NPM_SYNTAX, subcommandOperands } from '../support/packageManagers';

const GIT = /^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const TARBALL = /\.(tar|tar\.gz|tgz)$/;
const LOCAL = /^(\/|\.\/|\.\.\/|~\/|file:)|^\.\.?$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/npm-pin-versions',
  meta: {
    severity: 'warning',
    description: '`npm install` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3016'],
    messages: {
      unpinned: 'Package "{{package}}" is installed without a fixed version, so rebuilds can silently change it; pin it as `{{package}}@<version>`.',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3016.',
      bad: 'RUN npm install -g pm2',
      good: 'RUN npm install -g pm2@5.4.3',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['npm'], NPM_SYNTAX)) {
      if (!hasSubcommand(call, ...NPM_INSTALL)) continue;
      for (const word of subcommandOperands(call)) {
        const spec = word.value;
        if (spec !== undefined && !isPinned(spec)) report({ messageId: 'unpinned', data: { package: spec.replace(/@latest$/, '') }, range: word.range });
      }
    }
  },
});

function isPinned(spec: string): boolean {
  if (GIT.test(spec)) return spec.includes('#');
  if (TARBALL.test(spec) || LOCAL.test(spec)) return true;
  const unscoped = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  const at = unscoped.indexOf('@');
  // `latest` is the tag that moves with every release: no better than no version at all.
  if (at >= 0) return unscoped.slice(at + 1) !== 'latest';
  // `user/repo` is a GitHub shorthand, pinned by `#ref`.
  return unscoped.includes('/') && !spec.startsWith('@') && spec.includes('#');
}

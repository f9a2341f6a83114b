import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callsOf, hasSubcommand, subcommandOperands, type OptionSyntax } from '../support/packageManagers';

const GO_SYNTAX: OptionSyntax = {
  singleDash: true,
  long: [
    '-o',
    '-p',
    '-C',
    '-tags',
    '-ldflags',
    '-gcflags',
    '-asmflags',
    '-gccgoflags',
    '-mod',
    '-modfile',
    '-pkgdir',
    '-toolexec',
    '-overlay',
    '-pgo',
    '-buildmode',
    '-compiler',
    '-installsuffix',
    '-coverpkg',
    '-covermode',
    '-exec',
    '-reuse',
  ].flatMap((name) => [name, `-${name}`]),
};
/** Version queries that move: `latest`, and the upgrade queries of `go get`. */
const FLOATING = /@(latest|upgrade|patch)$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/go-pin-versions',
  meta: {
    severity: 'warning',
    description: '`go install`, `go get` or `go run` names a remote package without a fixed version, so rebuilds build whatever version is current.',
    aliases: ['hadolint:DL3062'],
    messages: {
      unpinned:
        'Package "{{package}}" is used without a fixed version, so rebuilds can silently change it; pin it as `{{package}}@<version>` (`@latest` moves too).',
    },
    explanation: {
      why: 'A path without a version, or with `@latest`, resolves to whatever was released last, so a rebuild can fetch a different tool than the one that was tested.',
      standard: 'hadolint DL3062.',
      bad: 'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
      good: 'RUN go install github.com/go-delve/delve/cmd/dlv@v1.25.0',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['go'], GO_SYNTAX)) {
      if (!hasSubcommand(call, 'install', 'get', 'run')) continue;
      // `go run` takes one package; the words after it are the program's own arguments.
      const packages = hasSubcommand(call, 'run') ? subcommandOperands(call).slice(0, 1) : subcommandOperands(call);
      for (const word of packages) {
        const path = word.value;
        if (path === undefined || isLocal(path) || (path.includes('@') && !FLOATING.test(path))) continue;
        // Go 1.24's `tool` pattern installs the go.mod `tool` directives at the versions go.mod pins (hadolint
        // skips it too); `go get tool` still fires, since it upgrades them.
        if (path === 'tool' && hasSubcommand(call, 'install')) continue;
        report({ messageId: 'unpinned', data: { package: path.replace(FLOATING, '') }, range: word.range });
      }
    }
  },
});

/** Packages of the module being built (`.`, `./cmd/...`, `/src/app`) and `.go` files need no version. */
function isLocal(path: string): boolean {
  return path.startsWith('.') || path.startsWith('/') || path.endsWith('.go');
}

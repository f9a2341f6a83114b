import { defineDockerfileRule } from '../../engine/ruleTypes';
import { canonicalRepository } from '../../knowledge/images';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { rootStage } from '../support/dockerfile';
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
/** The Go 1.x minor where each subcommand takes `pkg@version`: go get in module mode, go install, go run. */
const VERSION_QUERIES_SINCE: Readonly<Record<string, number>> = { get: 11, install: 16, run: 17 };

export const rule = defineDockerfileRule({
  id: 'dockerfile/go-pin-versions',
  meta: {
    severity: 'warning',
    description: '`go install`, `go get` or `go run` names a remote package without a fixed version, so rebuilds build whatever version is current.',
    aliases: ['hadolint:DL3062'],
    messages: {
      unpinned:
        'Package "{{package}}" is used without a fixed version, so rebuilds can silently change it; pin it as `{{package}}@<version>` (`@latest` moves too).',
      unpinnedGopathMode:
        'Package "{{package}}" is fetched without a fixed version, so rebuilds can silently change it; Go 1.{{minor}} has no `go install {{package}}@<version>` (Go 1.16 added it), so pin it in module mode: `GO111MODULE=on go get {{package}}@<version>`.',
    },
    explanation: {
      why: "A path without a version, or with `@latest`, resolves to whatever was released last, so a rebuild can fetch a different tool than the one that was tested. The advice follows the Go version of the stage's `golang:<version>` base image: `go install pkg@version` needs Go 1.16 and `go run pkg@version` Go 1.17; on Go 1.11 to 1.15 only `go get` fetches, pinned with `GO111MODULE=on go get pkg@version`; before Go 1.11 (no modules) there is no version to pin, so nothing is reported.",
      standard: 'hadolint DL3062.',
      bad: 'RUN go install github.com/go-delve/delve/cmd/dlv@latest',
      good: 'RUN go install github.com/go-delve/delve/cmd/dlv@v1.25.0',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['go'], GO_SYNTAX)) {
      const subcommand = call.operands[0]?.value;
      if (subcommand === undefined || !(subcommand in VERSION_QUERIES_SINCE)) continue;
      // An older Go cannot take a version here: in GOPATH mode `go install` builds what `go get` fetched, which is reported.
      const minor = goMinorOf(call.run.stage);
      if (minor !== undefined && minor < VERSION_QUERIES_SINCE[subcommand]!) continue;
      const messageId = minor !== undefined && minor < VERSION_QUERIES_SINCE.install! ? 'unpinnedGopathMode' : 'unpinned';
      // `go run` takes one package; the words after it are the program's own arguments.
      const packages = hasSubcommand(call, 'run') ? subcommandOperands(call).slice(0, 1) : subcommandOperands(call);
      for (const word of packages) {
        const path = word.value;
        if (path === undefined || isLocal(path) || (path.includes('@') && !FLOATING.test(path))) continue;
        // Go 1.24's `tool` pattern installs the go.mod `tool` directives at the versions go.mod pins (hadolint
        // skips it too); `go get tool` still fires, since it upgrades them.
        if (path === 'tool' && hasSubcommand(call, 'install')) continue;
        report({ messageId, data: { package: path.replace(FLOATING, ''), minor: minor ?? '' }, range: word.range });
      }
    }
  },
});

/** The Go 1.x minor of a stage built on `golang:1.x…`; undefined for any other image or a tag without it (`golang:alpine`). */
function goMinorOf(stage: DockerfileStage): number | undefined {
  const image = rootStage(stage).image;
  const minor = image && canonicalRepository(image) === 'golang' ? /^1\.(\d+)(?![\d])/.exec(image.tag ?? '')?.[1] : undefined;
  return minor === undefined ? undefined : Number(minor);
}

/** Packages of the module being built (`.`, `./cmd/...`, `/src/app`) and `.go` files need no version. */
function isLocal(path: string): boolean {
  return path.startsWith('.') || path.startsWith('/') || path.endsWith('.go');
}

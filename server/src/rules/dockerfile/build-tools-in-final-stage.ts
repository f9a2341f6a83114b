import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { RunCommand, RunWord } from '../../parsing/dockerfileRun';
import { runsOfStage, stageChain } from '../support/dockerfile';
import {
  APK_SYNTAX,
  APT_SYNTAX,
  hasOptionNamed,
  hasSubcommand,
  parseCall,
  subcommandOperands,
  type OptionSyntax,
  type ToolCall,
} from '../support/packageManagers';
import { DNF_PROGRAMS, RPM_SYNTAX, YUM_PROGRAMS, ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';
import { isDevContainer } from '../support/devContainer';
import { imagePurpose, isBaseImage, runsUnattended } from '../support/imagePurpose';
import { listInProse } from '../support/prose';

interface Installer {
  programs: readonly string[];
  syntax: OptionSyntax;
  install: readonly string[];
  remove: readonly string[];
}

const APT: Installer = { programs: ['apt-get', 'apt', 'aptitude'], syntax: APT_SYNTAX, install: ['install'], remove: ['remove', 'purge', 'autoremove'] };
const INSTALLERS: readonly Installer[] = [
  APT,
  { programs: ['apk'], syntax: APK_SYNTAX, install: ['add'], remove: ['del'] },
  { programs: [...YUM_PROGRAMS, ...DNF_PROGRAMS], syntax: RPM_SYNTAX, install: ['install'], remove: ['remove', 'erase'] },
  { programs: ZYPPER_PROGRAMS, syntax: ZYPPER_SYNTAX, install: ['install', 'in'], remove: ['remove', 'rm'] },
];

/**
 * Compilers and build systems, optionally versioned (`gcc-12`, rpm's `make-4.3`). git is left out on purpose:
 * it is no compiler, and images that clone or inspect repositories at run time need it.
 */
const BUILD_TOOL =
  /^(gcc|g\+\+|gcc-c\+\+|gcc-toolset-\d+|clang|make|cmake|build-essential|build-base|autoconf|automake|libtool|pkg-?config|pkgconf|linux-headers)(-\d[\w.+~^:-]*)?$/;
/** Headers and static libraries: Debian/Alpine `-dev`, RPM `-devel` (optionally versioned, as rpm pins them). */
const DEV_PACKAGE = /-(dev|devel)(-\d[\w.+~^:-]*)?$/;

interface Installed {
  /** The RUN that installs it, which is reported once for all it installs. */
  instruction: Instruction;
  word: RunWord;
  name: string;
  /** apk's `--virtual` group, which `apk del <group>` removes as a whole. */
  group: string | undefined;
  /** Installed by apt, whose `apt-mark auto` hands packages over to `--auto-remove`. */
  apt: boolean;
  markedAuto: boolean;
}

export const rule = defineDockerfileRule({
  id: 'dockerfile/build-tools-in-final-stage',
  meta: {
    severity: 'warning',
    description: 'The final stage installs compilers or development packages, which then ship in the runtime image.',
    aliases: [],
    messages: {
      buildTool:
        '"{{package}}" is a compiler or development package installed in the final stage, so it ships in the runtime image (size, attack surface); install it in a build stage and copy only the built artifacts, or remove it in the same RUN.',
      buildTools:
        '{{packages}} are compilers or development packages installed in the final stage, so they ship in the runtime image (size, attack surface); install them in a build stage and copy only the built artifacts, or remove them in the same RUN.',
    },
    explanation: {
      why: "Compilers and headers are only needed to build; left in the runtime image they add size, more packages to patch, and tools an attacker can use to build code inside the container. Not reported for images that are tools rather than services (the final image starts a test runner, a code generator, a linter or an infrastructure CLI: see missing-healthcheck for how the purpose is told), where the toolchain is the point, nor for images that are a base for others or an environment to work in (they start a shell or a language's REPL, or nothing of their own while holding no application files: the official language images ship compilers on purpose), nor for dev containers. For an image whose purpose the Dockerfile does not tell (a command-line tool, say) it is info; it is a warning where the image runs unattended (a service, an application started through a language runtime, a queue worker). A RUN is reported once, at its first build tool, naming all it installs: they have one remedy.",
      standard: 'Container standard "minimal images"; Docker docs, "Multi-stage builds".',
      bad: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache make g++ python3 && npm ci --omit=dev\nCMD ["node", "server.js"]',
      good: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache --virtual .build-deps make g++ python3 \\\n    && npm ci --omit=dev && apk del .build-deps\nCMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    // A test runner, a code generator, a toolbox, a language image or a dev container is its toolchain: compilers there are the point.
    if (!final || imagePurpose(file) === 'tool' || isBaseImage(file) || isDevContainer(file, final)) return;
    // A command-line tool run by hand may need its toolchain too; what runs unattended should not carry one.
    const severity = runsUnattended(file) ? undefined : ('info' as const);
    const installed: Installed[] = [];
    // What the final image holds: the final stage and the stages it builds on (`FROM base`), oldest first.
    // ONBUILD triggers install into some later image, not this one.
    for (const stage of stageChain(final).reverse()) {
      for (const run of runsOfStage(file, stage).filter((candidate) => !candidate.onbuild)) {
        for (const command of run.commands) {
          if (isAptMarkAuto(command)) markAptPackagesAuto(installed);
          const installer = INSTALLERS.find((candidate) => command.program !== undefined && candidate.programs.includes(command.program));
          if (!installer) continue;
          const call = parseCall(run, command, 0, installer.syntax);
          if (hasSubcommand(call, ...installer.install)) installed.push(...buildTools(call, installer === APT));
          else if (hasSubcommand(call, ...installer.remove)) removeFrom(installed, subcommandOperands(call));
          if (installer === APT && (hasSubcommand(call, 'autoremove') || hasOptionNamed(call, '--auto-remove', '--autoremove'))) autoRemove(installed);
        }
      }
    }
    // One finding per RUN, at its first build tool: the remedy (a build stage) is the same for all of them.
    const byInstruction = new Map<Instruction, Installed[]>();
    for (const entry of installed) byInstruction.set(entry.instruction, [...(byInstruction.get(entry.instruction) ?? []), entry]);
    for (const entries of byInstruction.values()) {
      const names = [...new Set(entries.map((entry) => `"${entry.name}"`))];
      const range = entries[0]!.word.range;
      if (names.length === 1) report({ messageId: 'buildTool', data: { package: entries[0]!.name }, range, severity });
      else report({ messageId: 'buildTools', data: { packages: listInProse(names) }, range, severity });
    }
  },
});

function buildTools(call: ToolCall, apt: boolean): Installed[] {
  const group = call.command.program === 'apk' ? call.options.find((option) => option.name === '--virtual' || option.name === '-t')?.value : undefined;
  return subcommandOperands(call).flatMap((word) => {
    const name = word.value && packageName(word.value);
    return name && (BUILD_TOOL.test(name) || DEV_PACKAGE.test(name)) ? [{ instruction: call.run.instruction, word, name, group, apt, markedAuto: false }] : [];
  });
}

/** Drops what a later `apt-get purge`, `apk del`, `dnf remove` … takes out again, by name or apk group. */
function removeFrom(installed: Installed[], removed: readonly RunWord[]): void {
  const names = new Set(removed.map((word) => word.value && packageName(word.value)));
  for (let index = installed.length - 1; index >= 0; index--) {
    const entry = installed[index]!;
    if (names.has(entry.name) || (entry.group !== undefined && names.has(entry.group))) installed.splice(index, 1);
  }
}

/**
 * The official images' clean-up: `apt-mark auto '.*'` (then `apt-mark manual` for what must stay, which lists
 * runtime libraries, not compilers) and `apt-get purge --auto-remove` remove every build dependency at once.
 */
function isAptMarkAuto(command: RunCommand): boolean {
  // Also through xargs: `apt-mark showmanual | xargs apt-mark auto`.
  const isAptMark = command.program === 'apt-mark' || (command.program === 'xargs' && command.args.includes('apt-mark'));
  return isAptMark && command.args.includes('auto');
}

function markAptPackagesAuto(installed: Installed[]): void {
  for (const entry of installed) if (entry.apt) entry.markedAuto = true;
}

function autoRemove(installed: Installed[]): void {
  for (let index = installed.length - 1; index >= 0; index--) if (installed[index]!.markedAuto) installed.splice(index, 1);
}

/** `gcc=4:12.2.0-3`, `gcc/bookworm`, `gcc:amd64`, `gcc>=7`, `gcc@edge` → `gcc`. */
function packageName(value: string): string {
  return value.split(/[=<>~@/]/)[0]!.replace(/:[a-z0-9_]+$/, '');
}

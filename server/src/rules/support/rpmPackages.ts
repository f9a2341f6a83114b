import type { Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions, type RunCommand, type RunInstruction, type RunWord } from '../../parsing/dockerfileRun';
import { callsIn, hasOptionNamed, hasSubcommand, insertOptionAfter, mountTargets, parseCall, type OptionSyntax, type ToolCall } from './packageManagers';
import { appendAfterCommand, removesFolder } from './shellCommands';
import { layersShip } from './shippedLayers';

/** What the yum, dnf/microdnf and zypper rules (hadolint DL3030–DL3041) share. */

export const YUM_PROGRAMS = ['yum'];
export const DNF_PROGRAMS = ['dnf', 'microdnf'];
export const ZYPPER_PROGRAMS = ['zypper'];

/** yum/dnf options that take a value, so the word after them is no package. */
export const RPM_SYNTAX: OptionSyntax = {
  long: [
    '--config',
    '--exclude',
    '--enablerepo',
    '--disablerepo',
    '--repo',
    '--repoid',
    '--setopt',
    '--installroot',
    '--releasever',
    '--debuglevel',
    '--errorlevel',
    '--downloaddir',
    '--destdir',
    '--forcearch',
    '--color',
    '--rpmverbosity',
    '--advisory',
    '--cve',
    '--bz',
    '--sec-severity',
  ],
  short: 'cxdeR',
};

/** zypper's global and install options that take a value. */
export const ZYPPER_SYNTAX: OptionSyntax = {
  long: [
    '--config',
    '--root',
    '--reposd-dir',
    '--cache-dir',
    '--raw-cache-dir',
    '--solv-cache-dir',
    '--pkg-cache-dir',
    '--userdata',
    '--repo',
    '--from',
    '--type',
    '--download',
  ],
  short: 'cRDrt',
};

/** Where yum, dnf (dnf5: libdnf5) and microdnf keep metadata and downloaded packages. */
export const RPM_CACHE_FOLDERS = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

/** How a package manager's download cache is left behind and cleaned (hadolint DL3032, DL3036, DL3040). */
export interface PackageCache {
  programs: readonly string[];
  syntax: OptionSyntax;
  installSubcommands: readonly string[];
  /** Where the cache lives: a cache or tmpfs mount on one of them (or a parent) keeps it out of the layer. */
  folders: readonly string[];
  isCleanup: (run: RunInstruction, command: RunCommand) => boolean;
  /** The clean-up command the fix appends, e.g. `dnf clean all`. */
  cleanCommand: (program: string) => string;
}

/**
 * Per RUN, the first install of its last stretch of installs that no clean-up follows (a clean-up before an
 * install leaves the new downloads behind), with the fix that appends the clean-up after the last install.
 */
export function uncleanedInstalls(file: DockerfileFile, cache: PackageCache): { install: ToolCall; fixes: Fix[] }[] {
  return runInstructions(file).flatMap((run) => {
    if (hasCacheMountOn(run, cache.folders) || !layersShip(file, run)) return [];
    const installs = callsIn(run, cache.programs, cache.syntax).filter((call) => hasSubcommand(call, ...cache.installSubcommands));
    let pending: ToolCall | undefined;
    for (const command of run.commands) {
      const install = installs.find((call) => call.command === command);
      if (install) pending ??= install;
      else if (pending && cache.isCleanup(run, command)) pending = undefined;
    }
    if (!pending) return [];
    const clean = cache.cleanCommand(pending.command.program!);
    const edit = appendAfterCommand(file, run, installs.at(-1)!.command, clean);
    return [{ install: pending, fixes: edit ? [{ title: `Append \`&& ${clean}\``, edits: [edit] }] : [] }];
  });
}

function hasCacheMountOn(run: RunInstruction, folders: readonly string[]): boolean {
  return [...mountTargets(run, 'cache'), ...mountTargets(run, 'tmpfs')].some((target) =>
    folders.some((folder) => folder === target || folder.startsWith(`${target}/`)),
  );
}

/** `yum`/`dnf`/`microdnf` installs without `-y`/`--assumeyes`, which a build cannot answer. */
export function installsWithoutAssumeYes(run: RunInstruction, programs: readonly string[]): ToolCall[] {
  return callsIn(run, programs, RPM_SYNTAX).filter(
    (call) => hasSubcommand(call, 'install', 'groupinstall', 'localinstall') && !hasOptionNamed(call, '-y', '--assumeyes'),
  );
}

/** The `-y` fix, inserted after the subcommand where people expect it (`dnf install -y x`). */
export function assumeYesFix(file: DockerfileFile, call: ToolCall): Fix[] {
  const subcommand = call.operands[0]!;
  return insertOptionAfter(file, call, subcommand, '-y', `Add -y: ${subcommand.value} -y`);
}

/**
 * `yum clean all`, `dnf clean all` or `microdnf clean all` (on RHEL 8+ `yum` is dnf, so they share one cache), or
 * an `rm` of the cache folders.
 */
export function isRpmCleanup(run: RunInstruction, command: RunCommand): boolean {
  if (removesFolder(command, RPM_CACHE_FOLDERS)) return true;
  if (command.program === undefined || ![...YUM_PROGRAMS, ...DNF_PROGRAMS].includes(command.program)) return false;
  const call = parseCall(run, command, 0, RPM_SYNTAX);
  return hasSubcommand(call, 'clean') && call.operands.some((word) => word.value === 'all');
}

/**
 * The package words of `yum/dnf install` and `yum/dnf module install` that pin no version. A package is pinned
 * as `name-version` (a part after a dash starts with a digit: `python3-pip` is not pinned, `nginx-1.24.0` is),
 * a module as `name:stream`. Files, URLs, `@groups`, capabilities such as `perl(JSON)` and expansions are skipped.
 */
export function unpinnedRpmPackages(run: RunInstruction, programs: readonly string[]): RunWord[] {
  return callsIn(run, programs, RPM_SYNTAX).flatMap((call) => {
    const [subcommand, ...rest] = call.operands;
    if (subcommand?.value === 'install') return rest.filter((word) => isPackageName(word.value) && !isRpmVersionPinned(word.value));
    if (subcommand?.value === 'module' && rest[0]?.value === 'install')
      return rest.slice(1).filter((word) => isPackageName(word.value) && !word.value.includes(':'));
    return [];
  });
}

/** A package given by name (not a file, URL, group, capability or expansion). */
export function isPackageName(value: string | undefined): value is string {
  return value !== undefined && value !== '' && !value.startsWith('@') && !/[/(]/.test(value) && !value.endsWith('.rpm');
}

function isRpmVersionPinned(name: string): boolean {
  const [, ...tail] = name.split('-');
  return tail.length > 0 && tail.every((part) => /^[A-Za-z0-9.~^_:+]*$/.test(part)) && tail.some((part) => /^\d/.test(part));
}

import { defineDockerfileRule } from '../../engine/ruleTypes';
import { basename, type ConstructKind, type ParsedScript, type ScriptCommand } from '../../parsing/shellScript';
import { foundIn, reportOnce, shellFlavour, shellRuns, sourceOf, type Occurrence, type ScriptEdit, type ShellFlavour } from '../support/shellChecks';

/** A bash feature, as ShellCheck names it, and what POSIX sh writes instead. */
interface Bashism {
  code: string;
  /** What the message calls it. */
  what: string;
  /** What to write instead, in the message; empty when only bash will do. */
  instead: string;
  /**
   * Whether BusyBox ash (Alpine's `/bin/sh`, built with bash compatibility) has it, or may have it: on Alpine only
   * what ash surely lacks is reported.
   */
  inAsh: boolean;
}

const CONSTRUCTS: Partial<Record<ConstructKind, Bashism>> = {
  'double-bracket-test': { code: 'SC3010', what: '`[[ … ]]`', instead: '`[ … ]` (with quoted operands)', inAsh: true },
  'arithmetic-command': { code: 'SC3006', what: 'a standalone `(( … ))`', instead: '`[ "$((…))" -ne 0 ]` or `: $((…))`', inAsh: true },
  'arithmetic-for': { code: 'SC3005', what: '`for (( … ))`', instead: 'a `while` loop with `$((…))`', inAsh: false },
  select: { code: 'SC3008', what: '`select`', instead: '', inAsh: false },
  coproc: { code: 'SC3032', what: '`coproc`', instead: 'a named pipe (`mkfifo`)', inAsh: false },
  'function-keyword': { code: 'SC2112', what: 'the `function` keyword', instead: '`name() { … }`', inAsh: true },
  'process-substitution': { code: 'SC3001', what: 'process substitution `<(…)`', instead: 'a temporary file or a pipe', inAsh: true },
  'here-string': { code: 'SC3011', what: 'a here-string `<<<`', instead: "a pipe (`printf '%s\\n' … |`) or a heredoc", inAsh: true },
  'redirect-both': { code: 'SC3020', what: '`&>`', instead: '`> file 2>&1`', inAsh: true },
  'pipe-both': { code: 'SC3029', what: '`|&`', instead: '`2>&1 |`', inAsh: true },
  'array-assignment': { code: 'SC3030', what: 'an array', instead: 'a list in a plain variable, or `set --`', inAsh: false },
  'array-reference': { code: 'SC3054', what: 'an array reference `${name[…]}`', instead: '', inAsh: false },
  'append-assignment': { code: 'SC3024', what: '`+=`', instead: '`name="$name…"`', inAsh: true },
  substring: { code: 'SC3057', what: 'substring expansion `${name:offset:length}`', instead: '`cut`, `expr` or `${name#…}`/`${name%…}`', inAsh: true },
  replacement: { code: 'SC3060', what: 'pattern replacement `${name/…/…}`', instead: '`sed` or `${name#…}`/`${name%…}`', inAsh: true },
  'case-modification': { code: 'SC3059', what: 'case modification `${name^^}`', instead: '`tr`', inAsh: true },
  indirection: { code: 'SC3053', what: 'indirect expansion `${!name}`', instead: '`eval`', inAsh: true },
  'ansi-c-quote': { code: 'SC3003', what: "`$'…'` quoting", instead: '`printf` (`"$(printf \'a\\tb\')"`)', inAsh: true },
  'locale-quote': { code: 'SC3004', what: '`$"…"` quoting', instead: '`"…"`', inAsh: true },
  'brace-expansion': { code: 'SC3009', what: 'brace expansion `{a,b}`', instead: 'the words written out', inAsh: false },
  'legacy-arithmetic': { code: 'SC3007', what: '`$[ … ]`', instead: '`$(( … ))`', inAsh: true },
};

/** `function name {` without the parentheses has a code of its own. */
const FUNCTION_WITHOUT_PARENTHESES: Bashism = { code: 'SC2113', what: 'the `function` keyword', instead: '`name() { … }`', inAsh: true };
const SOURCE: Bashism = { code: 'SC3046', what: '`source`', instead: '`.`', inAsh: true };
const DOUBLE_EQUALS: Bashism = { code: 'SC3014', what: '`==` in `[ ]`', instead: '`=`', inAsh: true };
const ECHO_FLAGS: Bashism = { code: 'SC3037', what: '`echo -e`', instead: '`printf`', inAsh: true };
const LET: Bashism = { code: 'SC3039', what: '`let`', instead: '`$(( … ))`', inAsh: true };
const PIPEFAIL: Bashism = { code: 'SC3040', what: '`set -o pipefail`', instead: 'bash (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`)', inAsh: true };
const BASH_BUILTINS: Readonly<Record<string, Bashism>> = {
  pushd: { code: 'SC3044', what: '`pushd`', instead: '`cd`', inAsh: false },
  popd: { code: 'SC3044', what: '`popd`', instead: '`cd`', inAsh: false },
  shopt: { code: 'SC3044', what: '`shopt`', instead: '', inAsh: false },
  declare: { code: 'SC3044', what: '`declare`', instead: 'a plain assignment (or `readonly`/`export`)', inAsh: true },
  typeset: { code: 'SC3044', what: '`typeset`', instead: 'a plain assignment', inAsh: true },
};

const ALL_CODES = [
  ...new Set(
    [...Object.values(CONSTRUCTS), FUNCTION_WITHOUT_PARENTHESES, SOURCE, DOUBLE_EQUALS, ECHO_FLAGS, LET, PIPEFAIL, ...Object.values(BASH_BUILTINS)].map(
      (bashism) => bashism.code,
    ),
  ),
].sort();

export const rule = defineDockerfileRule({
  id: 'dockerfile/bash-syntax-in-sh',
  meta: {
    severity: 'warning',
    description:
      "A RUN that runs under `/bin/sh` uses bash syntax (`[[ ]]`, `==` in `[ ]`, arrays, `source`, `function`, `$'…'`, `&>`, `{a,b}`, `echo -e`…) that dash or BusyBox ash does not have.",
    fix: { when: 'for `source`, `==` in `[ ]`, `&>` and the `function` keyword', applied: 'auto' },
    aliases: [...ALL_CODES.map((code) => `shellcheck:${code}`), 'shellcheck:SC2039'],
    messages: {
      bashism: '{{what}} is bash syntax, but this RUN runs under {{shell}}, which {{fate}}; {{advice}}{{also}}',
    },
    explanation: {
      why: 'A shell-form RUN runs `/bin/sh -c`, and `/bin/sh` is dash on Debian and Ubuntu and BusyBox ash on Alpine, not bash: `[[` is "not found", `&>` puts the command in the background, `echo -e` prints `-e`. One finding per RUN and feature, named by its ShellCheck code. Not reported under a SHELL or shebang that names bash, on Red Hat family images (whose `/bin/sh` is bash), nor on Alpine for what its ash has or may have (`[[ ]]`, `==`, `source`, `function`, `$\'…\'`, `&>`, `<(…)`, `${name/…}`, `echo -e`, `let`…): there only arrays, brace expansion, `for ((…))`, `select`, `coproc`, `pushd`/`popd` and `shopt` are reported.',
      standard: 'ShellCheck SC3xxx (formerly SC2039), SC2112; POSIX Shell Command Language.',
      bad: 'FROM debian:12\nRUN if [[ -f /etc/os-release ]]; then source /etc/os-release; fi',
      good: 'FROM debian:12\nRUN if [ -f /etc/os-release ]; then . /etc/os-release; fi',
    },
  },
  check({ file, report }) {
    for (const { run, script } of shellRuns(file)) {
      const byBashism = new Map<Bashism, Occurrence[]>();
      const flavours = new Map<number, ShellFlavour | undefined>();
      for (const { bashism, unit, ...occurrence } of foundIn(script.parsed, 'bash-syntax-in-sh', () => bashisms(script.parsed))) {
        if (!flavours.has(unit)) flavours.set(unit, shellFlavour(run, script, unit));
        const flavour = flavours.get(unit);
        if (flavour === 'bash' || flavour === 'other' || (flavour === 'ash' && bashism.inAsh)) continue;
        const occurrences = byBashism.get(bashism) ?? [];
        occurrences.push({ ...occurrence, data: { shell: shellName(flavour), fate: fateOn(flavour) } });
        byBashism.set(bashism, occurrences);
      }
      for (const [bashism, occurrences] of byBashism) {
        reportOnce(file, report, script, occurrences, {
          messageId: 'bashism',
          data: { what: bashism.what, advice: advice(bashism) },
          codes: [bashism.code, 'SC2039'],
          aliases: [`shellcheck:${bashism.code}`, 'shellcheck:SC2039'],
          fix: { title: `Rewrite ${bashism.what.replace(/`/g, '')} for POSIX sh` },
        });
      }
    }
  },
});

interface FoundBashism extends Occurrence {
  bashism: Bashism;
  unit: number;
}

/** Every bash feature of the script, whichever shell runs it: which ones matter depends on the shell and the image. */
function bashisms(parsed: ParsedScript): FoundBashism[] {
  const found: FoundBashism[] = [];
  const add = (bashism: Bashism, unit: number, span: { start: number; end: number }, edit?: ScriptEdit): void => {
    found.push({ bashism, unit, start: span.start, end: span.end, text: bashism.what, ...(edit ? { edits: [edit] } : {}) });
  };
  for (const construct of parsed.constructs) {
    const bashism = CONSTRUCTS[construct.kind];
    if (!bashism) continue;
    const source = sourceOf(parsed, construct);
    const replace = (newText: string): ScriptEdit => ({ start: construct.start, end: construct.end, newText });
    if (construct.kind === 'function-keyword') {
      const withParens = /\(\s*\)$/.test(source);
      const name = source.replace(/^function\s+/, '');
      add(withParens ? bashism : FUNCTION_WITHOUT_PARENTHESES, construct.script, construct, replace(withParens ? name : `${name}()`));
    } else if (construct.kind === 'redirect-both') {
      add(bashism, construct.script, construct, replace(`${source.replace(/^&(>>?)\s*/, '$1')} 2>&1`));
    } else {
      add(bashism, construct.script, construct);
    }
  }
  for (const command of parsed.allCommands) commandBashisms(parsed, command, add);
  return found;
}

type Add = (bashism: Bashism, unit: number, span: { start: number; end: number }, edit?: ScriptEdit) => void;

/** `source`, `==` in `[ ]`, `echo -e`, `let`, `set -o pipefail`, and bash's own built-ins. */
function commandBashisms(parsed: ParsedScript, command: ScriptCommand, add: Add): void {
  const [program, ...args] = command.words;
  const name = program?.value;
  if (!program || name === undefined) return;
  if (name === 'source') {
    // `.` looks a name without a slash up in PATH only, where bash's `source` also reads the current folder.
    const target = args[0];
    const edit = target?.value === undefined ? undefined : sourceEdit(parsed, program, target.start, target.value);
    add(SOURCE, command.script, program, edit);
  } else if (name === '[' || name === 'test') {
    for (const arg of args) if (arg.value === '==') add(DOUBLE_EQUALS, command.script, arg, { start: arg.start, end: arg.end, newText: '=' });
  } else if (basename(name) === 'echo') {
    const flag = args.find((arg) => arg.value !== undefined && /^-[nE]*e[neE]*$/.test(arg.value));
    if (flag) add(ECHO_FLAGS, command.script, flag);
  } else if (name === 'let') {
    add(LET, command.script, program);
  } else if (name === 'set') {
    const pipefail = args.findIndex((arg, index) => arg.value === 'pipefail' && /^-[a-z]*o$/.test(args[index - 1]?.value ?? ''));
    if (pipefail > 0) add(PIPEFAIL, command.script, { start: args[pipefail - 1]!.start, end: args[pipefail]!.end });
  } else if (BASH_BUILTINS[name]) {
    add(BASH_BUILTINS[name], command.script, program);
  }
}

/** `source x/y` → `. x/y`; `source file` → `. ./file`, as `.` would otherwise look the file up in PATH. */
function sourceEdit(parsed: ParsedScript, program: { start: number }, targetStart: number, target: string): ScriptEdit {
  const separator = parsed.text.slice(program.start + 'source'.length, targetStart);
  return { start: program.start, end: targetStart, newText: `.${separator}${target.includes('/') ? '' : './'}` };
}

function shellName(flavour: ShellFlavour | undefined): string {
  if (flavour === 'dash') return 'dash (this image’s `/bin/sh`)';
  if (flavour === 'ash') return 'BusyBox ash (this image’s `/bin/sh`)';
  return '`/bin/sh` (dash on Debian and Ubuntu, BusyBox ash on Alpine)';
}

function fateOn(flavour: ShellFlavour | undefined): string {
  return flavour ? 'does not have it: the RUN fails or does something else' : 'may not have it: the RUN then fails or does something else';
}

function advice(bashism: Bashism): string {
  const bash = 'run the script with bash (`SHELL ["/bin/bash", "-c"]` before this RUN)';
  return bashism.instead ? `write ${bashism.instead} instead, or ${bash}.` : `${bash}.`;
}

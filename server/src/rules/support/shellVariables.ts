import type { DockerfileFile } from '../../parsing/containerFile';
import { isPredefinedArg, type VariableDeclaration } from '../../parsing/dockerfileScope';
import type { RunInstruction } from '../../parsing/dockerfileRun';
import type { ParsedScript, ScriptWord } from '../../parsing/shellScript';
import type { WordPiece } from '../../parsing/shellWords';

/**
 * What a variable may hold where a RUN reads it, for the checks on unquoted expansions:
 * - `word`: one word, never empty, without blanks or wildcards (a literal such as `1.2.3`, a platform ARG, the
 *   output of `uname -m`): safe unquoted;
 * - `number`: `$#`, `$?`, `${#NAME}`, an arithmetic result;
 * - `words`: a literal with blanks or wildcards (`PKGS="curl git"`): written to be split;
 * - `empty`: set to nothing;
 * - `input`: data the script receives at run time (arguments, `read`, file names from a glob), which may hold
 *   blanks and wildcards nobody meant to split on;
 * - `unknown`: anything else (command output, the base image's environment, an ARG without default).
 */
export type ValueKind = 'word' | 'number' | 'words' | 'empty' | 'input' | 'unknown';

/** The worse of two kinds, for a value that may come from either: run-time input first, then unknown values. */
const RANK: Record<ValueKind, number> = { input: 5, unknown: 4, empty: 3, words: 2, word: 1, number: 0 };

function worse(a: ValueKind, b: ValueKind): ValueKind {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Programs whose output is one word, so a substitution of them is one word too (`$(uname -m)`, `$(nproc)`). */
const ONE_WORD_OUTPUT: ReadonlySet<string> = new Set(['uname', 'nproc', 'arch', 'id', 'whoami', 'getconf', 'lsb_release', 'dpkg-architecture', 'hostname']);
/** Programs with one-word output for some arguments: `dpkg --print-architecture`, `date +%s`, `go env GOARCH`. */
const ONE_WORD_WITH: Readonly<Record<string, (args: readonly (string | undefined)[]) => boolean>> = {
  dpkg: (args) => args.includes('--print-architecture'),
  date: (args) => args.some((arg) => arg?.startsWith('+') && !/\s/.test(arg)),
  go: (args) => args[0] === 'env' && args.length === 2,
  git: (args) => args[0] === 'rev-parse' || args[0] === 'describe',
};

/** Whether a command substitution prints one word: a program known to, given its arguments. */
export function printsOneWord(output: readonly (string | undefined)[] | undefined): boolean {
  const program = output?.[0];
  if (!output || program === undefined) return false;
  const name = program.slice(program.lastIndexOf('/') + 1);
  return ONE_WORD_OUTPUT.has(name) || (ONE_WORD_WITH[name]?.(output.slice(1)) ?? false);
}

/**
 * The variables of a script: what it assigns, reads or loops over; names it does not set are what `outside` says
 * (the Dockerfile's ARGs and ENVs, see `dockerfileVariables`).
 */
export class ScriptVariables {
  /** The values each name is given in the script, as words, or as kinds (`read`, a loop over file names…). */
  private readonly assigned = new Map<string, (ScriptWord | ValueKind)[]>();
  private readonly kinds = new Map<string, ValueKind>();

  constructor(
    parsed: ParsedScript,
    private readonly outside: (name: string) => ValueKind,
  ) {
    for (const command of parsed.allCommands) {
      for (const assignment of command.assignments) this.add(assignment.name, assignment.word ?? 'words');
      for (const word of command.words) if (word.assignment) this.add(word.assignment.name, word.assignment.value);
      if (command.words[0]?.value === 'read') for (const name of readNames(command.words.slice(1))) this.add(name, 'input');
    }
    for (const loop of parsed.loops) this.add(loop.name, loop.words ? loopKind(loop.words, (name) => this.kindOf(name)) : 'input');
  }

  private add(name: string, value: ScriptWord | ValueKind): void {
    const values = this.assigned.get(name);
    if (values) values.push(value);
    else this.assigned.set(name, [value]);
  }

  /** What `$NAME` may hold. */
  kindOf(name: string): ValueKind {
    const known = this.kinds.get(name);
    if (known) return known;
    // A name that refers to itself (`PATH=$PATH:/x`) reads its earlier value: the Dockerfile's, or unknown.
    this.kinds.set(name, this.outside(name));
    const kind = this.compute(name);
    this.kinds.set(name, kind);
    return kind;
  }

  private compute(name: string): ValueKind {
    if (/^[#?$!]$/.test(name)) return 'number';
    if (name === '-') return 'word';
    if (/^\d+$/.test(name) || name === '@' || name === '*') return 'input';
    const values = this.assigned.get(name);
    if (!values) return this.outside(name);
    return values.map((value) => (typeof value === 'string' ? value : this.wordKind(value))).reduce(worse);
  }

  /** What a value written in the script holds. */
  wordKind(word: ScriptWord): ValueKind {
    if (word.value !== undefined) return literalKind(word.value);
    let kind: ValueKind = 'word';
    for (const piece of word.parts) kind = worse(kind, this.pieceKind(piece));
    return kind;
  }

  private pieceKind(piece: WordPiece): ValueKind {
    switch (piece.type) {
      case 'parameter':
        return piece.length ? 'number' : this.kindOf(piece.name);
      case 'substitution':
        return printsOneWord(piece.output) ? 'word' : 'unknown';
      case 'arithmetic':
        return 'number';
      case 'literal':
        return 'word';
      case 'quoted':
        return /\s/.test(piece.source) ? 'words' : 'word';
      default:
        return 'words';
    }
  }
}

/** What the Dockerfile's ARGs and ENVs hold where a RUN runs, by name; unknown for a name it does not declare. */
export function dockerfileVariables(file: DockerfileFile, run: RunInstruction): (name: string) => ValueKind {
  let latest: Map<string, VariableDeclaration> | undefined;
  return (name) => {
    latest ??= new Map(
      file.dockerfile.variables
        .of(run.stage)
        .declarationsAt(run.onbuild ? undefined : run.instruction.getRange().start)
        .map((declaration) => [declaration.name, declaration]),
    );
    const declaration = latest.get(name);
    if (!declaration) return 'unknown';
    if (declaration.value === undefined) return isPredefinedArg(name) ? 'word' : 'unknown';
    // `ENV PATH=/opt/bin:$PATH`: the builder substitutes it; what matters is whether the result may split.
    return literalKind(declaration.value.replace(/\$\{?\w+\}?/g, 'x'));
  };
}

function literalKind(value: string): ValueKind {
  if (value === '') return 'empty';
  if (/^\d+$/.test(value)) return 'number';
  return /[\s*?[]/.test(value) ? 'words' : 'word';
}

/**
 * What a loop variable holds: the loop splits its unquoted words, so each value is one word, except file names
 * from a glob and quoted words, which keep what they hold.
 */
function loopKind(words: readonly ScriptWord[], kindOf: (name: string) => ValueKind): ValueKind {
  let kind: ValueKind = 'word';
  for (const word of words) {
    for (const piece of word.parts) {
      if (piece.type === 'glob') kind = worse(kind, 'input');
      else if (piece.type === 'parameter' && piece.quoted) kind = worse(kind, kindOf(piece.name));
      else if (piece.type === 'quoted' && /\s/.test(piece.source)) kind = worse(kind, 'words');
    }
  }
  return kind;
}

/** The names `read -r a b` sets (options and their arguments skipped). */
function readNames(args: readonly ScriptWord[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === undefined) continue;
    if (/^-[a-zA-Z]*[pdtnua]$/.test(value)) index++;
    else if (/^[A-Za-z_]\w*$/.test(value)) names.push(value);
  }
  return names;
}

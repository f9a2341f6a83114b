import type { Instruction, JSONInstruction, Variable } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { defineDockerfileRule, type Fix, type Problem } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { isPredefinedArg, type VariableScope } from '../../parsing/dockerfileScope';
import { builtOnScratch, insertLinesAfter, propertiesOf, rootStage } from '../support/dockerfile';
import { closestName } from '../support/didYouMean';
import { imageEnvironment } from '../support/imageEnvironment';

/** Set by a shell at run time, never by the builder: in ENV, COPY, WORKDIR… they expand to nothing. */
const RUNTIME_ONLY = new Set(['HOME', 'USER', 'PWD', 'HOSTNAME', 'UID', 'SHELL']);
/** What may follow `${NAME:` for the builder: a default, an alternative, or an error when unset. */
const SUPPORTED_MODIFIERS = ['-', '+', '?'];
/** Instructions the builder does not expand (a shell or the runtime does), apart from RUN's flags. */
const NOT_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/undefined-var',
  meta: {
    severity: 'warning',
    description: 'A variable is used before any ARG or ENV defines it, so the builder substitutes an empty string.',
    fix: {
      when: 'when the name is a global or platform ARG the stage does not declare, or one edit away from a declared name',
      applied: { autoWhen: 'when it declares the ARG in the stage' },
    },
    aliases: ['buildkit:UndefinedVar', 'buildkit:UndefinedArgInFrom'],
    messages: {
      undefined: '{{instruction}} uses ${{name}}, which no ARG or ENV before it defines, so it expands to an empty string; declare it with ARG or ENV first.',
      typo: '{{instruction}} uses ${{name}}, which nothing defines, so it expands to an empty string; did you mean ${{suggestion}}?',
      globalNotRedeclared:
        "{{instruction}} uses ${{name}}, a global ARG (declared before the first FROM), which a stage only sees after declaring it again; add `ARG {{name}}` after this stage's FROM.",
      predefinedNotDeclared:
        "{{instruction}} uses ${{name}}, which the builder predefines but a stage only sees after `ARG {{name}}`; add that line after this stage's FROM.",
      runtimeOnly:
        '{{instruction}} uses ${{name}}, which a shell sets when the container runs, not the builder, so here it expands to an empty string; write the value out or define it with ENV.',
      undefinedInFrom:
        'FROM uses ${{name}}, which no ARG before the first FROM declares, so it expands to an empty string; declare it above the first FROM with `ARG {{name}}=<default>`.',
      typoInFrom: 'FROM uses ${{name}}, which no ARG before the first FROM declares; did you mean ${{suggestion}}?',
    },
    explanation: {
      why: 'The builder substitutes undefined variables with an empty string without failing, so a typo or a global ARG used inside a stage silently produces wrong paths, versions or images.',
      standard: 'BuildKit build checks UndefinedVar and UndefinedArgInFrom.',
      bad: 'FROM alpine:3.20\nENV PATH=/app/bin:$PAHT',
      good: 'FROM alpine:3.20\nENV PATH=/app/bin:$PATH',
    },
  },
  check({ file, report }) {
    const { variables } = file.dockerfile;
    checkGlobalArgs(file.dockerfile.ast.getInitialARGs(), variables.global, report);
    const globals = new Set(variables.global.namesAt());
    for (const stage of file.dockerfile.stages) {
      checkFrom(stage, variables.global, report);
      new StageCheck(file, stage, variables.of(stage), globals, report).run();
    }
  },
});

type Report = (problem: Problem) => void;

interface Usage {
  name: string;
  /** The range of the name alone, which a suggestion replaces. */
  range: Range;
}

/**
 * The variable as the builder reads it. dockerfile-ast keeps what follows the name in some forms (`${A-x}` is
 * named `A-x`); uses with a default or alternative (`${A:-x}`, `${A+y}`) handle an unset variable on purpose.
 * A `:` modifier the builder does not know (`${A:x}`, as in templates) fails the build instead of expanding, which
 * dockerfile/syntax reports.
 */
function usageOf(variable: Variable): Usage | undefined {
  const written = variable.getName();
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(written)?.[0];
  if (!name) return undefined;
  const colonModifier = variable.getModifier();
  if (colonModifier !== null && !SUPPORTED_MODIFIERS.includes(colonModifier)) return undefined;
  const modifier = colonModifier ?? written.slice(name.length).replace(/^:/, '').charAt(0);
  if (modifier === '-' || modifier === '+') return undefined;
  const { start, end } = variable.getNameRange();
  // A name continued onto the next line (`$\␤NAME`) ends where dockerfile-ast says, not past the end of the first.
  if (end.line !== start.line) return { name, range: { start, end } };
  return { name, range: { start, end: { line: start.line, character: start.character + name.length } } };
}

/** The variables in the values of an ARG's pairs. Variables come in text order, so one pass does. */
function argValueVariables(instruction: Instruction): Variable[] {
  const variables = instruction.getVariables();
  const inValues: Variable[] = [];
  let next = 0;
  for (const property of propertiesOf(instruction)) {
    const value = property.getValueRange();
    for (; value && next < variables.length && !isAfter(variables[next]!.getRange().start, value.end); next++) {
      if (within(variables[next]!.getRange(), value)) inValues.push(variables[next]!);
    }
  }
  return inValues;
}

function within(range: Range, container: Range | null): boolean {
  if (!container) return false;
  return isAfter(range.start, container.start) && isAfter(container.end, range.end);
}

/** Whether `a` is at or after `b`. */
function isAfter(a: Range['start'], b: Range['start']): boolean {
  return a.line > b.line || (a.line === b.line && a.character >= b.character);
}

/** A declared name a reference can spell: `ARG A;B` declares a name that `$A;B` would not reach. */
function suggestedName(name: string, declared: Iterable<string>): string | undefined {
  return closestName(
    name,
    [...new Set(declared)].filter((candidate) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(candidate)),
  );
}

function replaceFix(usage: Usage, suggestion: string): Fix[] {
  // A guess: the author may have meant a new variable rather than an existing one.
  return [{ title: `Replace $${usage.name} with $${suggestion}`, edits: [{ range: usage.range, newText: suggestion }], unsafe: true }];
}

/** ARGs before the first FROM: each default may use the ones declared before it and the platform ARGs. */
function checkGlobalArgs(args: readonly Instruction[], scope: VariableScope, report: Report): void {
  for (const arg of args) {
    for (const usage of argValueVariables(arg).map(usageOf)) {
      if (!usage || scope.has(usage.name, usage.range.start)) continue;
      const suggestion = suggestedName(usage.name, [...scope.namesAt(usage.range.start), ...scope.undeclared]);
      const data = { instruction: 'ARG', name: usage.name, suggestion: suggestion ?? '' };
      report(
        suggestion
          ? { messageId: 'typo', data, range: usage.range, fixes: replaceFix(usage, suggestion) }
          : { messageId: 'undefined', data, range: usage.range },
      );
    }
  }
}

/** FROM sees the global ARGs and the platform ARGs only. */
function checkFrom(stage: DockerfileStage, scope: VariableScope, report: Report): void {
  for (const usage of stage.from.getVariables().map(usageOf)) {
    if (!usage || scope.has(usage.name, usage.range.start)) continue;
    const suggestion = suggestedName(usage.name, [...scope.namesAt(usage.range.start), ...scope.undeclared]);
    const data = { name: usage.name, suggestion: suggestion ?? '' };
    report(
      suggestion
        ? { messageId: 'typoInFrom', data, range: usage.range, fixes: replaceFix(usage, suggestion) }
        : { messageId: 'undefinedInFrom', data, range: usage.range },
    );
  }
}

/** Checks the uses of variables in one stage against what is in scope where each is used. */
class StageCheck {
  /** ENV names of the image the stage is built on, when known. */
  private readonly imageNames: ReadonlySet<string>;
  /** Whether the base image's ENV names are known; if not, only likely typos and missing ARG lines are reported. */
  private readonly baseKnown: boolean;
  /** Names already reported as needing an `ARG` line in this stage. */
  private readonly declarationReported = new Set<string>();

  constructor(
    private readonly file: DockerfileFile,
    private readonly stage: DockerfileStage,
    private readonly scope: VariableScope,
    private readonly globals: ReadonlySet<string>,
    private readonly report: Report,
  ) {
    const image = imageEnvironmentOf(rootStage(stage));
    this.imageNames = image.names;
    this.baseKnown = image.known;
  }

  run(): void {
    for (const instruction of this.stage.instructions.slice(1)) {
      const keyword = instruction.getKeyword();
      if (keyword === 'ARG') {
        this.checkUsages(instruction, argValueVariables(instruction));
      } else if (keyword === 'RUN') {
        // The builder expands the flags (`--mount=…`); the script's variables are the shell's. Listing a RUN's
        // variables resolves each one of its script: a RUN without flags is not read at all.
        const flags = (instruction as JSONInstruction).getFlags();
        if (flags.length === 0) continue;
        this.checkUsages(
          instruction,
          instruction.getVariables().filter((variable) => flags.some((flag) => within(variable.getRange(), flag.getRange()))),
        );
      } else if (keyword === 'COPY' || keyword === 'ADD') {
        // Here-document bodies are file contents, not instruction arguments.
        const heredocLine = instruction
          .getArguments()
          .find((argument) => argument.getValue().startsWith('<<'))
          ?.getRange().start.line;
        this.checkUsages(
          instruction,
          instruction.getVariables().filter((variable) => heredocLine === undefined || variable.getRange().start.line <= heredocLine),
        );
      } else if (!NOT_EXPANDED.has(keyword)) {
        this.checkUsages(instruction, instruction.getVariables());
      }
    }
  }

  private checkUsages(instruction: Instruction, variables: readonly Variable[]): void {
    for (const variable of variables) {
      const usage = usageOf(variable);
      if (!usage || usage.name.startsWith('BUILDKIT_') || this.imageNames.has(usage.name) || this.scope.has(usage.name, usage.range.start)) continue;
      const problem = this.problemFor(instruction.getKeyword(), usage);
      if (problem) this.report(problem);
    }
  }

  private problemFor(instruction: string, usage: Usage): Problem | undefined {
    const data = { instruction, name: usage.name, suggestion: '' };
    if (isPredefinedArg(usage.name) || this.globals.has(usage.name)) {
      // Reported at the first use only: one `ARG` line fixes every use in the stage.
      if (this.declarationReported.has(usage.name)) return undefined;
      this.declarationReported.add(usage.name);
      const messageId = isPredefinedArg(usage.name) ? 'predefinedNotDeclared' : 'globalNotRedeclared';
      const edit = insertLinesAfter(this.file, this.stage.from, [`ARG ${usage.name}`]);
      const fixes: Fix[] = edit ? [{ title: `Declare ARG ${usage.name} in this stage`, edits: [edit] }] : [];
      return { messageId, data, range: usage.range, fixes };
    }
    const suggestion = suggestedName(usage.name, [...this.imageNames, ...this.scope.namesAt(usage.range.start)]);
    if (suggestion) return { messageId: 'typo', data: { ...data, suggestion }, range: usage.range, fixes: replaceFix(usage, suggestion) };
    if (!this.baseKnown) return undefined;
    return { messageId: RUNTIME_ONLY.has(usage.name) ? 'runtimeOnly' : 'undefined', data, range: usage.range };
  }
}

/** ENV names of the image a chain of stages starts from, when known; the builder always sets PATH. */
function imageEnvironmentOf(root: DockerfileStage): { names: ReadonlySet<string>; known: boolean } {
  if (builtOnScratch(root)) return { names: new Set(['PATH']), known: true };
  const names = root.image && imageEnvironment(root.image);
  return names ? { names: new Set(names), known: true } : { names: new Set(['PATH']), known: false };
}

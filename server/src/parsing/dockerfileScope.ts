import type { Instruction, Property } from 'dockerfile-ast';
import type { Position } from 'vscode-languageserver-types';
import { PLATFORM_ARG_NAMES, PLATFORM_BUILD_ARGS, PROXY_BUILD_ARGS } from '../knowledge/buildArgs';
import type { DockerfileModel, DockerfileStage } from './dockerfile';

/** One name an ARG or ENV instruction declares. */
export interface VariableDeclaration {
  name: string;
  source: 'ARG' | 'ENV';
  /** As written; undefined for `ARG NAME` without a default. */
  value?: string;
  instruction: Instruction;
  /**
   * The builder sees the name after this position: after its own pair for ARG (`ARG A=1 B=$A` reads the new A),
   * after the whole instruction for ENV (`ENV A=1 B=$A` reads the A from before).
   */
  visibleAfter: Position;
}

/** A name a `$` may refer to at some point of a Dockerfile: declared there, or predefined by the builder. */
export interface VisibleVariable {
  name: string;
  source: 'ARG' | 'ENV' | 'predefined';
  value?: string;
  description?: string;
}

/** ARGs the builder sets for every build, which a stage only sees after `ARG NAME` (before the first FROM, the platform ones need none). */
const PREDEFINED_ARG_NAMES: ReadonlySet<string> = new Set([
  ...PLATFORM_ARG_NAMES,
  ...PROXY_BUILD_ARGS.flatMap(({ name }) => [name, name.toLowerCase()]),
  'SOURCE_DATE_EPOCH',
]);

/** Whether the builder predefines the ARG, so that `ARG NAME` without a default brings in its value. */
export function isPredefinedArg(name: string): boolean {
  return PREDEFINED_ARG_NAMES.has(name);
}

/**
 * The variables of one scope as the builder sees them: the ARGs before the first FROM (FROM lines see them all,
 * and the platform ARGs without a declaration), or one stage. A stage starts with the ENVs of the stages it builds
 * on (`FROM <stage>`) and sees an ARG only from its own declaration on, global and predefined ones included
 * (`ARG NAME` without a default takes their value).
 */
export class VariableScope {
  /** For each name declared in the scope, where the builder first sees it. */
  private readonly firstVisible = new Map<string, Position>();
  /** The latest inherited ENV of each name, and the scope's own ENVs of each name in file order, for lookups by name. */
  private readonly inheritedEnv = new Map<string, VariableDeclaration>();
  private readonly ownEnv = new Map<string, VariableDeclaration[]>();

  constructor(
    /** The ENVs in force when the stage starts, in the order they were declared. */
    readonly inherited: readonly VariableDeclaration[],
    /** The scope's own ARGs and ENVs in file order, which is also the order the builder sees them in. */
    readonly declarations: readonly VariableDeclaration[],
    /** Names in scope without a declaration: the platform ARGs before the first FROM. */
    readonly undeclared: ReadonlySet<string>,
  ) {
    for (const declaration of inherited) this.inheritedEnv.set(declaration.name, declaration);
    for (const declaration of declarations) {
      if (!this.firstVisible.has(declaration.name)) this.firstVisible.set(declaration.name, declaration.visibleAfter);
      if (declaration.source !== 'ENV') continue;
      const sameName = this.ownEnv.get(declaration.name);
      if (sameName) sameName.push(declaration);
      else this.ownEnv.set(declaration.name, [declaration]);
    }
  }

  /** Whether `$NAME` at the position refers to a value the builder has. */
  has(name: string, position: Position): boolean {
    if (this.undeclared.has(name) || this.inheritedEnv.has(name)) return true;
    const visibleAfter = this.firstVisible.get(name);
    return visibleAfter !== undefined && isBefore(visibleAfter, position);
  }

  /** Inherited declarations, then the scope's own ones the builder sees at the position (all of them when omitted). */
  declarationsAt(position?: Position): VariableDeclaration[] {
    const visible = [...this.inherited];
    // Not a prefix: `ARG A B=1 C=2` declares B after the whole instruction, and C after its own pair.
    for (const declaration of this.declarations) if (!position || isBefore(declaration.visibleAfter, position)) visible.push(declaration);
    return visible;
  }

  /** The declared names in scope at the position, in the order they were first declared. */
  namesAt(position?: Position): string[] {
    return [...new Set(this.declarationsAt(position).map((declaration) => declaration.name))];
  }

  /**
   * The value ENV gives the name at the position (at the end of the scope when omitted), inherited ENVs included;
   * undefined when no ENV sets it. Rules ask this for every RUN, so it is a binary search, not a walk.
   */
  envValue(name: string, position?: Position): string | undefined {
    const own = this.ownEnv.get(name) ?? [];
    const declaration = own[(position ? visibleCount(own, position) : own.length) - 1] ?? this.inheritedEnv.get(name);
    return declaration && (declaration.value ?? '');
  }
}

/** The variable scopes of one parse: the global one and each stage's, built when first asked for. */
export class DockerfileVariables {
  readonly global: VariableScope;
  private readonly stageScopes = new Map<DockerfileStage, VariableScope>();

  constructor(private readonly model: DockerfileModel) {
    this.global = new VariableScope([], model.ast.getInitialARGs().flatMap(declarationsOf), new Set(PLATFORM_ARG_NAMES));
  }

  of(stage: DockerfileStage): VariableScope {
    let scope = this.stageScopes.get(stage);
    if (!scope) {
      const inherited = stage.baseStage
        ? this.of(stage.baseStage)
            .declarationsAt()
            .filter((declaration) => declaration.source === 'ENV')
        : [];
      scope = new VariableScope(inherited, stage.instructions.flatMap(declarationsOf), new Set());
      this.stageScopes.set(stage, scope);
    }
    return scope;
  }

  /** The scope at a line: FROM lines and the lines above the first FROM are in the global one. */
  scopeAt(line: number): VariableScope {
    const stage = this.model.stageAt(line);
    return !stage || stage.from.getRange().end.line >= line ? this.global : this.of(stage);
  }

  /**
   * What a `$` at the position can refer to: each declared name once, with its latest declaration, then the
   * predefined build arguments (which a stage still has to declare, but may want to).
   */
  visibleAt(position: Position): VisibleVariable[] {
    const byName = new Map<string, VisibleVariable>();
    for (const { name, source, value } of this.scopeAt(position.line).declarationsAt(position)) {
      byName.delete(name);
      byName.set(name, { name, source, value });
    }
    for (const { name, description } of [...PLATFORM_BUILD_ARGS, ...PROXY_BUILD_ARGS]) {
      if (!byName.has(name)) byName.set(name, { name, source: 'predefined', description });
    }
    return [...byName.values()];
  }
}

/** How many of the declarations the builder sees at the position; those it sees come first (ENVs do not overlap). */
function visibleCount(declarations: readonly VariableDeclaration[], position: Position): number {
  let [low, high] = [0, declarations.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(declarations[middle]!.visibleAfter, position)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `a` comes strictly before `b`. */
function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * The names an ARG or ENV declares. `ARG A B` declares two ARGs without defaults for the builder, which
 * dockerfile-ast reads as one property A with the value "B", so such a value is split into declarations too; the
 * builder sees those after the instruction.
 */
export function declarationsOf(instruction: Instruction): VariableDeclaration[] {
  const source = instruction.getKeyword();
  if (source !== 'ARG' && source !== 'ENV') return [];
  const end = instruction.getRange().end;
  return propertiesOf(instruction).flatMap((property): VariableDeclaration[] => {
    const name = property.getName();
    const value = property.getValue() ?? undefined;
    if (source === 'ENV') return name ? [{ name, source, value, instruction, visibleAfter: end }] : [];
    const visibleAfter = property.getRange().end;
    if (property.getAssignmentOperator() !== null || !value) return name ? [{ name, source, value, instruction, visibleAfter }] : [];
    const more = value.split(/\s+/).map((word): VariableDeclaration => {
      const [extraName = '', ...rest] = word.split('=');
      return { name: extraName, source, value: rest.length ? rest.join('=') : undefined, instruction, visibleAfter: end };
    });
    const own: VariableDeclaration = { name, source, instruction, visibleAfter };
    return [own, ...more].filter((declaration) => declaration.name !== '');
  });
}

function propertiesOf(instruction: Instruction): Property[] {
  return (instruction as Instruction & { getProperties(): Property[] }).getProperties();
}

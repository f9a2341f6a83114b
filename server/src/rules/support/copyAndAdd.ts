import type { Flag, Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileModel, DockerfileStage } from '../../parsing/dockerfile';
import { jsonStrings } from '../../parsing/dockerfileRun';
import { hasVariable, parseImageReference, type ImageReference } from '../../parsing/imageReference';

/** Queries about COPY and ADD shared by the instruction rules. */

/** A source or destination of COPY/ADD, unquoted, with where it is written (inside the quotes in JSON form). */
export interface PathArgument {
  value: string;
  range: Range;
  /** A here-document (`<<EOF`) rather than a path. */
  heredoc: boolean;
}

export interface CopyArguments {
  readonly sources: readonly PathArgument[];
  readonly destination: PathArgument | undefined;
}

export interface CopyOrAdd {
  instruction: Instruction;
  stage: DockerfileStage;
  /** An `ONBUILD COPY`/`ONBUILD ADD` trigger, which runs in a later build. */
  onbuild: boolean;
}

/**
 * The COPY and ADD instructions of the file in order, optionally with those that ONBUILD triggers. A dozen rules
 * ask for them, and for their arguments and sources, so each is worked out once per parse and shared read-only.
 */
export function copiesAndAdds(model: DockerfileModel, options: { onbuild: boolean }): readonly CopyOrAdd[] {
  let cached = copiesOfModel.get(model);
  if (!cached) {
    const all = findCopiesAndAdds(model);
    cached = { all, withoutOnbuild: all.filter((copy) => !copy.onbuild) };
    copiesOfModel.set(model, cached);
  }
  return options.onbuild ? cached.all : cached.withoutOnbuild;
}

const copiesOfModel = new WeakMap<DockerfileModel, { all: readonly CopyOrAdd[]; withoutOnbuild: readonly CopyOrAdd[] }>();

function findCopiesAndAdds(model: DockerfileModel): CopyOrAdd[] {
  const found: CopyOrAdd[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY' || keyword === 'ADD') found.push({ instruction, stage, onbuild: false });
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        const triggerKeyword = trigger?.getKeyword();
        if (trigger && (triggerKeyword === 'COPY' || triggerKeyword === 'ADD')) found.push({ instruction: trigger, stage, onbuild: true });
      }
    }
  }
  return found;
}

export function flagNamed(instruction: Instruction, name: string): Flag | undefined {
  return (instruction as JSONInstruction).getFlags().find((flag) => flag.getName() === name);
}

/** Sources and destination, flags left out; here-document bodies are not arguments. */
export function copyArguments(file: DockerfileFile, instruction: Instruction): CopyArguments {
  let found = argumentsOfInstruction.get(instruction);
  if (!found) {
    const json = jsonStrings(file.document, instruction as JSONInstruction);
    const paths = json ? json.map((string) => ({ value: string.value, range: string.range, heredoc: false })) : shellFormPaths(instruction);
    found = { sources: paths.slice(0, -1), destination: paths.at(-1) };
    argumentsOfInstruction.set(instruction, found);
  }
  return found;
}

const argumentsOfInstruction = new WeakMap<Instruction, CopyArguments>();

function shellFormPaths(instruction: Instruction): PathArgument[] {
  const words = instruction.getArguments();
  const firstHeredoc = words.find((word) => word.getValue().startsWith('<<'));
  // The lines after a here-document marker are its body, which dockerfile-ast lists as words too.
  const written = firstHeredoc ? words.filter((word) => word.getRange().start.line <= firstHeredoc.getRange().start.line) : words;
  return written.map((word) => ({ value: unquote(word.getValue()), range: word.getRange(), heredoc: word.getValue().startsWith('<<') }));
}

export function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** Whether a path is absolute on Linux or Windows (`/app`, `C:\app`, `C:/app`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path);
}

/** Compressed or plain tar archives, which ADD unpacks (zip files it does not). */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.zst|tzst)$/i;

export function isTarArchive(path: string): boolean {
  return TAR_ARCHIVE.test(path);
}

export function isRemoteSource(path: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(path) || /^[\w.-]+@[\w.-]+:/.test(path);
}

/** What `COPY --from=<value>` names, seen from the stage the COPY is in. */
export type CopySource =
  | { kind: 'stage'; stage: DockerfileStage }
  | { kind: 'own-stage' }
  | { kind: 'later-stage'; stage: DockerfileStage }
  | { kind: 'image'; image: ImageReference }
  /** A bare word that names no stage: the builder pulls it as an image, which is rarely what was meant. */
  | { kind: 'undefined-stage' }
  | { kind: 'variable' };

/** A `COPY --from=<name>` (or ADD) of a stage, with what the name refers to from there. */
export interface CopyFromReference {
  instruction: Instruction;
  name: string;
  /** Where the name is written. */
  range: Range;
  stage: DockerfileStage;
  source: CopySource;
}

/** Every `--from` of the file's COPY and ADD instructions (not of ONBUILD triggers, which a later build resolves). */
export function copyFromReferences(model: DockerfileModel): readonly CopyFromReference[] {
  let references = referencesOfModel.get(model);
  if (!references) {
    references = resolveCopyFromReferences(model);
    referencesOfModel.set(model, references);
  }
  return references;
}

/** Three rules read the references; they are resolved once per parse. */
const referencesOfModel = new WeakMap<DockerfileModel, readonly CopyFromReference[]>();

function resolveCopyFromReferences(model: DockerfileModel): CopyFromReference[] {
  const stagesByName = new Map<string, DockerfileStage[]>();
  for (const stage of model.stages) {
    if (stage.name !== undefined) stagesByName.set(stage.name, [...(stagesByName.get(stage.name) ?? []), stage]);
  }
  return copiesAndAdds(model, { onbuild: false }).flatMap(({ instruction, stage }) => {
    const from = flagNamed(instruction, 'from');
    const name = from?.getValue();
    const range = from?.getValueRange();
    return name && range ? [{ instruction, name, range, stage, source: copySource(model, stagesByName, stage, name) }] : [];
  });
}

function copySource(model: DockerfileModel, stagesByName: ReadonlyMap<string, DockerfileStage[]>, stage: DockerfileStage, value: string): CopySource {
  if (hasVariable(value)) return { kind: 'variable' };
  const byIndex = /^\d+$/.test(value) ? model.stages[Number(value)] : undefined;
  const named = byIndex ? [byIndex] : (stagesByName.get(value.toLowerCase()) ?? []);
  const earlier = named.filter((candidate) => candidate.index < stage.index).at(-1);
  if (earlier) return { kind: 'stage', stage: earlier };
  if (named.includes(stage)) return { kind: 'own-stage' };
  const later = named.find((candidate) => candidate.index > stage.index);
  if (later) return { kind: 'later-stage', stage: later };
  if (/^\d+$/.test(value)) return { kind: 'undefined-stage' };
  return /[/:@]/.test(value) ? { kind: 'image', image: parseImageReference(value) } : { kind: 'undefined-stage' };
}

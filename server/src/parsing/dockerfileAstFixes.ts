import { DockerfileParser } from 'dockerfile-ast';

/**
 * dockerfile-ast (0.7.1) finds the stage of a line by whether column 0 of that line lies inside the stage's range. The
 * first line of a stage or of the instructions before the first FROM starts after column 0 when it is indented or
 * follows a byte order mark (` ARG A=$B`), and then `getContainingImage` answers with the Dockerfile itself, whose
 * `resolveVariable` and `getAvailableVariables` ask it again, forever: `validate()` (dockerfile/syntax) and every
 * `getVariables()` of such a line threw "Maximum call stack size exceeded". The part of the file whose lines the
 * position is on is the answer; this is the one place that needs it, and the test of this module fails once
 * dockerfile-ast stops recursing, so that the patch goes with it.
 */
interface Template {
  getInstructions(): readonly unknown[];
  getRange(): { start: { line: number }; end: { line: number } } | null;
}
type DockerfileInternals = Template & { initialInstructions: Template; buildStages: readonly Template[] };

const dockerfilePrototype = Object.getPrototypeOf(DockerfileParser.parse('')) as {
  getContainingImage(this: DockerfileInternals, position: { line: number; character: number }): unknown;
};
const containingImage = dockerfilePrototype.getContainingImage;

dockerfilePrototype.getContainingImage = function containingImageByLine(position) {
  const image = containingImage.call(this, position);
  if (image !== this) return image;
  const onLine = (template: Template) => {
    const range = template.getInstructions().length > 0 ? template.getRange() : null;
    return range !== null && range.start.line <= position.line && position.line <= range.end.line;
  };
  return [this.initialInstructions, ...this.buildStages].find(onLine) ?? image;
};

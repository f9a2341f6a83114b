import { Copy, DockerfileParser, ModifiableInstruction, Run, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Instructions whose arguments may open heredocs (BuildKit: RUN, COPY and ADD, also behind ONBUILD). */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'ONBUILD']);
/** A word that opens a heredoc: `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`; not a shift such as `$((1<<2))`. */
const HEREDOC_OPENER = /(?:^|\s)\d*<<-?\s*["']?[\w.-]/;

/** What the builder reads from one instruction, as one comparable string, and the lines it spans. */
export interface InstructionView {
  startLine: number;
  endLine: number;
  view: string;
}

export interface BuilderView {
  /** Parser directives and the escape character they set. */
  directives: string;
  instructions: InstructionView[];
}

/**
 * The line after which an instruction's heredoc bodies and terminators start, if it opens any; dockerfile-ast only
 * exposes heredocs of RUN and COPY, so the opener is looked for in the text of any instruction that may have one.
 */
function heredocOpenerLine(instruction: Instruction, lines: readonly string[]): number | undefined {
  if (!HEREDOC_KEYWORDS.has(instruction.getKeyword())) return undefined;
  const { start, end } = instruction.getRange();
  for (let line = start.line; line <= end.line; line++) {
    if (HEREDOC_OPENER.test(lines[line] ?? '')) return line;
  }
  return undefined;
}

/** Lines the builder reads byte for byte: every heredoc body and terminator line. */
export function heredocLines(ast: Dockerfile, lines: readonly string[]): Set<number> {
  const result = new Set<number>();
  for (const instruction of ast.getInstructions()) {
    const opener = heredocOpenerLine(instruction, lines);
    if (opener === undefined) continue;
    for (let line = opener + 1; line <= instruction.getRange().end.line; line++) result.add(line);
  }
  return result;
}

/**
 * Words split where the shell or the builder would split them: whitespace outside quotes separates words and its
 * amount does not matter, whitespace inside quotes is kept as written.
 */
export function significantWords(content: string, escapeCharacter: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < content.length; index++) {
    const character = content[index];
    if (quote === undefined && /\s/.test(character)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word = (word ?? '') + character;
    if (character === escapeCharacter && quote !== "'" && index + 1 < content.length) word += content[++index];
    else if (quote === undefined && (character === '"' || character === "'")) quote = character;
    else if (character === quote) quote = undefined;
  }
  if (word !== undefined) words.push(word);
  return words;
}

function instructionView(instruction: Instruction, document: TextDocument, lines: readonly string[], escapeCharacter: string): string {
  const flags = instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => [flag.getName(), flag.getValue()]) : [];
  const heredocs =
    instruction instanceof Run || instruction instanceof Copy
      ? instruction.getHeredocs().map((heredoc) => {
          const content = heredoc.getContentRange();
          return [heredoc.getName(), content ? document.getText(content) : null];
        })
      : [];
  const opener = heredocOpenerLine(instruction, lines);
  const heredocText = opener === undefined ? '' : lines.slice(opener + 1, instruction.getRange().end.line + 1).join('\n');
  return JSON.stringify([
    instruction.getKeyword(),
    flags,
    instruction.getArguments().map((argument) => argument.getValue()),
    significantWords(instruction.getArgumentsContent() ?? '', escapeCharacter),
    heredocs,
    heredocText,
  ]);
}

/**
 * What the builder sees in a Dockerfile, per instruction: keyword, flags and arguments as dockerfile-ast reads them,
 * the words of the arguments with the whitespace that matters, and heredoc bodies byte for byte. Two texts with the
 * same view build the same image; formatting may only change what this leaves out.
 */
export function builderView(text: string): BuilderView {
  const ast = DockerfileParser.parse(text);
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
  const lines = text.split('\n');
  const escapeCharacter = ast.getEscapeCharacter();
  return {
    directives: JSON.stringify([escapeCharacter, ast.getDirectives().map((directive) => [directive.getName(), directive.getValue()])]),
    instructions: ast.getInstructions().map((instruction) => ({
      startLine: instruction.getRange().start.line,
      endLine: instruction.getRange().end.line,
      view: instructionView(instruction, document, lines, escapeCharacter),
    })),
  };
}

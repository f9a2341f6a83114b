import { visit, type Scalar, type YAMLError, type YAMLWarning } from 'yaml';
import type { Problem } from '../../engine/ruleTypes';
import type { YamlDocument } from '../../parsing/yaml';

/** One syntax problem of a document, in offsets of the document's segment. */
export interface YamlSyntaxProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

/** Reports the syntax problems of every document with one message id whose `{{message}}` is the problem's text; returns how many. */
export function reportSyntaxProblems(documents: readonly YamlDocument[], messageId: string, report: (problem: Problem) => void): number {
  let reported = 0;
  for (const document of documents) {
    for (const problem of yamlSyntaxProblems(document)) {
      reported++;
      report({ messageId, data: { message: problem.message }, range: document.rangeOfOffsets(problem.start, problem.end), severity: problem.severity });
    }
  }
  return reported;
}

/**
 * The parser's errors and warnings for one document, one per real problem: the parser reports a mistake several
 * times over (once per way it fails to read the line, for every line below a lost indentation, for every token
 * after a point where it gave up on the document), so only the first error of a line is kept, and nothing after
 * the first error that loses the nesting or stops the reading. Messages say what to do, not only what the parser
 * saw.
 */
export function yamlSyntaxProblems(document: YamlDocument): YamlSyntaxProblem[] {
  const problems: YamlSyntaxProblem[] = [];
  const errorLines = new Set<number>();
  const lineOf = (offset: number) => document.rangeOfOffsets(offset, offset).start.line;
  const errors = [...document.parsed.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of errors) {
    const [start, end] = located(document, error);
    const line = lineOf(start);
    if (errorLines.has(line)) continue;
    errorLines.add(line);
    problems.push({ message: explained(document, error), start, end, severity: 'error' });
    // Past this point the parser read nothing, or misreads every line below that was indented for the nesting as
    // written (keys collapse into one mapping and seem duplicated, blocks seem to be inside flows): every later
    // error follows from this one.
    if (endsReading(error) || breaksStructure(error)) break;
  }
  for (const warning of document.parsed.warnings) {
    problems.push({ message: firstLine(warning.message), start: warning.pos[0], end: warning.pos[1], severity: 'warning' });
  }
  return problems;
}

const STRUCTURE_CODES = new Set(['BAD_INDENT', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY']);

function breaksStructure(error: YAMLError | YAMLWarning): boolean {
  return STRUCTURE_CODES.has(error.code) || (error.code === 'MISSING_CHAR' && !isUnclosedQuote(error));
}

function isUnclosedQuote(error: YAMLError | YAMLWarning): boolean {
  return error.code === 'MISSING_CHAR' && /closing .?quote/i.test(error.message);
}

function endsReading(error: YAMLError | YAMLWarning): boolean {
  return error.code === 'RESOURCE_EXHAUSTION' || (error.code === 'UNEXPECTED_TOKEN' && error.message.includes(' in YAML stream'));
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Where the problem is: an unclosed quote is reported where the parser ran out of text, and shown at the quote. */
function located(document: YamlDocument, error: YAMLError | YAMLWarning): [number, number] {
  if (isUnclosedQuote(error)) {
    const quoted = scalarWhere(document, (scalar) => (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && scalar.range?.[1] === error.pos[0]);
    if (quoted?.range) {
      const lineEnd = document.text.indexOf('\n', quoted.range[0]);
      return [quoted.range[0], lineEnd < 0 ? quoted.range[1] : Math.min(lineEnd, quoted.range[1])];
    }
  }
  return [error.pos[0], error.pos[1]];
}

function scalarWhere(document: YamlDocument, test: (scalar: Scalar) => boolean): Scalar | undefined {
  let found: Scalar | undefined;
  visit(document.parsed, {
    Scalar(_key, scalar) {
      if (!test(scalar)) return undefined;
      found = scalar;
      return visit.BREAK;
    },
  });
  return found;
}

const HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces',
  BAD_INDENT: 'check the indentation of this line',
  BLOCK_AS_IMPLICIT_KEY: 'quote the value if it contains ": ", or check the indentation of the line below',
  MULTILINE_IMPLICIT_KEY: 'a line is missing its ":" or is indented too far',
};

function explained(document: YamlDocument, error: YAMLError | YAMLWarning): string {
  const message = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'RESOURCE_EXHAUSTION') return `nested too deeply to read (${message})`;
  if (endsReading(error)) return `${message}; the document is not read past this point`;
  if (isUnclosedQuote(error)) return `${message}: this quoted value is never closed; add the closing quote`;
  if (error.code === 'DUPLICATE_KEY') {
    const key = scalarWhere(document, (scalar) => scalar.range?.[0] === error.pos[0]);
    return key ? `${message}: "${String(key.value)}" is given twice in this mapping` : message;
  }
  if (error.code === 'MISSING_CHAR' && message.startsWith('Implicit map keys need to be followed by map values')) return `${message}: add ": " after the key`;
  const hint = HINTS[error.code];
  return hint ? `${message}; ${hint}` : message;
}

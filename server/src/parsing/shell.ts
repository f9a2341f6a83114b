import { syntax, type File, type ParseError, type Word } from 'mvdan-sh';

/** A shell script parsed by mvdan/sh, or why it could not be. */
export type ShellParse = { ok: true; file: File } | { ok: false; error: string };

export function parseShell(script: string): ShellParse {
  try {
    return { ok: true, file: syntax.NewParser().Parse(script, '') };
  } catch (error) {
    const parseError = error as Partial<ParseError>;
    return { ok: false, error: typeof parseError.Error === 'function' ? parseError.Error() : String(error) };
  }
}

/**
 * The argument words of a script that is one plain command (no operators, pipes, redirections, assignments or
 * expansions), unquoted; undefined for anything the shell would have to interpret.
 */
export function plainCommandWords(script: string): string[] | undefined {
  const command = singleCommand(script);
  if (!command) return undefined;
  const words: string[] = [];
  for (const word of command) {
    const literal = literalWord(word);
    if (literal === undefined) return undefined;
    words.push(literal);
  }
  return words;
}

/** Whether the script is a single simple command (variables allowed), so `exec` can prefix it. */
export function isSingleCommand(script: string): boolean {
  return singleCommand(script) !== undefined;
}

function singleCommand(script: string): Word[] | undefined {
  const parsed = parseShell(script);
  if (!parsed.ok || parsed.file.Stmts.length !== 1) return undefined;
  const statement = parsed.file.Stmts[0]!;
  const command = statement.Cmd;
  if (!command || syntax.NodeType(command) !== 'CallExpr') return undefined;
  if (statement.Redirs.length || statement.Background || statement.Negated || statement.Coprocess) return undefined;
  if (command.Assigns?.length || !command.Args?.length) return undefined;
  return command.Args;
}

function literalWord(word: Word): string | undefined {
  let text = '';
  for (const part of word.Parts) {
    const type = syntax.NodeType(part);
    if (type === 'SglQuoted') text += part.Value ?? '';
    else if (type === 'Lit' && !/[\\*?[~]/.test(part.Value ?? '')) text += part.Value ?? '';
    else if (type === 'DblQuoted' && (part.Parts ?? []).every((inner) => syntax.NodeType(inner) === 'Lit' && !/[\\]/.test(inner.Value ?? ''))) {
      text += (part.Parts ?? []).map((inner) => inner.Value ?? '').join('');
    } else return undefined;
  }
  return text;
}

import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { RunCommand, RunInstruction } from '../../parsing/dockerfileRun';

/** Helpers for rules about the commands a RUN executes (shell built-ins, package manager clean-ups). */

/**
 * Appends `&& <text>` right after a command (`yum install -y x && yum clean all`), so it runs only when the
 * command succeeded, inside whatever list, heredoc or `sh -c` script holds it. Undefined where appending text could
 * misfire: a piped or exec-form command, one not written as the shell reads it (escaped inside a quoted script),
 * or one followed by a redirection or `&`.
 */
export function appendAfterCommand(file: DockerfileFile, run: RunInstruction, command: RunCommand, text: string): TextEdit | undefined {
  const lastWord = command.words.at(-1);
  const document = file.document;
  const isExecArray = run.form === 'exec' && command === run.commands[0];
  // After a shell syntax error the parser has stopped reading, so where the next command would start is unknown.
  if (run.syntaxError || isExecArray || command.piped || !lastWord || document.getText(lastWord.range) !== lastWord.value) return undefined;
  const end = command.range.end;
  if (document.offsetAt(lastWord.range.end) !== document.offsetAt(end)) return undefined;
  const restOfLine = document.getText({ start: end, end: { line: end.line, character: Number.MAX_SAFE_INTEGER } });
  if (/^\s*(\d*[<>]|&(?!&))/.test(restOfLine)) return undefined;
  return { range: { start: end, end }, newText: ` && ${text}` };
}

/** Whether the command is an `rm` of one of the folders, of what is inside them (`/var/cache/yum/*`) or of a parent. */
export function removesFolder(command: RunCommand, folders: readonly string[]): boolean {
  if (command.program !== 'rm') return false;
  return command.args.some((arg) => {
    const path = arg?.replace(/\/\*?$/, '');
    return path?.startsWith('/') && folders.some((folder) => isSameOrInside(path, folder) || isSameOrInside(folder, path));
  });
}

function isSameOrInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

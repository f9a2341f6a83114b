import { defineDockerfileRule } from '../../engine/ruleTypes';
import { basename, type ParsedScript } from '../../parsing/shellScript';
import { foundIn, reportOnce, shellFlavour, shellRuns, shortened, sourceOf, type Occurrence } from '../support/shellChecks';

/** `\n`, `\t`, `\r` and octal escapes such as `\033`: what dash's echo turns into characters and bash's prints as they are. */
const ESCAPE = /\\(?:[rnt]|0[0-7]{1,3})/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/echo-escapes',
  meta: {
    severity: 'info',
    description:
      'A RUN passes backslash escapes such as `\\n` to `echo` under a shell that prints them as they are (bash, BusyBox), or one the base image does not tell.',
    aliases: ['shellcheck:SC2028'],
    messages: {
      escapes:
        '`echo {{text}}` holds a backslash escape: dash (`/bin/sh` on Debian and Ubuntu) turns it into a newline or tab, bash and BusyBox print it as it is; use `printf` to say which you mean.{{also}}',
      printedAsIs:
        "`echo {{text}}` prints its backslash escape as it is under {{shell}}, not as a newline or tab; use `printf` if it should turn into one (`printf '%s\\n' …` keeps it as it is).{{also}}",
    },
    explanation: {
      why: "What `echo` does with `\\n` depends on the shell: dash expands it, bash and BusyBox ash print a backslash and an `n`. The same RUN then writes different files on a Debian and an Alpine image, or after a SHELL change. `printf` behaves the same everywhere: `printf '%s\\n'` for the text as it is, `printf 'a\\nb\\n'` for the escapes. Not reported where `/bin/sh` is dash (Debian and Ubuntu images), whose echo does what such a script means.",
      standard: 'ShellCheck SC2028; POSIX echo (the result of backslashes is implementation-defined).',
      bad: "FROM alpine:3.20\nRUN echo 'listen 8080;\\nserver_tokens off;' > /etc/nginx/conf.d/extra.conf",
      good: "FROM alpine:3.20\nRUN printf 'listen 8080;\\nserver_tokens off;\\n' > /etc/nginx/conf.d/extra.conf",
    },
  },
  check({ file, report }) {
    for (const { run, script } of shellRuns(file)) {
      const candidates = foundIn(script.parsed, 'echo-escapes', () => echoedEscapes(script.parsed));
      const occurrences = candidates.flatMap((occurrence): Occurrence[] => {
        const flavour = shellFlavour(run, script, occurrence.unit);
        // dash's echo turns the escapes into characters, which is what a script written for it means.
        if (flavour === 'dash' || flavour === 'other') return [];
        return [flavour ? { ...occurrence, messageId: 'printedAsIs', data: { shell: flavour === 'ash' ? 'BusyBox ash' : 'bash' } } : occurrence];
      });
      reportOnce(file, report, script, occurrences, { messageId: 'escapes', codes: ['SC2028'] });
    }
  },
});

/** Arguments of `echo` (without `-e`) with a backslash escape in quotes, and the script unit that runs them. */
function echoedEscapes(parsed: ParsedScript): (Occurrence & { unit: number })[] {
  const occurrences: (Occurrence & { unit: number })[] = [];
  for (const command of parsed.allCommands) {
    const [program, ...args] = command.words;
    if (program?.value === undefined || basename(program.value) !== 'echo') continue;
    // `echo -e` asks for the escapes (a bashism under sh, which the bashism check reports).
    if (args.some((arg) => arg.value !== undefined && /^-[neE]*e[neE]*$/.test(arg.value))) continue;
    for (const arg of args) {
      const quotedText = arg.parts.filter((piece) => piece.type === 'quoted' && (piece.quoting === 'single' || piece.quoting === 'double'));
      if (!quotedText.some((piece) => ESCAPE.test(shellText(piece.source)))) continue;
      occurrences.push({ start: arg.start, end: arg.end, text: shortened(sourceOf(parsed, arg)), unit: command.script });
    }
  }
  return occurrences;
}

/** What a quoted string hands the command: single quotes keep everything, double quotes drop the backslash of `\\`, `\$`, `` \` `` and `\"`. */
function shellText(source: string): string {
  const body = source.slice(1, -1);
  return source.startsWith("'") ? body : body.replace(/\\([\\$`"])/g, '$1');
}

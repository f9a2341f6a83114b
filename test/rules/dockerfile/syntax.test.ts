import { rule } from '../../../server/src/rules/dockerfile/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n' },
    { name: 'heredoc closed by a tab-indented name after <<-', code: 'FROM alpine:3.20\nRUN <<-EOF\n\techo hi\n\tEOF\n' },
    { name: 'two heredocs, both closed', code: 'FROM alpine:3.20\nCOPY <<A <<B /etc/\na\nA\nb\nB\n' },
    { name: '<<EOF inside quotes is no heredoc', code: 'FROM alpine:3.20\nRUN echo "<<EOF"\n' },
    { name: 'a shift operator in quotes', code: 'FROM python:3.12\nRUN python3 -c "print(1 << 3)" && awk \'{ print 1 << 2 }\' /dev/null\n' },
    { name: 'a shift in shell arithmetic', code: 'FROM alpine:3.20\nRUN echo $(( 1 << 4 ))\n' },
    { name: 'a heredoc word inside a quoted string', code: 'FROM alpine:3.20\nRUN echo "a <<EOF b"\n' },
    { name: 'exec form reads no heredocs', code: 'FROM alpine:3.20\nRUN ["sh", "-c", "cat <<EOF"]\n' },
    { name: 'a body line ending in a backslash does not hide the closing line', code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl \\\n  jq \\\nEOF\n' },
    { name: 'parser directive', code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n' },
    { name: 'an instruction before FROM is left to dockerfile/instruction-before-from', code: 'LABEL team=web\nFROM alpine:3.20\n' },
    {
      name: 'a file destination for several sources is left to dockerfile/copy-destination-trailing-slash',
      code: 'FROM alpine:3.20\nCOPY a.conf b.conf /etc/app\n',
    },
  ],
  invalid: [
    {
      name: "a dev container template's placeholders are filled in before any build: one info",
      code: 'ARG VARIANT="${templateOption:imageVariant}"\nFROM mcr.microsoft.com/devcontainers/python:1-${VARIANT}\nARG INSTALL_ZSH="${templateOption:installZsh}"\n',
      errors: [{ messageId: 'devContainerTemplate', line: 1, column: 14, endColumn: 16, severity: 'info' }],
    },
    {
      name: 'a template is reported once, as info, not an error per templated line',
      code: '{{- def "install" -}}\nRUN apt-get install -y curl\n{{- end -}}\nFROM {{ .base }}\n{{ template "install" }}\n',
      errors: [{ messageId: 'template', line: 1, column: 1, severity: 'info' }],
    },
    {
      name: 'unknown instruction',
      code: 'FROM alpine:3.20\nRUNN echo hi\n',
      errors: [{ messageId: 'builder', line: 2, column: 1, data: { message: 'Unknown instruction: RUNN' } }],
    },
    {
      name: 'no FROM, only ARGs',
      code: 'ARG VERSION=1\n',
      errors: [{ messageId: 'builder', line: 1, column: 1, data: { message: 'No source image provided with `FROM`' } }],
    },
    {
      name: 'invalid port',
      code: 'FROM alpine:3.20\nEXPOSE 8o\n',
      errors: [{ messageId: 'builder', line: 2, column: 8, data: { message: 'Invalid containerPort: 8o' } }],
    },
    {
      name: 'a heredoc never closed swallows the rest of the file',
      code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nUSER app\n',
      errors: [{ messageId: 'unterminatedHeredoc', line: 2, column: 5, endLine: 2, endColumn: 10, data: { name: 'EOF' } }],
    },
    {
      name: 'the second heredoc of a COPY is not closed',
      code: 'FROM alpine:3.20\nCOPY <<A <<B /etc/\na\nA\nb\n',
      errors: [{ messageId: 'unterminatedHeredoc', line: 2, column: 10, data: { name: 'B' } }],
    },
    {
      name: 'a heredoc opened on the last line',
      code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\n',
      errors: [{ messageId: 'unterminatedHeredoc', line: 2, column: 5, data: { name: 'EOF' } }],
    },
    {
      name: 'an indented name closes only a <<- heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\n  EOF\n',
      errors: [{ messageId: 'unterminatedHeredoc', line: 2, column: 5, data: { name: 'EOF' } }],
    },
    {
      name: 'an ONBUILD heredoc',
      code: 'FROM alpine:3.20\nONBUILD RUN <<EOF\necho hi\n',
      errors: [{ messageId: 'unterminatedHeredoc', line: 2, column: 13, data: { name: 'EOF' } }],
    },
    { name: 'missing argument', code: 'FROM alpine:3.20\nWORKDIR\n', errors: [{ messageId: 'builder', line: 2, column: 1 }] },
  ],
});

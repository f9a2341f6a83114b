import { rule } from '../../../server/src/rules/dockerfile/bash-syntax-in-sh';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'POSIX sh', code: 'FROM debian:12\nRUN if [ -f /etc/os-release ]; then . /etc/os-release; fi\n' },
    { name: 'SHELL bash', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -f /x ]] && source /x && echo -e "a\\tb" &> /dev/null\n' },
    { name: 'the SHELL of the stage built on', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN arr=(a b) && echo "${arr[0]}"\n' },
    { name: 'a bash heredoc', code: 'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\n[[ -d /opt ]] && echo {a,b}\nEOF\n' },
    { name: 'bash -c inside sh', code: "FROM debian:12\nRUN bash -c '[[ -d /opt ]] && source /etc/profile'\n" },
    { name: 'exec form with bash', code: 'FROM debian:12\nRUN ["bash", "-c", "[[ -d /opt ]] && echo ok"]\n' },
    { name: 'Red Hat family: /bin/sh is bash', code: 'FROM rockylinux:9\nRUN [[ -f /x ]] && source /x\n' },
    {
      name: 'Alpine: ash has these',
      code: "FROM alpine:3.20\nRUN [[ -f /x ]] && source /x && [ a == a ] && echo -e 'a\\tb' &> /dev/null && echo ${HOSTNAME/x/y}\n",
    },
    { name: 'echo -n is fine in dash', code: 'FROM debian:12\nRUN echo -n x > /x\n' },
    { name: 'a brace in a quoted string or a find -exec {}', code: "FROM debian:12\nRUN echo '{a,b}' && find . -name x -exec rm {} +\n" },
  ],
  invalid: [
    {
      name: '[[ ]] and source on Debian: one finding each',
      code: 'FROM debian:12\nRUN if [[ -f /etc/os-release ]]; then source /etc/os-release; fi\n',
      errors: [
        { messageId: 'bashism', line: 2, column: 8, endColumn: 32, data: { what: '`[[ … ]]`', shell: 'dash' } },
        { messageId: 'bashism', line: 2, column: 39, endColumn: 45, data: { what: '`source`' } },
      ],
      output: 'FROM debian:12\nRUN if [[ -f /etc/os-release ]]; then . /etc/os-release; fi\n',
    },
    {
      name: '== in [ ], &> and the function keyword: fixes',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\nfunction check {\n  [ "$(uname -m)" == x86_64 ] &>/dev/null\n}\ncheck\nEOF\n',
      errors: [
        { messageId: 'bashism', line: 3, column: 1, endColumn: 15, data: { what: 'the `function` keyword' } },
        { messageId: 'bashism', line: 4, column: 19, endColumn: 21, data: { what: '`==` in `[ ]`' } },
        { messageId: 'bashism', line: 4, column: 31, data: { what: '`&>`' } },
      ],
      output: 'FROM ubuntu:24.04\nRUN <<EOF\ncheck() {\n  [ "$(uname -m)" = x86_64 ] >/dev/null 2>&1\n}\ncheck\nEOF\n',
    },
    {
      name: 'source of a name without a slash',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN source env.sh && make\n',
      errors: [{ messageId: 'bashism', line: 3, column: 5, data: { what: '`source`' } }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nRUN . ./env.sh && make\n',
    },
    {
      name: 'arrays and brace expansion fail on Alpine too',
      code: 'FROM alpine:3.20\nRUN dirs=(/a /b) && mkdir -p /opt/{bin,lib}\n',
      errors: [
        { messageId: 'bashism', line: 2, column: 5, data: { what: 'an array', shell: 'BusyBox ash' } },
        { messageId: 'bashism', line: 2, column: 35, data: { what: 'brace expansion' } },
      ],
      output: null,
    },
    {
      name: "echo -e and $'…' on an image that does not tell its shell",
      code: "FROM example.com/base:1\nRUN echo -e 'a\\tb' > /x && IFS=$'\\n'\n",
      errors: [
        { messageId: 'bashism', line: 2, column: 10, data: { what: '`echo -e`', fate: 'may not have it' } },
        { messageId: 'bashism', line: 2, column: 32, data: { what: "`$'…'` quoting" } },
      ],
      output: null,
    },
    {
      name: 'set -o pipefail and sh -c inside a bash SHELL',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN sh -c \'set -o pipefail; curl -fsSL https://x | tar -x\'\n',
      errors: [{ messageId: 'bashism', line: 3, column: 16, data: { what: '`set -o pipefail`' } }],
      output: null,
    },
  ],
});

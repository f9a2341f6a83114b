import { rule } from '../../../server/src/rules/dockerfile/relative-workdir';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nWORKDIR /usr/src/app\n',
    { name: 'quoted absolute path', code: 'FROM node:22\nWORKDIR "/srv/my app"\n' },
    { name: 'a variable is not judged', code: 'FROM node:22\nWORKDIR $HOME\n' },
    { name: 'a braced variable is not judged', code: 'FROM node:22\nARG APP_DIR=/app\nWORKDIR ${APP_DIR}/src\n' },
    { name: 'a Windows drive path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'a Windows drive path with a forward slash', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR app\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12, data: { path: 'app' }, severity: 'error' }],
      output: null,
    },
    {
      name: 'relative to an earlier WORKDIR',
      code: 'FROM node:22\nWORKDIR /srv\nWORKDIR api\n',
      errors: [
        {
          messageId: 'relativeResolved',
          line: 3,
          column: 9,
          severity: 'info',
          message: 'WORKDIR api is relative to the earlier WORKDIR and resolves to /srv/api; write /srv/api so the path reads without looking back.',
        },
      ],
      output: 'FROM node:22\nWORKDIR /srv\nWORKDIR /srv/api\n',
    },
    {
      name: 'an earlier WORKDIR in the stage built on',
      code: 'FROM node:22 AS base\nWORKDIR /srv\nFROM base\nWORKDIR ./api/../web\n',
      errors: [{ messageId: 'relativeResolved', line: 4, column: 9, data: { absolute: '/srv/web' }, severity: 'info' }],
      output: 'FROM node:22 AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/web\n',
    },
    {
      name: 'a quoted relative path after an absolute one stays quoted',
      code: 'FROM node:22\nWORKDIR /srv\nWORKDIR "my app"\n',
      errors: [{ messageId: 'relativeResolved', line: 3, column: 9, data: { absolute: '/srv/my app' }, severity: 'info' }],
      output: 'FROM node:22\nWORKDIR /srv\nWORKDIR "/srv/my app"\n',
    },
    {
      name: 'a variable in the middle of a relative path',
      code: 'FROM node:22\nWORKDIR src/$APP\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, data: { path: 'src/$APP' } }],
      output: null,
    },
    {
      name: 'quoted relative path',
      code: 'FROM node:22\nWORKDIR "my app"\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, data: { path: 'my app' } }],
      output: null,
    },
  ],
});

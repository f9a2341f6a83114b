import { rule } from '../../../server/src/rules/dockerfile/copy-ignored-file';
import { ruleTester } from '../../ruleTester';

const ignoring = (text: string) => ({ '.dockerignore': text });

ruleTester(rule, {
  valid: [
    { name: 'no ignore file at all', code: 'FROM node:22\nCOPY dist/ /srv/\n' },
    { name: 'a path the ignore file does not exclude', code: 'FROM node:22\nCOPY src/ /app/src/\n', files: ignoring('dist\n*.log\n') },
    { name: 'an exception re-includes the file', code: 'FROM node:22\nCOPY .env.example /app/\n', files: ignoring('.env*\n!.env.example\n') },
    {
      name: 'an exception inside the copied folder makes it undecidable',
      code: 'FROM node:22\nCOPY config /app/config\n',
      files: ignoring('config\n!config/defaults.json\n'),
    },
    { name: 'a parent folder re-included', code: 'FROM node:22\nCOPY web/index.html /app/\n', files: ignoring('**\n!web\n') },
    { name: 'the context root with only dotfiles excluded', code: 'FROM node:22\nCOPY . /app\n', files: ignoring('.*\n') },
    { name: 'the context root with everything but one file excluded', code: 'FROM node:22\nCOPY . /opt/app\n', files: ignoring('**\n!Dockerfile\n') },
    {
      name: 'a copy from another stage',
      code: 'FROM node:22 AS build\nRUN echo x\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      files: ignoring('dist\n'),
    },
    { name: 'a source with a variable', code: 'FROM node:22\nARG OUT=dist\nCOPY $OUT /app/\n', files: ignoring('dist\n') },
    { name: 'matching is case-sensitive, as on Linux', code: 'FROM node:22\nCOPY README.md /app/\n', files: ignoring('readme.md\n') },
    { name: 'a glob source with an exception inside', code: 'FROM node:22\nCOPY conf/*.json /app/\n', files: ignoring('conf\n!conf/keep.json\n') },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY dist/ /app/\n',
      files: ignoring('node_modules\ndist\n'),
      errors: [
        { messageId: 'ignored', line: 2, column: 6, endLine: 2, endColumn: 11, data: { source: 'dist/', pattern: 'dist', ignoreFile: '.dockerignore' } },
      ],
    },
    {
      name: 'a file inside an excluded folder, with ADD',
      code: 'FROM alpine:3.20\nADD build/app.tar.gz /opt/\n',
      files: ignoring('# outputs\nbuild\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 5, data: { instruction: 'ADD', pattern: 'build' } }],
    },
    {
      name: 'an exception elsewhere does not save the file',
      code: 'FROM node:22\nCOPY logs/app.log /var/log/\n',
      files: ignoring('logs\n!logs/keep.txt\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 6 }],
    },
    {
      name: 'an exception before the exclusion is overridden',
      code: 'FROM node:22\nCOPY secrets /app/secrets\n',
      files: ignoring('!secrets/public.txt\nsecrets\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 6 }],
    },
    {
      name: 'the context root when everything is excluded',
      code: 'FROM node:22\nCOPY . .\n',
      files: ignoring('*\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 6, data: { pattern: '*' } }],
    },
    {
      name: 'globs in the ignore file and JSON form',
      code: 'FROM python:3.12\nCOPY ["app.py", "debug.log", "/app/"]\n',
      files: ignoring('**/*.log\n'),
      errors: [{ messageId: 'ignored', line: 2, column: 18, data: { source: 'debug.log' } }],
    },
    {
      name: 'the per-Dockerfile ignore file wins over .dockerignore',
      code: 'FROM node:22\nCOPY docs /app/docs\n',
      filename: 'web.Dockerfile',
      files: { '.dockerignore': 'src\n', 'web.Dockerfile.dockerignore': 'docs\n' },
      errors: [{ messageId: 'ignored', line: 2, column: 6, data: { ignoreFile: 'web.Dockerfile.dockerignore' } }],
    },
    {
      name: 'a leading ./ or / in the source',
      code: 'FROM node:22\nCOPY ./tmp/cache.bin /data/\nCOPY /tmp/other.bin /data/\n',
      files: ignoring('/tmp\n'),
      errors: [
        { messageId: 'ignored', line: 2, column: 6 },
        { messageId: 'ignored', line: 3, column: 6 },
      ],
    },
  ],
});

import { rule } from '../../../server/src/rules/dockerfile/pip-no-cache-dir';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM python:3.12 AS builder\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n',
    },
    'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'an abbreviation pip expands to --no-cache-dir', code: 'FROM python:3.12\nRUN pip install --no-cache ./dist/app.whl\n' },
    { name: 'global option before install', code: 'FROM python:3.12\nRUN pip3 --no-cache-dir install flask\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    {
      name: 'ENV PIP_NO_CACHE_DIR in the stage built on',
      code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=yes\nFROM base\nRUN python -m pip install flask\n',
    },
    { name: 'assignment on the command', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=true pip install flask\n' },
    { name: 'cache mount on /root/.cache/pip', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'cache mount on /root/.cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n' },
    {
      name: 'cache mount on PIP_CACHE_DIR',
      code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/pip-cache\nRUN --mount=type=cache,target=/pip-cache pip install flask\n',
    },
    { name: 'pipx and pipenv are other tools', code: 'FROM python:3.12\nRUN pipx install black && pipenv install && python -m pipx install ruff\n' },
    { name: 'other pip subcommands', code: 'FROM python:3.12\nRUN pip freeze && pip download flask\n' },
    { name: 'an ONBUILD RUN sees the ENV of the whole stage', code: 'FROM python:3.12\nONBUILD RUN pip install flask\nENV PIP_NO_CACHE_DIR=on\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install flask\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    },
    {
      name: 'python3 -m pip, pip3.12 and a venv pip',
      code: 'FROM python:3.12\nRUN python3 -m pip install -U pip && pip3.12 install flask && /opt/venv/bin/pip install gunicorn\n',
      errors: [
        { messageId: 'cacheDir', line: 2, column: 5, endLine: 2, endColumn: 27 },
        { messageId: 'cacheDir', line: 2, column: 38 },
        { messageId: 'cacheDir', line: 2, column: 63 },
      ],
      output:
        'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -U pip && pip3.12 install --no-cache-dir flask && /opt/venv/bin/pip install --no-cache-dir gunicorn\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR set to false',
      code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask\n',
      errors: [{ messageId: 'cacheDir', line: 3, column: 5 }],
      output: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip install --no-cache-dir flask\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR set only after the RUN',
      code: 'FROM python:3.12\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 5 }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\nENV PIP_NO_CACHE_DIR=1\n',
    },
    {
      name: 'a stage the final stage builds on ships its layers',
      code: 'FROM python:3.12-slim AS base\nRUN pip install flask\nFROM base\nCOPY . /app\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 5 }],
      output: 'FROM python:3.12-slim AS base\nRUN pip install --no-cache-dir flask\nFROM base\nCOPY . /app\n',
    },
    {
      name: 'a cache mount for another tool does not count',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apt pip install flask\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 46 }],
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n',
    },
    {
      name: 'heredoc and ONBUILD RUN',
      code: 'FROM python:3.12\nRUN <<EOF\npip install -r requirements.txt\nEOF\nONBUILD RUN pip install .\n',
      errors: [
        { messageId: 'cacheDir', line: 3, column: 1 },
        { messageId: 'cacheDir', line: 5, column: 13 },
      ],
      output: 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir -r requirements.txt\nEOF\nONBUILD RUN pip install --no-cache-dir .\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12\nRUN ["pip", "install", "flask"]\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 7 }],
      output: 'FROM python:3.12\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM python:3.12\nRUN sh -c "echo \\"x\\" && pip install flask"\n',
      errors: [{ messageId: 'cacheDir', line: 2, column: 11 }],
      output: null,
    },
  ],
});

import { rule } from '../../../server/src/rules/dockerfile/pip-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n',
    {
      name: 'other version specifiers',
      code: 'FROM python:3.12\nRUN pip install "django>=5.0,<5.1" "requests~=2.32" "urllib3!=2.0.0" "idna<=3.7" "attrs===23.2.0"\n',
    },
    { name: 'a requirements file', code: 'FROM python:3.12\nRUN pip install -r requirements.txt && pip install --requirement=dev.txt\n' },
    { name: 'a constraints file pins the names', code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask gunicorn\n' },
    { name: 'the local project', code: 'FROM python:3.12\nRUN pip install . && pip install -e .\n' },
    { name: 'the local project with extras', code: 'FROM python:3.12\nRUN pip install --no-deps ./app "./lib[extra]"\n' },
    {
      name: 'wheels, archives and URLs',
      code: 'FROM python:3.12\nRUN pip install dist/app-1.0-py3-none-any.whl /tmp/lib.tar.gz https://example.com/pkg.zip\n',
    },
    {
      name: 'VCS URLs with a ref',
      code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2.0 "git+ssh://git@github.com/org/lib.git@3f2a1b9#egg=lib"\n',
    },
    { name: 'direct references', code: 'FROM python:3.12\nRUN pip install "mylib @ https://example.com/mylib-1.0.tar.gz" mytool@https://example.com/t.whl\n' },
    {
      name: 'option values are not packages',
      code: 'FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple --target /deps -e git+https://github.com/o/r.git#egg=r flask==3.0.3\n',
    },
    { name: 'variables', code: 'FROM python:3.12\nRUN pip install "flask==${FLASK_VERSION}" $EXTRA\n' },
    { name: 'pip download and pipx', code: 'FROM python:3.12\nRUN pip download flask && pipx install black\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 32, endLine: 2, endColumn: 37, data: { package: 'flask' } }],
    },
    {
      name: 'upgrading pip itself is unpinned too; each package is reported',
      code: 'FROM python:3.12\nRUN python3 -m pip install --upgrade pip setuptools==70.0.0 wheel\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 38, data: { package: 'pip' } },
        { messageId: 'unpinned', line: 2, column: 61, data: { package: 'wheel' } },
      ],
    },
    {
      name: 'a VCS URL without a ref',
      code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 17 }],
    },
    {
      name: 'extras without a version',
      code: "FROM python:3.12\nRUN pip3 install 'uvicorn[standard]'\n",
      errors: [{ messageId: 'unpinned', line: 2, column: 18, data: { package: 'uvicorn[standard]' } }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM python:3.12\nRUN <<EOF\npip install a\nEOF\nRUN sh -c "pip install b"\nRUN ["pip", "install", "c"]\nONBUILD RUN pip install d\n',
      errors: [
        { messageId: 'unpinned', line: 3, column: 13 },
        { messageId: 'unpinned', line: 5, column: 24 },
        { messageId: 'unpinned', line: 6, column: 25 },
        { messageId: 'unpinned', line: 7, column: 25 },
      ],
    },
  ],
});

import { rule } from '../../../server/src/rules/dockerfile/go-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    { name: 'packages of the module being built', code: 'FROM golang:1.23\nRUN go install ./cmd/... && go install . && go build -o /app .\n' },
    { name: 'go run of local files and folders', code: 'FROM golang:1.23\nRUN go run ./cmd/migrate up && go run main.go --port 8080 && go run .\n' },
    { name: 'go run of a pinned tool, with program arguments', code: 'FROM golang:1.23\nRUN go run github.com/swaggo/swag/cmd/swag@v1.16.3 init ./internal\n' },
    { name: 'flag values are not packages', code: 'FROM golang:1.23\nRUN go install -tags netgo -ldflags "-s -w" -o=/bin github.com/org/tool@v1.2.3\n' },
    { name: 'go get @none removes a requirement', code: 'FROM golang:1.23\nRUN go get example.com/old@none\n' },
    { name: 'go install with no arguments', code: 'FROM golang:1.23\nRUN go install -v\n' },
    { name: 'go mod download', code: 'FROM golang:1.23\nRUN go mod download && go test ./...\n' },
    { name: 'variables', code: 'FROM golang:1.23\nRUN go install "github.com/org/tool@${TOOL_VERSION}"\n' },
    {
      name: 'Go 1.15 has no go install pkg@version: go install builds what go get fetched',
      code: 'FROM golang:1.15-alpine\nRUN go install github.com/org/tool\n',
    },
    { name: 'Go 1.16 has no go run pkg@version', code: 'FROM golang:1.16\nRUN go run github.com/org/gen\n' },
    { name: 'Go 1.10 has no modules, so no version to pin', code: 'FROM golang:1.10\nRUN go get github.com/golang/lint/golint\n' },
    { name: 'the tool pattern installs what go.mod pins', code: 'FROM golang:1.24\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go install tool\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 16, endLine: 2, endColumn: 49, data: { package: 'github.com/go-delve/delve/cmd/dlv' } }],
    },
    {
      name: '@latest and the upgrade queries move',
      code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest && go get -u example.com/lib@upgrade\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 16, data: { package: 'golang.org/x/tools/gopls' } },
        { messageId: 'unpinned', line: 2, column: 61, data: { package: 'example.com/lib' } },
      ],
    },
    {
      name: 'Go 1.11 to 1.15: pinned with go get in module mode',
      code: 'FROM golang:1.14 AS tools\nFROM tools\nRUN go get -u golang.org/x/lint/golint\n',
      errors: [
        {
          messageId: 'unpinnedGopathMode',
          line: 3,
          column: 15,
          message:
            'Package "golang.org/x/lint/golint" is fetched without a fixed version, so rebuilds can silently change it; Go 1.14 has no `go install golang.org/x/lint/golint@<version>` (Go 1.16 added it), so pin it in module mode: `GO111MODULE=on go get golang.org/x/lint/golint@<version>`.',
        },
      ],
    },
    {
      name: 'Go 1.16 takes go install pkg@version; a tag without a version is taken as current',
      code: 'FROM golang:1.16.15-buster\nRUN go install example.com/a\nFROM golang:alpine\nRUN go run example.com/b\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 16 },
        { messageId: 'unpinned', line: 4, column: 12 },
      ],
    },
    {
      name: 'go get tool upgrades the tools of go.mod',
      code: 'FROM golang:1.24\nRUN go get tool\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 12, data: { package: 'tool' } }],
    },
    {
      name: 'go run of a remote package, only the package is checked',
      code: 'FROM golang:1.23\nRUN go run github.com/org/gen ./api\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 12 }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM golang:1.23\nRUN <<EOF\ngo install example.com/a\nEOF\nRUN sh -c "go get example.com/b"\nRUN ["go", "install", "example.com/c"]\nONBUILD RUN go install example.com/d@latest\n',
      errors: [
        { messageId: 'unpinned', line: 3, column: 12 },
        { messageId: 'unpinned', line: 5, column: 19 },
        { messageId: 'unpinned', line: 6, column: 24 },
        { messageId: 'unpinned', line: 7, column: 24 },
      ],
    },
  ],
});

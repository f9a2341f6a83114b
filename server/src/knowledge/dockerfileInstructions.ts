// Every Dockerfile instruction, described in our own words, for completions and hovers. Snippets follow the
// keyword and use the LSP snippet syntax; they are written in upper case and lower-cased with the keyword when the
// user types lower case.

export interface InstructionInfo {
  keyword: string;
  /** What follows the keyword, as snippets; the first is the everyday form, the others are offered beside it. */
  snippets: readonly string[];
  /** What the instruction does. */
  summary: string;
  /** The best-practice advice that matters most for it. */
  tip: string;
  /** Why it should no longer be written; deprecated instructions are documented but not offered. */
  deprecated?: string;
}

export const INSTRUCTIONS: readonly InstructionInfo[] = [
  {
    keyword: 'FROM',
    snippets: ['${1:image}:${2:tag}', '${1:image}:${2:tag} AS ${3:name}'],
    summary: 'Starts a build stage on a base image, on an earlier stage or on `scratch`. Everything up to the next FROM belongs to this stage.',
    tip: 'Pin a version tag (or a digest) instead of `latest`, build on a slim or distroless base for the final stage, and name stages with `AS` so later stages can copy from them.',
  },
  {
    keyword: 'RUN',
    snippets: ['${1:command}'],
    summary:
      'Runs a command at build time and records its changes as a new layer. The shell form goes through `/bin/sh -c`; the exec form (`["program", "arg"]`) runs the program directly.',
    tip: 'Clean package caches in the same RUN that fills them (or use `--mount=type=cache`) so the layer stays small, and pin package versions for repeatable builds.',
  },
  {
    keyword: 'CMD',
    snippets: ['["${1:executable}", "${2:argument}"]'],
    summary: 'Sets the default command of the container, or the default arguments of the ENTRYPOINT. Only the last CMD counts.',
    tip: 'Write the exec form: the process then runs as PID 1 and receives the stop signal itself instead of a shell swallowing it.',
  },
  {
    keyword: 'LABEL',
    snippets: ['${1:org.opencontainers.image.source}="${2:url}"'],
    summary: 'Attaches key-value metadata to the image.',
    tip: 'Use the OCI keys (`org.opencontainers.image.source`, `.version`, `.licenses`…) that registries and scanners understand.',
  },
  {
    keyword: 'MAINTAINER',
    snippets: ['${1:name}'],
    summary: 'Sets the author field of the image.',
    tip: 'Write `LABEL org.opencontainers.image.authors="…"` instead.',
    deprecated: 'Docker keeps it only for old Dockerfiles.',
  },
  {
    keyword: 'EXPOSE',
    snippets: ['${1:8080}'],
    summary: 'Documents the ports the container listens on. It publishes nothing: that is `docker run -p` or the `ports` of a compose service.',
    tip: 'Listen on a port of 1024 or above, so the process does not need root to bind it.',
  },
  {
    keyword: 'ENV',
    snippets: ['${1:NAME}=${2:value}'],
    summary: 'Sets environment variables seen by the later instructions and by the running container.',
    tip: 'Never put secrets in ENV: the value stays readable in the image. Use build secrets (`RUN --mount=type=secret`) or runtime configuration.',
  },
  {
    keyword: 'ADD',
    snippets: ['${1:source} ${2:destination}'],
    summary: 'Copies files into the image like COPY, and also downloads URLs, clones Git repositories and unpacks local tar archives.',
    tip: 'Prefer COPY for local files, whose behaviour holds no surprises; when ADD downloads, pin the file with `--checksum`.',
  },
  {
    keyword: 'COPY',
    snippets: ['${1:source} ${2:destination}', '--from=${1:stage} ${2:source} ${3:destination}'],
    summary: 'Copies files or folders from the build context, or with `--from` from another stage or image, into the image.',
    tip: 'Copy the dependency manifests before the sources so the dependency layer stays cached, set the owner with `--chown` rather than a `chown` RUN, and keep secrets out of the context with a `.dockerignore`.',
  },
  {
    keyword: 'ENTRYPOINT',
    snippets: ['["${1:executable}"]'],
    summary: 'Sets the program the container runs; CMD then supplies its default arguments.',
    tip: 'Write the exec form: a shell-form ENTRYPOINT ignores CMD and `docker run` arguments, and the program never sees the stop signal.',
  },
  {
    keyword: 'VOLUME',
    snippets: ['["${1:/data}"]'],
    summary: 'Declares a mount point for data that lives outside the container; an anonymous volume is created there when nothing is mounted.',
    tip: 'Whatever a later RUN writes below a declared volume is thrown away, so prepare the contents before declaring it.',
  },
  {
    keyword: 'USER',
    snippets: ['${1:10001}:${2:10001}'],
    summary: 'Sets the user (and optionally the group) that the later RUN instructions and the container run as.',
    tip: 'End on a non-root user given as numeric ids (`10001:10001`), which Kubernetes `runAsNonRoot` can verify without looking inside the image.',
  },
  {
    keyword: 'WORKDIR',
    snippets: ['${1:/app}'],
    summary: 'Sets the working folder of the later instructions and of the container, creating it when missing.',
    tip: 'Use absolute paths, and WORKDIR rather than `RUN cd …`, whose effect ends with that RUN.',
  },
  {
    keyword: 'ARG',
    snippets: ['${1:NAME}=${2:default}'],
    summary:
      'Declares a build argument that `--build-arg` may set, with an optional default. ARGs before the first FROM serve the FROM lines; a stage sees an ARG only once it declares it.',
    tip: 'Build arguments stay visible in the image history, so never pass secrets through them.',
  },
  {
    keyword: 'ONBUILD',
    snippets: ['${1:instruction}'],
    summary: 'Stores an instruction that runs later, in the build of any image that uses this one as its base.',
    tip: 'Triggers run unseen in someone else’s build; explicit instructions in the downstream Dockerfile are easier to follow.',
  },
  {
    keyword: 'STOPSIGNAL',
    snippets: ['${1:SIGTERM}'],
    summary: 'Sets the signal that asks the container’s main process to stop (SIGTERM unless set).',
    tip: 'Pick the signal your process handles as a graceful shutdown, such as SIGQUIT for nginx.',
  },
  {
    keyword: 'HEALTHCHECK',
    snippets: ['--interval=30s --timeout=3s CMD ${1}', 'NONE'],
    summary:
      'Tells the engine how to check that the container still works: the command runs periodically, and a non-zero exit marks the container unhealthy. `HEALTHCHECK NONE` switches off a check inherited from the base image.',
    tip: 'Keep the check cheap and local with a tool the image already ships, set a `--timeout`, and give slow starters a `--start-period`.',
  },
  {
    keyword: 'SHELL',
    snippets: ['["${1:/bin/bash}", "-o", "pipefail", "-c"]'],
    summary: 'Replaces the shell that runs the shell form of RUN, CMD and ENTRYPOINT (`["/bin/sh", "-c"]` unless set).',
    tip: 'With `-o pipefail`, a failing command early in a pipe fails the build instead of being hidden by the last one.',
  },
];

export const INSTRUCTIONS_BY_KEYWORD: ReadonlyMap<string, InstructionInfo> = new Map(INSTRUCTIONS.map((info) => [info.keyword, info]));

/** Where Docker documents an instruction. */
function referenceUrl(keyword: string): string {
  return `https://docs.docker.com/reference/dockerfile/#${keyword.toLowerCase()}`;
}

/** The documentation of an instruction as Markdown, for hovers and completion details. */
export function instructionMarkdown(info: InstructionInfo): string {
  return [
    `**${info.keyword}**`,
    ...(info.deprecated ? [`*Deprecated:* ${info.deprecated}`] : []),
    info.summary,
    `*Tip:* ${info.tip}`,
    `[Dockerfile reference](${referenceUrl(info.keyword)})`,
  ].join('\n\n');
}

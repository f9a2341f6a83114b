// The `--flags` each Dockerfile instruction accepts, described in our own words. Snippet texts use the
// TextMate/LSP snippet syntax, so a literal `$` is written `\\$`.

export interface InstructionFlag {
  /** Without the leading `--`. */
  name: string;
  summary: string;
  /** The snippet default written after `=`; absent for switches such as `--link`, and for flags with `values`. */
  placeholder?: string;
  /** What may follow `--name=`, as snippets; `stages` stands for the names of the earlier build stages. */
  values?: readonly string[] | 'stages';
  /** May be given more than once (`--mount`, `--exclude`). */
  repeatable?: boolean;
}

const chown: InstructionFlag = {
  name: 'chown',
  summary: 'Owner (user and group, names or numeric ids) of the copied files; saves a separate `chown` layer.',
  placeholder: '10001:10001',
};
const chmod: InstructionFlag = { name: 'chmod', summary: 'Permission bits of the copied files, in octal.', placeholder: '0644' };
const link: InstructionFlag = {
  name: 'link',
  summary: 'Copies into an independent layer, so changing an earlier layer does not invalidate this one.',
};
const exclude: InstructionFlag = {
  name: 'exclude',
  summary: 'A path pattern to leave out of the copy; repeat the flag for more patterns.',
  placeholder: 'pattern',
  repeatable: true,
};

export const FLAGS_BY_INSTRUCTION: Readonly<Record<string, readonly InstructionFlag[]>> = {
  FROM: [
    {
      name: 'platform',
      summary: 'The platform of the base image, for multi-platform builds; `$BUILDPLATFORM` runs the stage natively on the builder.',
      values: ['\\$BUILDPLATFORM', '\\$TARGETPLATFORM', 'linux/amd64', 'linux/arm64'],
    },
  ],
  COPY: [
    { name: 'from', summary: 'Copies from an earlier build stage (or an image) instead of the build context.', values: 'stages' },
    chown,
    chmod,
    link,
    exclude,
    { name: 'parents', summary: 'Keeps the parent folders of the source paths below the destination.' },
  ],
  ADD: [
    chown,
    chmod,
    link,
    { name: 'checksum', summary: 'The expected digest of a downloaded file; the build fails when it differs.', placeholder: 'sha256:' },
    { name: 'keep-git-dir', summary: 'Keeps the `.git` folder when adding a Git repository.' },
    exclude,
  ],
  RUN: [
    {
      name: 'mount',
      summary: 'Mounts a cache, a secret, an SSH agent, a tmpfs or files of another stage for this command only; nothing of it stays in the layer.',
      values: [
        'type=cache,target=${1:/root/.cache}',
        'type=secret,id=${1:name}',
        'type=ssh',
        'type=bind,from=${1:stage},source=${2:.},target=${3:/src}',
        'type=tmpfs,target=${1:/tmp}',
      ],
      repeatable: true,
    },
    { name: 'network', summary: 'The network the command may use: `none` cuts it off, `host` needs an entitlement.', values: ['none', 'default', 'host'] },
    {
      name: 'security',
      summary: '`insecure` runs the command with extended privileges (needs an entitlement); `sandbox` is the default.',
      values: ['sandbox', 'insecure'],
    },
  ],
  HEALTHCHECK: [
    { name: 'interval', summary: 'Time between two checks (default 30s).', placeholder: '30s' },
    { name: 'timeout', summary: 'How long one check may take before it counts as failed (default 30s).', placeholder: '3s' },
    { name: 'start-period', summary: 'Start-up time during which failures do not count (default 0s).', placeholder: '10s' },
    { name: 'start-interval', summary: 'Time between checks during the start period.', placeholder: '5s' },
    { name: 'retries', summary: 'Consecutive failures after which the container is unhealthy (default 3).', placeholder: '3' },
  ],
};

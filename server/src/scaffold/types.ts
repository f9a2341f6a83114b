/** The stacks the scaffolding knows: one Dockerfile template each. */
export const STACKS = ['node', 'python', 'go', 'java', 'dotnet', 'ruby', 'static'] as const;
export type Stack = (typeof STACKS)[number];

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'pip' | 'poetry' | 'uv' | 'go' | 'maven' | 'gradle' | 'dotnet' | 'bundler' | 'none';

/** What detection learned about one project folder; `entry` and `port` are undefined when nothing told them. */
export interface StackFacts {
  stack: Stack;
  packageManager: PackageManager;
  /** Folder name, used for the image, service and Kubernetes names. */
  name: string;
  /** Node: package.json has a `build` script (static: the site is built into `dist/`). */
  hasBuildScript?: boolean;
  /** Node: the major version package.json `engines.node` asks for, when the bundled image table has it. */
  nodeMajor?: string;
  /** yarn 2+ (a `.yarnrc.yml`): `--immutable` instead of `--frozen-lockfile`. */
  yarnBerry?: boolean;
  /** Ruby: a Rails application. */
  rails?: boolean;
  /** .NET: the project file, e.g. `Api.csproj`. */
  projectFile?: string;
  entry?: string;
  port?: number;
}

/** A folder of a monorepo holding a project of its own. */
export interface DetectedPackage {
  /** Relative to the scanned folder, with `/` separators. */
  path: string;
  facts: StackFacts;
}

export interface Detection {
  /** The folder's own stack, when it has one. */
  facts?: StackFacts;
  /** Packages below it (a monorepo): empty for a single project. */
  packages: DetectedPackage[];
}

export const TARGETS = ['compose', 'kubernetes', 'ci', 'cloud-run', 'ecs', 'render', 'railway'] as const;
export type Target = (typeof TARGETS)[number];

/** The deployment targets that are a platform of their own: one starter file each (templates/platforms/). */
export const PLATFORMS = ['cloud-run', 'ecs', 'render', 'railway'] as const satisfies readonly Target[];
export type Platform = (typeof PLATFORMS)[number];

/** What a quick pick or a prompt shows of each platform. */
export const PLATFORM_DETAILS: Readonly<Record<Platform, { label: string; description: string; path: string }>> = {
  'cloud-run': {
    label: 'Google Cloud Run',
    description: 'A Knative service YAML for `gcloud run services replace`: scales to zero, secrets from Secret Manager.',
    path: 'deploy/cloud-run/service.yaml',
  },
  ecs: {
    label: 'AWS ECS on Fargate',
    description: 'A Fargate task definition JSON: non-root, read-only root filesystem, health check, Secrets Manager, CloudWatch logs.',
    path: 'deploy/ecs/task-definition.json',
  },
  render: {
    label: 'Render',
    description: 'A render.yaml Blueprint: a Docker web service with a health check, and a Render Postgres or Key Value when chosen.',
    path: 'render.yaml',
  },
  railway: {
    label: 'Railway',
    description: 'A railway.json: Dockerfile build, health check and restart policy; databases are added as services of the project.',
    path: 'railway.json',
  },
};

export const BACKING_SERVICES = ['postgres', 'mysql', 'redis', 'mongo'] as const;
export type BackingService = (typeof BACKING_SERVICES)[number];

/** What the user chose (or the defaults chose for them). */
export interface ScaffoldOptions {
  /** The Dockerfile and `.dockerignore` are always written; these add the rest of the path. */
  targets: readonly Target[];
  services: readonly BackingService[];
  /** Kubernetes: add an Ingress. */
  ingress: boolean;
  /** Kubernetes: a kustomize base and staging/production overlays instead of plain manifests in `k8s/`. */
  kustomize?: boolean;
  port: number;
  entry: string;
}

export interface GeneratedFile {
  /** Relative to the project folder, with `/` separators. */
  path: string;
  text: string;
}

/** Read access to a project folder, so detection runs the same on disk, in VS Code's file system or in memory. */
export interface ProjectReader {
  /** The text of a file, undefined when there is none. Paths are relative, with `/` separators. */
  readText(path: string): string | undefined;
  /** Names of the entries of a folder (`''` is the project folder), empty when there is none. */
  list(folder: string): string[];
}

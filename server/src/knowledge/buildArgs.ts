/** The build arguments BuildKit defines without a declaration (inside a stage, `ARG NAME` still brings them in). */
export interface PredefinedBuildArg {
  name: string;
  description: string;
}

export interface PlatformBuildArg extends PredefinedBuildArg {
  /** A value the builder may give it (on linux/amd64), to evaluate references with. */
  sample: string;
}

export const PLATFORM_BUILD_ARGS: readonly PlatformBuildArg[] = [
  { name: 'TARGETPLATFORM', description: 'Platform of the build result, e.g. `linux/arm64/v8`.', sample: 'linux/amd64' },
  { name: 'TARGETOS', description: 'OS part of TARGETPLATFORM.', sample: 'linux' },
  { name: 'TARGETARCH', description: 'Architecture part of TARGETPLATFORM.', sample: 'amd64' },
  { name: 'TARGETVARIANT', description: 'Variant part of TARGETPLATFORM.', sample: '' },
  { name: 'BUILDPLATFORM', description: 'Platform of the node running the build.', sample: 'linux/amd64' },
  { name: 'BUILDOS', description: 'OS part of BUILDPLATFORM.', sample: 'linux' },
  { name: 'BUILDARCH', description: 'Architecture part of BUILDPLATFORM.', sample: 'amd64' },
  { name: 'BUILDVARIANT', description: 'Variant part of BUILDPLATFORM.', sample: '' },
];

/** Proxy settings for RUN, which the builder keeps out of the image history (lower-case spellings work too). */
export const PROXY_BUILD_ARGS: readonly PredefinedBuildArg[] = [
  { name: 'HTTP_PROXY', description: 'Proxy for HTTP requests of RUN; kept out of the image history.' },
  { name: 'HTTPS_PROXY', description: 'Proxy for HTTPS requests of RUN; kept out of the image history.' },
  { name: 'FTP_PROXY', description: 'Proxy for FTP requests of RUN; kept out of the image history.' },
  { name: 'NO_PROXY', description: 'Hosts RUN reaches without the proxy; kept out of the image history.' },
  { name: 'ALL_PROXY', description: 'Proxy for every protocol of RUN; kept out of the image history.' },
];

export const PLATFORM_ARG_NAMES: readonly string[] = PLATFORM_BUILD_ARGS.map((arg) => arg.name);

import type { ImageReference } from '../../parsing/imageReference';
import { canonicalRepository } from '../../knowledge/images';

/**
 * The ENV names common base images set in their image config, which the builder substitutes in ENV, COPY,
 * WORKDIR… (BuildKit reads them from the pulled image; offline, this table stands in). Every image also has
 * PATH. A superset across the image's current tags, so a name one tag dropped is not reported.
 */

const JAVA = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];
const DOTNET = [
  'APP_UID',
  'ASPNETCORE_HTTP_PORTS',
  'ASPNETCORE_URLS',
  'DOTNET_RUNNING_IN_CONTAINER',
  'DOTNET_VERSION',
  'ASPNET_VERSION',
  'DOTNET_SDK_VERSION',
  'DOTNET_GENERATE_ASPNET_CERTIFICATE',
  'DOTNET_NOLOGO',
  'DOTNET_USE_POLLING_FILE_WATCHER',
  'NUGET_XMLDOC_MODE',
  'POWERSHELL_DISTRIBUTION_CHANNEL',
];
const PLAIN_DISTRO: readonly string[] = [];

const TABLE: readonly (readonly [match: string, names: readonly string[]])[] = [
  ['node', ['NODE_VERSION', 'YARN_VERSION']],
  [
    'python',
    ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  ],
  ['golang', ['GOLANG_VERSION', 'GOTOOLCHAIN', 'GOPATH']],
  ['rust', ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION']],
  ['ruby', ['LANG', 'RUBY_MAJOR', 'RUBY_VERSION', 'RUBY_DOWNLOAD_URL', 'RUBY_DOWNLOAD_SHA256', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG']],
  [
    'php',
    [
      'PHPIZE_DEPS',
      'PHP_INI_DIR',
      'APACHE_CONFDIR',
      'APACHE_ENVVARS',
      'PHP_CFLAGS',
      'PHP_CPPFLAGS',
      'PHP_LDFLAGS',
      'GPG_KEYS',
      'PHP_VERSION',
      'PHP_URL',
      'PHP_ASC_URL',
      'PHP_SHA256',
    ],
  ],
  ['eclipse-temurin', JAVA],
  ['openjdk', JAVA],
  ['amazoncorretto', JAVA],
  ['maven', [...JAVA, 'MAVEN_HOME', 'MAVEN_CONFIG']],
  ['gradle', [...JAVA, 'GRADLE_HOME', 'GRADLE_VERSION']],
  ['tomcat', [...JAVA, 'CATALINA_HOME', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH', 'GPG_KEYS', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512']],
  ['mcr.microsoft.com/dotnet/*', DOTNET],
  ['nginx', ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE']],
  ['httpd', ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES']],
  ['postgres', ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA']],
  ['mysql', ['GOSU_VERSION', 'MYSQL_MAJOR', 'MYSQL_VERSION', 'MYSQL_SHELL_VERSION']],
  ['mariadb', ['GOSU_VERSION', 'LANG', 'MARIADB_VERSION']],
  ['mongo', ['GOSU_VERSION', 'JSYAML_VERSION', 'JSYAML_CHECKSUM', 'HOME', 'MONGO_PACKAGE', 'MONGO_REPO', 'MONGO_MAJOR', 'MONGO_VERSION']],
  ['redis', ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA']],
  ['debian', PLAIN_DISTRO],
  ['ubuntu', PLAIN_DISTRO],
  ['alpine', PLAIN_DISTRO],
  ['busybox', PLAIN_DISTRO],
  ['rockylinux', PLAIN_DISTRO],
  ['almalinux', PLAIN_DISTRO],
  ['amazonlinux', PLAIN_DISTRO],
  ['fedora', ['DISTTAG', 'FGC', 'FBR']],
  ['registry.access.redhat.com/ubi*', ['container']],
  ['gcr.io/distroless/*', ['SSL_CERT_FILE', 'JAVA_VERSION', 'LANG']],
];

/** The ENV names the image sets, PATH included; undefined for an image this table does not know. */
export function imageEnvironment(image: ImageReference): ReadonlySet<string> | undefined {
  const repository = canonicalRepository(image);
  const entry = TABLE.find(([match]) => (match.endsWith('*') ? repository.startsWith(match.slice(0, -1)) : repository === match));
  return entry && new Set(['PATH', ...entry[1]]);
}

import { defineDockerfileRule } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import { isDevContainer } from '../support/devContainer';
import { isFilesOnlyStage, rootStage } from '../support/dockerfile';
import { imagePurpose, rootDaemon, runsUnattended } from '../support/imagePurpose';
import { interactiveProgram } from '../support/interactiveImage';
import { describeStepDown, stepDownOf } from '../support/privilegeDrop';
import { isWindowsImage, nonRootFix } from '../support/users';

const RUN_AS_NON_ROOT = "Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, {{advice}}.";

export const rule = defineDockerfileRule({
  id: 'dockerfile/no-user',
  meta: {
    severity: 'warning',
    description: 'The final stage sets no USER and its base image is not known to run as non-root, so the container runs as root.',
    fix: {
      when: 'unless the image is a tool rather than a service, a dev container, or steps down from root by itself, or no line can be added after the last instruction (a here-document never closed, a final escaped backslash)',
      applied: { autoWhen: 'when it switches to a user the Dockerfile creates or the image ships' },
    },
    aliases: ['checkov:CKV_DOCKER_3'],
    messages: {
      noUser: 'The final stage sets no USER and {{image}} runs as root, so the container does too; add a non-root user and switch to it with USER.',
      noUserScratch:
        'The final stage sets no USER and scratch has no users, so the container runs as root (uid 0); switch to a numeric user, which needs no /etc/passwd entry: USER 10001:10001 (the files the program reads must be readable by it).',
      noUserWindows:
        'The final stage sets no USER, so the container runs as ContainerAdministrator, the default of {{image}}; switch to the unprivileged ContainerUser with USER ContainerUser.',
      noUserTool:
        'The final stage sets no USER, so this tool runs as root. A user baked into the image could not write to the workspace it is usually run on (a bind mount owned by whoever runs it): run it with `docker run --user "$(id -u):$(id -g)"`, or add a numeric USER if it never writes to a mount.',
      noUserUnknown:
        'The final stage sets no USER and {{image}} is not known to run as non-root, so the container presumably runs as root; switch to a non-root user with USER (a numeric one such as 10001:10001 needs no /etc/passwd entry, but must be able to read the application files).',
      noUserBase:
        'The final stage sets no USER, so the container runs as root; it starts {{program}} and no program of its own, so it is presumably a base for other images or an environment to work in, which stay root so that the Dockerfiles built on them can install packages. Switch to a non-root user in those, or here if no Dockerfile builds on this image.',
      noUserDevContainer:
        "The final stage sets no USER, as dev containers usually do: VS Code and the dev container CLI connect as devcontainer.json's remoteUser (the vscode or node user of Microsoft's dev container images), not as the image's USER. Set remoteUser there to a non-root user if it is not already.",
      rootDaemon:
        'The final stage sets no USER, so the container runs as root, as {{program}} needs: it runs privileged anyway. Where the container need not manage the host, use a rootless variant of the image instead.',
      stepDown: `The final stage sets no USER, so the container starts as root, but {{how}}. ${RUN_AS_NON_ROOT}`,
    },
    explanation: {
      why: 'Docker runs a container as root unless the image says otherwise, so an escape from the application or a mounted volume is root on those files; most official images (node, python, debian, alpine) do not switch users themselves. Images whose own last USER is non-root (distroless `:nonroot`, chiseled .NET, Bitnami, nginx-unprivileged, grafana/k6, …) are not reported; the table of base images and their users is documented in images.md. Images that start as root but step down before running their program are reported as info, without a fix: the official database images (postgres, mysql, mariadb, mongo, redis, valkey, rabbitmq), whose entrypoint execs the server as its own user when the Dockerfile keeps their entrypoint and starts their server; a Dockerfile whose ENTRYPOINT or CMD runs the program through gosu, su-exec, setpriv or runuser; and one that installs gosu, su-exec or setpriv and starts with an entrypoint script of its own, which presumably uses it (the official images\' own Dockerfiles). Servers that keep root in their master process only and serve from workers running as an unprivileged user (nginx, Apache httpd, php-fpm, started by the Dockerfile or by a base image the table knows) are info too; for nginx the finding points to nginxinc/nginx-unprivileged, and it offers no fix, since a user of the Dockerfile\'s own would leave nginx unable to write its cache and pid file. What matters there is that Kubernetes\' `runAsNonRoot` refuses an image that starts as root, so the finding says which runAsUser to set. For images that are tools rather than services (the final image starts a test runner, a code generator, a linter or an infrastructure CLI: see missing-healthcheck), the finding is info and offers no fix: a named user baked into the image could not write to the bind-mounted workspace such tools run on; `docker run --user` is the better answer there. An image that starts only a shell or a language\'s REPL (`CMD ["python3"]`, `["node"]`, `["irb"]`, `["php", "-a"]`, `["sh"]`, or nothing of its own on a distribution image such as alpine or debian) is presumably a base for other images or an environment to work in: those stay root by convention, so that the Dockerfiles built on them can install packages and switch users themselves, and the finding is info. A dev container (a Dockerfile in a `.devcontainer` folder, one built on Microsoft\'s dev container images, or a final `dev-envs` stage, the target of Docker Dev Environments) gets an info finding without a fix: the user the developer works as is devcontainer.json\'s `remoteUser`. The finding is a warning where the image runs unattended: a service (it EXPOSEs a port or starts a server program), an application of its own started through a language runtime (`python worker.py`, `dotnet Worker.dll`, `java -jar app.jar`), or a queue worker (celery, sidekiq). Elsewhere (a base image named only by a build argument without a default, which may set a user itself; a command-line tool started by its ENTRYPOINT, a command the Dockerfile does not name, a final stage named for a CI check such as `test` or `validate`) it is info: whether a tool run by hand should drop root is its user\'s call. An image that starts a daemon which needs root (dockerd, containerd, buildkitd, an NFS server, QEMU) gets info without a fix: it runs privileged anyway, and the rootless variants are other images. On scratch the fix writes a numeric `USER 10001:10001` (there is no useradd, and a uid needs no /etc/passwd entry); on Windows images it switches to ContainerUser (nanoserver already runs as it).',
      standard: 'Container standard "non-root users"; CIS Docker Benchmark 4.1; Kubernetes Pod Security "restricted" (runAsNonRoot).',
      bad: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      good: 'FROM node:22-alpine\nCOPY . /app\nUSER 1000\nCMD ["node", "/app/server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    // An image of files only is never run, so it has no user to run as.
    if (!final || file.dockerfile.finalUser || isFilesOnlyStage(final)) return;
    const imageStage = rootStage(final);
    const facts = imageStage.image && imageFacts(imageStage.image);
    if (facts && !facts.runsAsRoot) return;
    const imageText = imageStage.image?.text ?? imageStage.from.getImage() ?? 'the base image';
    // nanoserver runs as the unprivileged ContainerUser unless told otherwise; servercore as ContainerAdministrator.
    if (isWindowsImage(imageStage) && /nanoserver/i.test(imageText)) return;
    const data = { image: imageText };
    // The image it names decides the user, and the FROM keyword is missing-healthcheck's: each its own fix under the cursor.
    const range = final.from.getImageRange() ?? final.from.getRange();
    if (isDevContainer(file, final)) {
      report({ messageId: 'noUserDevContainer', data, range, severity: 'info' });
      return;
    }
    const stepDown = stepDownOf(file);
    if (stepDown) {
      report({ messageId: 'stepDown', data: { ...data, ...describeStepDown(stepDown) }, range, severity: 'info' });
      return;
    }
    if (imagePurpose(file) === 'tool') {
      report({ messageId: 'noUserTool', data, range, severity: 'info' });
      return;
    }
    const daemon = rootDaemon(file);
    if (daemon) {
      report({ messageId: 'rootDaemon', data: { ...data, program: daemon }, range, severity: 'info' });
      return;
    }
    const fixes = [nonRootFix(file, final)].filter((fix) => fix !== undefined);
    // A port to serve says the command comes from elsewhere (compose `command:`, a pod's `args`), not that nobody runs it.
    const program = imagePurpose(file) === 'service' ? undefined : interactiveProgram(file);
    if (program) {
      report({ messageId: 'noUserBase', data: { ...data, program }, range, severity: 'info', fixes });
      return;
    }
    const messageId = isWindowsImage(imageStage) ? 'noUserWindows' : facts?.family === 'scratch' ? 'noUserScratch' : facts ? 'noUser' : 'noUserUnknown';
    // A command-line tool run by hand, or a base for other images, is the user's call: a warning is for what runs
    // unattended. A base image named only at build time (`FROM ${BASE_IMAGE}`) may well set a user itself.
    const warn = runsUnattended(file) && imageStage.image !== undefined;
    report({ messageId, data, range, fixes, ...(warn ? {} : { severity: 'info' as const }) });
  },
});

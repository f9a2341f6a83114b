import type { Rule } from '../engine/ruleTypes';
import { rule as composeBuildTargetNotFound } from './compose/build-target-not-found';
import { rule as composeDependsOnNotHealthy } from './compose/depends-on-not-healthy';
import { rule as composeDockerSocketMount } from './compose/docker-socket-mount';
import { rule as composeDuplicateContainerName } from './compose/duplicate-container-name';
import { rule as composeDuplicateHostPort } from './compose/duplicate-host-port';
import { rule as composeLatestTag } from './compose/latest-tag';
import { rule as composeMissingHealthcheck } from './compose/missing-healthcheck';
import { rule as composeMissingResourceLimits } from './compose/missing-resource-limits';
import { rule as composeNoBuildAndImage } from './compose/no-build-and-image';
import { rule as composeNoQuotesInVolumes } from './compose/no-quotes-in-volumes';
import { rule as composeObsoleteVersion } from './compose/obsolete-version';
import { rule as composePathNotFound } from './compose/path-not-found';
import { rule as composePlaintextSecret } from './compose/plaintext-secret';
import { rule as composePortAllInterfaces } from './compose/port-all-interfaces';
import { rule as composePortNotExposed } from './compose/port-not-exposed';
import { rule as composePrivileged } from './compose/privileged';
import { rule as composeRequireProjectNameField } from './compose/require-project-name-field';
import { rule as composeRequireQuotesInPorts } from './compose/require-quotes-in-ports';
import { rule as composeSchema } from './compose/schema';
import { rule as composeServiceContainerNameRegex } from './compose/service-container-name-regex';
import { rule as composeServiceDependenciesAlphabeticalOrder } from './compose/service-dependencies-alphabetical-order';
import { rule as composeServiceKeysOrder } from './compose/service-keys-order';
import { rule as composeServicePortsAlphabeticalOrder } from './compose/service-ports-alphabetical-order';
import { rule as composeServicesAlphabeticalOrder } from './compose/services-alphabetical-order';
import { rule as composeSyntax } from './compose/syntax';
import { rule as composeTopLevelPropertiesOrder } from './compose/top-level-properties-order';
import { rule as composeUndefinedReference } from './compose/undefined-reference';
import { rule as composeUntaggedImage } from './compose/untagged-image';
import { rule as dockerfileAddInsteadOfCopy } from './dockerfile/add-instead-of-copy';
import { rule as dockerfileApkNoCache } from './dockerfile/apk-no-cache';
import { rule as dockerfileApkPinVersions } from './dockerfile/apk-pin-versions';
import { rule as dockerfileAptGetPinVersions } from './dockerfile/apt-get-pin-versions';
import { rule as dockerfileAptGetYes } from './dockerfile/apt-get-yes';
import { rule as dockerfileAptInsteadOfAptGet } from './dockerfile/apt-instead-of-apt-get';
import { rule as dockerfileAptListsNotCleaned } from './dockerfile/apt-lists-not-cleaned';
import { rule as dockerfileAptNoInstallRecommends } from './dockerfile/apt-no-install-recommends';
import { rule as dockerfileBacktickSubstitution } from './dockerfile/backtick-substitution';
import { rule as dockerfileBashSyntaxInSh } from './dockerfile/bash-syntax-in-sh';
import { rule as dockerfileBuildStepInFinalStage } from './dockerfile/build-step-in-final-stage';
import { rule as dockerfileBuildToolsInFinalStage } from './dockerfile/build-tools-in-final-stage';
import { rule as dockerfileConsecutiveRun } from './dockerfile/consecutive-run';
import { rule as dockerfileConsistentInstructionCasing } from './dockerfile/consistent-instruction-casing';
import { rule as dockerfileCopyAllBeforeInstall } from './dockerfile/copy-all-before-install';
import { rule as dockerfileCopyArchiveThenExtract } from './dockerfile/copy-archive-then-extract';
import { rule as dockerfileCopyDestinationTrailingSlash } from './dockerfile/copy-destination-trailing-slash';
import { rule as dockerfileCopyFromOwnStage } from './dockerfile/copy-from-own-stage';
import { rule as dockerfileCopyFromUnknownStage } from './dockerfile/copy-from-unknown-stage';
import { rule as dockerfileCopyIgnoredFile } from './dockerfile/copy-ignored-file';
import { rule as dockerfileCopyRelativeWithoutWorkdir } from './dockerfile/copy-relative-without-workdir';
import { rule as dockerfileCopySensitiveFile } from './dockerfile/copy-sensitive-file';
import { rule as dockerfileCopyWholeFilesystem } from './dockerfile/copy-whole-filesystem';
import { rule as dockerfileDeclareAndAssignSeparately } from './dockerfile/declare-and-assign-separately';
import { rule as dockerfileDnfCacheNotCleaned } from './dockerfile/dnf-cache-not-cleaned';
import { rule as dockerfileDnfPinVersions } from './dockerfile/dnf-pin-versions';
import { rule as dockerfileDnfYes } from './dockerfile/dnf-yes';
import { rule as dockerfileDuplicateStageName } from './dockerfile/duplicate-stage-name';
import { rule as dockerfileEchoEscapes } from './dockerfile/echo-escapes';
import { rule as dockerfileEnvSelfReference } from './dockerfile/env-self-reference';
import { rule as dockerfileEolBaseImage } from './dockerfile/eol-base-image';
import { rule as dockerfileExpansionInSingleQuotes } from './dockerfile/expansion-in-single-quotes';
import { rule as dockerfileExposeInvalidFormat } from './dockerfile/expose-invalid-format';
import { rule as dockerfileExposePortOutOfRange } from './dockerfile/expose-port-out-of-range';
import { rule as dockerfileExposeProtoCasing } from './dockerfile/expose-proto-casing';
import { rule as dockerfileFromAsCasing } from './dockerfile/from-as-casing';
import { rule as dockerfileFromPlatformConstant } from './dockerfile/from-platform-constant';
import { rule as dockerfileGemPinVersions } from './dockerfile/gem-pin-versions';
import { rule as dockerfileGlobMayBecomeOption } from './dockerfile/glob-may-become-option';
import { rule as dockerfileGoPinVersions } from './dockerfile/go-pin-versions';
import { rule as dockerfileHeavyBaseImage } from './dockerfile/heavy-base-image';
import { rule as dockerfileInstructionBeforeFrom } from './dockerfile/instruction-before-from';
import { rule as dockerfileInvalidDefaultArgInFrom } from './dockerfile/invalid-default-arg-in-from';
import { rule as dockerfileInvalidDefinitionDescription } from './dockerfile/invalid-definition-description';
import { rule as dockerfileIrrelevantCommand } from './dockerfile/irrelevant-command';
import { rule as dockerfileLatestTag } from './dockerfile/latest-tag';
import { rule as dockerfileLegacyKeyValueFormat } from './dockerfile/legacy-key-value-format';
import { rule as dockerfileMaintainerDeprecated } from './dockerfile/maintainer-deprecated';
import { rule as dockerfileMissingDockerignore } from './dockerfile/missing-dockerignore';
import { rule as dockerfileMissingHealthcheck } from './dockerfile/missing-healthcheck';
import { rule as dockerfileMultipleCmd } from './dockerfile/multiple-cmd';
import { rule as dockerfileNoEmptyContinuation } from './dockerfile/no-empty-continuation';
import { rule as dockerfileNoSudo } from './dockerfile/no-sudo';
import { rule as dockerfileNoUser } from './dockerfile/no-user';
import { rule as dockerfileNonNumericUser } from './dockerfile/non-numeric-user';
import { rule as dockerfileNpmInstallNotCi } from './dockerfile/npm-install-not-ci';
import { rule as dockerfileNpmOmitDev } from './dockerfile/npm-omit-dev';
import { rule as dockerfileNpmPinVersions } from './dockerfile/npm-pin-versions';
import { rule as dockerfileOnbuildDisallowedTrigger } from './dockerfile/onbuild-disallowed-trigger';
import { rule as dockerfilePackageManagerAsPid1 } from './dockerfile/package-manager-as-pid1';
import { rule as dockerfilePipNoCacheDir } from './dockerfile/pip-no-cache-dir';
import { rule as dockerfilePipPinVersions } from './dockerfile/pip-pin-versions';
import { rule as dockerfilePipefail } from './dockerfile/pipefail';
import { rule as dockerfileRedundantTargetPlatform } from './dockerfile/redundant-target-platform';
import { rule as dockerfileRelativeWorkdir } from './dockerfile/relative-workdir';
import { rule as dockerfileReservedStageName } from './dockerfile/reserved-stage-name';
import { rule as dockerfileRootUser } from './dockerfile/root-user';
import { rule as dockerfileSecretInArgOrEnv } from './dockerfile/secret-in-arg-or-env';
import { rule as dockerfileShellFormCmd } from './dockerfile/shell-form-cmd';
import { rule as dockerfileShellWrapperWithoutExec } from './dockerfile/shell-wrapper-without-exec';
import { rule as dockerfileStageNameCasing } from './dockerfile/stage-name-casing';
import { rule as dockerfileSymlinkBinSh } from './dockerfile/symlink-bin-sh';
import { rule as dockerfileSyntax } from './dockerfile/syntax';
import { rule as dockerfileUncheckedCd } from './dockerfile/unchecked-cd';
import { rule as dockerfileUndefinedVar } from './dockerfile/undefined-var';
import { rule as dockerfileUnquotedCommandSubstitution } from './dockerfile/unquoted-command-substitution';
import { rule as dockerfileUnquotedVariable } from './dockerfile/unquoted-variable';
import { rule as dockerfileUntaggedImage } from './dockerfile/untagged-image';
import { rule as dockerfileUntrustedRegistry } from './dockerfile/untrusted-registry';
import { rule as dockerfileUseWorkdir } from './dockerfile/use-workdir';
import { rule as dockerfileUseraddNoLogInit } from './dockerfile/useradd-no-log-init';
import { rule as dockerfileWgetAndCurl } from './dockerfile/wget-and-curl';
import { rule as dockerfileWgetProgressBar } from './dockerfile/wget-progress-bar';
import { rule as dockerfileYarnCacheNotCleaned } from './dockerfile/yarn-cache-not-cleaned';
import { rule as dockerfileYumCacheNotCleaned } from './dockerfile/yum-cache-not-cleaned';
import { rule as dockerfileYumPinVersions } from './dockerfile/yum-pin-versions';
import { rule as dockerfileYumYes } from './dockerfile/yum-yes';
import { rule as dockerfileZypperCacheNotCleaned } from './dockerfile/zypper-cache-not-cleaned';
import { rule as dockerfileZypperDistUpgrade } from './dockerfile/zypper-dist-upgrade';
import { rule as dockerfileZypperNonInteractive } from './dockerfile/zypper-non-interactive';
import { rule as dockerfileZypperPinVersions } from './dockerfile/zypper-pin-versions';
import { rule as ecsLatestTag } from './ecs/latest-tag';
import { rule as ecsMissingHealthcheck } from './ecs/missing-healthcheck';
import { rule as ecsMissingResources } from './ecs/missing-resources';
import { rule as ecsPlaintextSecret } from './ecs/plaintext-secret';
import { rule as ecsPrivileged } from './ecs/privileged';
import { rule as ecsRunAsRoot } from './ecs/run-as-root';
import { rule as ecsSyntax } from './ecs/syntax';
import { rule as ecsWritableRootFs } from './ecs/writable-root-fs';
import { rule as railwaySchema } from './railway/schema';
import { rule as railwaySyntax } from './railway/syntax';
import { rule as renderPlaintextSecret } from './render/plaintext-secret';
import { rule as renderSchema } from './render/schema';
import { rule as renderSyntax } from './render/syntax';
import { rule as k8sContainerPortNotExposed } from './k8s/container-port-not-exposed';
import { rule as k8sDangerousCapability } from './k8s/dangerous-capability';
import { rule as k8sDanglingReference } from './k8s/dangling-reference';
import { rule as k8sDanglingService } from './k8s/dangling-service';
import { rule as k8sDeprecatedServiceAccount } from './k8s/deprecated-service-account';
import { rule as k8sDockerSocketMount } from './k8s/docker-socket-mount';
import { rule as k8sDuplicateEnvVar } from './k8s/duplicate-env-var';
import { rule as k8sHostNamespace } from './k8s/host-namespace';
import { rule as k8sImageRunsAsRoot } from './k8s/image-runs-as-root';
import { rule as k8sInvalidPortName } from './k8s/invalid-port-name';
import { rule as k8sJobTtlSecondsAfterFinished } from './k8s/job-ttl-seconds-after-finished';
import { rule as k8sLatestTag } from './k8s/latest-tag';
import { rule as k8sMissingLivenessProbe } from './k8s/missing-liveness-probe';
import { rule as k8sMissingPrestop } from './k8s/missing-prestop';
import { rule as k8sMissingReadinessProbe } from './k8s/missing-readiness-probe';
import { rule as k8sMissingResources } from './k8s/missing-resources';
import { rule as k8sNetRawCapability } from './k8s/net-raw-capability';
import { rule as k8sNoAntiAffinity } from './k8s/no-anti-affinity';
import { rule as k8sPdbMaxUnavailable } from './k8s/pdb-max-unavailable';
import { rule as k8sPdbMinAvailable } from './k8s/pdb-min-available';
import { rule as k8sPdbUnhealthyPodEvictionPolicy } from './k8s/pdb-unhealthy-pod-eviction-policy';
import { rule as k8sPlaintextSecretEnv } from './k8s/plaintext-secret-env';
import { rule as k8sPrivilegeEscalation } from './k8s/privilege-escalation';
import { rule as k8sPrivileged } from './k8s/privileged';
import { rule as k8sProbePortMismatch } from './k8s/probe-port-mismatch';
import { rule as k8sRemovedApi } from './k8s/removed-api';
import { rule as k8sRunAsNonRootNamedUser } from './k8s/run-as-non-root-named-user';
import { rule as k8sRunAsRoot } from './k8s/run-as-root';
import { rule as k8sSchema } from './k8s/schema';
import { rule as k8sSelectorMismatch } from './k8s/selector-mismatch';
import { rule as k8sSensitiveHostMount } from './k8s/sensitive-host-mount';
import { rule as k8sSingleReplica } from './k8s/single-replica';
import { rule as k8sSshPort } from './k8s/ssh-port';
import { rule as k8sSyntax } from './k8s/syntax';
import { rule as k8sUnsafeSysctl } from './k8s/unsafe-sysctl';
import { rule as k8sWritableRootFs } from './k8s/writable-root-fs';

/** Every rule, sorted by id (a test keeps it sorted and in step with the files under rules/). */
export const rules: readonly Rule[] = [
  composeBuildTargetNotFound,
  composeDependsOnNotHealthy,
  composeDockerSocketMount,
  composeDuplicateContainerName,
  composeDuplicateHostPort,
  composeLatestTag,
  composeMissingHealthcheck,
  composeMissingResourceLimits,
  composeNoBuildAndImage,
  composeNoQuotesInVolumes,
  composeObsoleteVersion,
  composePathNotFound,
  composePlaintextSecret,
  composePortAllInterfaces,
  composePortNotExposed,
  composePrivileged,
  composeRequireProjectNameField,
  composeRequireQuotesInPorts,
  composeSchema,
  composeServiceContainerNameRegex,
  composeServiceDependenciesAlphabeticalOrder,
  composeServiceKeysOrder,
  composeServicePortsAlphabeticalOrder,
  composeServicesAlphabeticalOrder,
  composeSyntax,
  composeTopLevelPropertiesOrder,
  composeUndefinedReference,
  composeUntaggedImage,
  dockerfileAddInsteadOfCopy,
  dockerfileApkNoCache,
  dockerfileApkPinVersions,
  dockerfileAptGetPinVersions,
  dockerfileAptGetYes,
  dockerfileAptInsteadOfAptGet,
  dockerfileAptListsNotCleaned,
  dockerfileAptNoInstallRecommends,
  dockerfileBacktickSubstitution,
  dockerfileBashSyntaxInSh,
  dockerfileBuildStepInFinalStage,
  dockerfileBuildToolsInFinalStage,
  dockerfileConsecutiveRun,
  dockerfileConsistentInstructionCasing,
  dockerfileCopyAllBeforeInstall,
  dockerfileCopyArchiveThenExtract,
  dockerfileCopyDestinationTrailingSlash,
  dockerfileCopyFromOwnStage,
  dockerfileCopyFromUnknownStage,
  dockerfileCopyIgnoredFile,
  dockerfileCopyRelativeWithoutWorkdir,
  dockerfileCopySensitiveFile,
  dockerfileCopyWholeFilesystem,
  dockerfileDeclareAndAssignSeparately,
  dockerfileDnfCacheNotCleaned,
  dockerfileDnfPinVersions,
  dockerfileDnfYes,
  dockerfileDuplicateStageName,
  dockerfileEchoEscapes,
  dockerfileEnvSelfReference,
  dockerfileEolBaseImage,
  dockerfileExpansionInSingleQuotes,
  dockerfileExposeInvalidFormat,
  dockerfileExposePortOutOfRange,
  dockerfileExposeProtoCasing,
  dockerfileFromAsCasing,
  dockerfileFromPlatformConstant,
  dockerfileGemPinVersions,
  dockerfileGlobMayBecomeOption,
  dockerfileGoPinVersions,
  dockerfileHeavyBaseImage,
  dockerfileInstructionBeforeFrom,
  dockerfileInvalidDefaultArgInFrom,
  dockerfileInvalidDefinitionDescription,
  dockerfileIrrelevantCommand,
  dockerfileLatestTag,
  dockerfileLegacyKeyValueFormat,
  dockerfileMaintainerDeprecated,
  dockerfileMissingDockerignore,
  dockerfileMissingHealthcheck,
  dockerfileMultipleCmd,
  dockerfileNoEmptyContinuation,
  dockerfileNoSudo,
  dockerfileNoUser,
  dockerfileNonNumericUser,
  dockerfileNpmInstallNotCi,
  dockerfileNpmOmitDev,
  dockerfileNpmPinVersions,
  dockerfileOnbuildDisallowedTrigger,
  dockerfilePackageManagerAsPid1,
  dockerfilePipNoCacheDir,
  dockerfilePipPinVersions,
  dockerfilePipefail,
  dockerfileRedundantTargetPlatform,
  dockerfileRelativeWorkdir,
  dockerfileReservedStageName,
  dockerfileRootUser,
  dockerfileSecretInArgOrEnv,
  dockerfileShellFormCmd,
  dockerfileShellWrapperWithoutExec,
  dockerfileStageNameCasing,
  dockerfileSymlinkBinSh,
  dockerfileSyntax,
  dockerfileUncheckedCd,
  dockerfileUndefinedVar,
  dockerfileUnquotedCommandSubstitution,
  dockerfileUnquotedVariable,
  dockerfileUntaggedImage,
  dockerfileUntrustedRegistry,
  dockerfileUseWorkdir,
  dockerfileUseraddNoLogInit,
  dockerfileWgetAndCurl,
  dockerfileWgetProgressBar,
  dockerfileYarnCacheNotCleaned,
  dockerfileYumCacheNotCleaned,
  dockerfileYumPinVersions,
  dockerfileYumYes,
  dockerfileZypperCacheNotCleaned,
  dockerfileZypperDistUpgrade,
  dockerfileZypperNonInteractive,
  dockerfileZypperPinVersions,
  ecsLatestTag,
  ecsMissingHealthcheck,
  ecsMissingResources,
  ecsPlaintextSecret,
  ecsPrivileged,
  ecsRunAsRoot,
  ecsSyntax,
  ecsWritableRootFs,
  k8sContainerPortNotExposed,
  k8sDangerousCapability,
  k8sDanglingReference,
  k8sDanglingService,
  k8sDeprecatedServiceAccount,
  k8sDockerSocketMount,
  k8sDuplicateEnvVar,
  k8sHostNamespace,
  k8sImageRunsAsRoot,
  k8sInvalidPortName,
  k8sJobTtlSecondsAfterFinished,
  k8sLatestTag,
  k8sMissingLivenessProbe,
  k8sMissingPrestop,
  k8sMissingReadinessProbe,
  k8sMissingResources,
  k8sNetRawCapability,
  k8sNoAntiAffinity,
  k8sPdbMaxUnavailable,
  k8sPdbMinAvailable,
  k8sPdbUnhealthyPodEvictionPolicy,
  k8sPlaintextSecretEnv,
  k8sPrivilegeEscalation,
  k8sPrivileged,
  k8sProbePortMismatch,
  k8sRemovedApi,
  k8sRunAsNonRootNamedUser,
  k8sRunAsRoot,
  k8sSchema,
  k8sSelectorMismatch,
  k8sSensitiveHostMount,
  k8sSingleReplica,
  k8sSshPort,
  k8sSyntax,
  k8sUnsafeSysctl,
  k8sWritableRootFs,
  railwaySchema,
  railwaySyntax,
  renderPlaintextSecret,
  renderSchema,
  renderSyntax,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));

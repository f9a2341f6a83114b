import type { Range, TextEdit } from 'vscode-languageserver-types';
import { defineComposeRule, type Fix, type RuleContext } from '../../engine/ruleTypes';
import type { ComposeFile } from '../../parsing/containerFile';
import type { ServiceDefinition } from '../../parsing/composeService';
import { insertPair, replaceScalar, scalarText } from '../../parsing/yamlEdit';
import { YamlView } from '../../parsing/yamlView';
import type { ComposeProject, ResourceSection } from '../../workspace/composeProject';
import { joinUri } from '../../workspace/uri';
import { servicesHere, projectOf } from '../support/compose';
import { closestName } from '../support/didYouMean';

type Section = ResourceSection | 'services';

export const rule = defineComposeRule({
  id: 'compose/undefined-reference',
  meta: {
    severity: 'error',
    description: 'A service refers to a service, network, volume, secret or config that no file of the project defines, so Compose refuses to start.',
    fix: { when: 'when the name is one edit away from a defined one, or names a network or volume to declare', applied: 'auto' },
    aliases: [],
    messages: {
      services: 'Service "{{service}}" refers to service "{{name}}" in {{field}}, but the project has no such service; {{advice}}',
      networks: 'Service "{{service}}" joins network "{{name}}", which is not declared under the top-level networks:; {{advice}}',
      volumes: 'Service "{{service}}" mounts volume "{{name}}", which is not declared under the top-level volumes:; {{advice}}',
      secrets: 'Service "{{service}}" uses secret "{{name}}", which is not declared under the top-level secrets:; {{advice}}',
      configs: 'Service "{{service}}" uses config "{{name}}", which is not declared under the top-level configs:; {{advice}}',
      extendsFile: 'Service "{{service}}" extends "{{name}}", but {{file}} has no such service; {{advice}}',
      extendsCycle: 'Service "{{service}}" extends itself ({{chain}}), which Compose refuses; break the loop.',
    },
    explanation: {
      why: 'Compose checks references when it loads the project: a `depends_on`, network, named volume, secret, config or `extends` that names nothing stops `docker compose up` with "undefined service/network/volume" — usually a typo, or a volume that was never declared.',
      standard: 'Compose Specification: depends_on, networks, volumes, secrets, configs, extends, network_mode, volumes_from, links.',
      bad: 'services:\n  web:\n    image: nginx:1.29\n    depends_on: [databse]\n  database:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data',
      good: 'services:\n  web:\n    image: nginx:1.29\n    depends_on: [database]\n  database:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}',
    },
  },
  check(context) {
    const project = projectOf(context);
    // A file that could not be loaded may define any name (path-not-found reports it), and a file with YAML errors
    // (often one being typed) loses the sections the parser gave up on: nothing is certainly undefined then.
    if (project.includeProblems.some((problem) => problem.kind === 'missing')) return;
    const layers = project.layerUris.flatMap((uri) => context.workspace.getAs(uri, 'compose') ?? []);
    if ([context.file, ...layers].some((file) => file.yaml.documents.some((document) => document.parsed.errors.length > 0))) return;
    for (const { service, definition } of servicesHere(context)) {
      for (const reference of referencesOf(definition, service.merged)) {
        const name = project.interpolate(reference.name).value;
        if (name === undefined || project.defines(reference.section, name)) continue;
        const candidates = definedNames(project, reference.section).filter((candidate) => candidate !== service.name);
        const suggestion = closestName(name, candidates);
        context.report({
          messageId: reference.section,
          data: { service: service.name, name, field: reference.field, advice: advice(reference.section, suggestion) },
          range: reference.range,
          fixes: () => renameFixes(reference, name === reference.name ? suggestion : undefined).concat(declareFix(context, reference.section, name)),
        });
      }
      checkExtends(context, project, service.name, definition);
    }
  },
});

/** A name a service refers to, where it is written, and how to rename it there. */
interface Reference {
  section: Section;
  /** The field as the user knows it (`depends_on`, `network_mode`). */
  field: string;
  name: string;
  range: Range;
  /** Replaces the name with another; undefined when the text cannot be edited here (alias, merge key). */
  rename: (name: string) => TextEdit | undefined;
}

function referencesOf(definition: ServiceDefinition, merged: { readonly [field: string]: unknown }): Reference[] {
  const references: Reference[] = [];
  const effective = (field: string, name: string) => {
    const value = merged[field];
    return typeof value === 'object' && value !== null && name in value;
  };
  for (const dependency of definition.dependsOn) {
    // `required: false` lets Compose go on without the service; an override may also have removed the entry.
    if (dependency.view.get('required')?.scalar === false || !effective('depends_on', dependency.service)) continue;
    references.push({
      section: 'services',
      field: 'depends_on',
      name: dependency.service,
      range: dependency.range,
      rename: renameOf(dependency.view, dependency.form),
    });
  }
  for (const network of definition.networks) {
    if (!effective('networks', network.name)) continue;
    references.push({
      section: 'networks',
      field: 'networks',
      name: network.name,
      range: network.range,
      rename: renameOf(network.view, definition.get('networks')?.isSeq ? 'short' : 'long'),
    });
  }
  for (const volume of definition.volumes) {
    if (volume.type !== 'volume' || !volume.source) continue;
    const source = volume.view.isMap ? volume.view.get('source') : undefined;
    const text = volume.view.text;
    references.push({
      section: 'volumes',
      field: 'volumes',
      name: volume.source,
      range: (source ?? volume.view).range,
      rename: (name) =>
        source ? replaceScalar(source, name) : text === undefined ? undefined : replaceScalar(volume.view, name + text.slice(volume.source!.length)),
    });
  }
  for (const section of ['secrets', 'configs'] as const) {
    for (const reference of definition.references(section)) {
      const written = reference.view.isMap ? reference.view.get('source') : reference.view;
      if (!written) continue;
      references.push({ section, field: section, name: reference.name, range: written.range, rename: (name) => replaceScalar(written, name) });
    }
  }
  const networkMode = definition.get('network_mode');
  const modeService = networkMode?.string?.match(/^service:(.+)$/)?.[1];
  if (networkMode && modeService)
    references.push({
      section: 'services',
      field: 'network_mode',
      name: modeService,
      range: networkMode.range,
      rename: (name) => replaceScalar(networkMode, `service:${name}`),
    });
  for (const field of ['volumes_from', 'links'] as const) {
    for (const item of definition.get(field)?.items() ?? []) {
      const text = item.string;
      if (!text || text.startsWith('container:')) continue;
      const name = text.replace(/^service:/, '').split(':')[0] ?? '';
      const prefix = text.startsWith('service:') ? 'service:' : '';
      references.push({
        section: 'services',
        field,
        name,
        range: item.range,
        rename: (other) => replaceScalar(item, prefix + other + text.slice(prefix.length + name.length)),
      });
    }
  }
  const extended = definition.extends;
  const base = extended?.service;
  if (base?.string && !extended?.file)
    references.push({ section: 'services', field: 'extends', name: base.string, range: base.range, rename: (name) => replaceScalar(base, name) });
  return references;
}

/** A list item is a scalar to replace; a mapping key (long form) is edited in place. */
function renameOf(view: YamlView, form: 'short' | 'long'): (name: string) => TextEdit | undefined {
  if (form === 'short') return (name) => replaceScalar(view, name);
  const key = view.key;
  const range = view.keyRange;
  return (name) => (key && range && view.document.parsed.errors.length === 0 ? { range, newText: scalarText(name, key) } : undefined);
}

/** `extends: { file, service }` names a service of another file; `extends` chains within the project must not loop. */
function checkExtends(context: RuleContext<ComposeFile>, project: ComposeProject, service: string, definition: ServiceDefinition): void {
  const extended = definition.extends;
  const base = extended?.service;
  const name = base?.string;
  if (!base || !name) return;
  const file = extended.file?.string;
  if (file) {
    const other = context.workspace.getAs(joinUri(definition.baseUri, file), 'compose');
    if (!other) return;
    const names = other.yaml.documents.flatMap(
      (document) =>
        YamlView.root(document)
          ?.get('services')
          ?.entries()
          .map(([key]) => key) ?? [],
    );
    if (names.includes(name)) return;
    const suggestion = closestName(name, names);
    context.report({
      messageId: 'extendsFile',
      data: { service, name, file, advice: advice('services', suggestion) },
      range: base.range,
      fixes: () => {
        const edit = suggestion && replaceScalar(base, suggestion);
        return edit ? [{ title: `Extend "${suggestion}"`, edits: [edit] }] : [];
      },
    });
    return;
  }
  const chain = [service];
  for (let current = name; ; ) {
    if (current === service) {
      context.report({ messageId: 'extendsCycle', data: { service, chain: [...chain, service].join(' → ') }, range: base.range });
      return;
    }
    if (chain.includes(current)) return;
    chain.push(current);
    const next = project.services
      .get(current)
      ?.definitions.map((candidate) => candidate.extends)
      .find((candidate) => candidate?.service?.string && !candidate.file);
    if (!next?.service?.string) return;
    current = next.service.string;
  }
}

function definedNames(project: ComposeProject, section: Section): string[] {
  if (section === 'services') return [...project.services.keys()];
  const names = [...(project.resources.get(section)?.keys() ?? [])];
  return section === 'networks' && !names.includes('default') ? [...names, 'default'] : names;
}

function advice(section: Section, suggestion: string | undefined): string {
  if (suggestion) return `did you mean "${suggestion}"?`;
  return section === 'services' ? 'define the service or correct the name.' : `declare it under the top-level ${section}: or correct the name.`;
}

function renameFixes(reference: Reference, suggestion: string | undefined): Fix[] {
  const edit = suggestion && reference.rename(suggestion);
  return edit ? [{ title: `Change to "${suggestion}"`, edits: [edit] }] : [];
}

const RESOURCE_NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * Networks and volumes need no settings to exist: declaring the name is what was forgotten. Secrets and configs need a
 * source (a file, an environment variable), which only the user knows.
 */
function declareFix(context: RuleContext<ComposeFile>, section: Section, name: string): Fix[] {
  // The compose-spec only allows such names as keys of `networks:` and `volumes:`; another name needs renaming first.
  if ((section !== 'networks' && section !== 'volumes') || !RESOURCE_NAME.test(name)) return [];
  const document = context.file.yaml.documents[0];
  const root = document && YamlView.root(document);
  if (!root?.isMap || !root.isEditable) return [];
  const existing = root.get(section);
  const title = `Declare ${section === 'networks' ? 'network' : 'volume'} "${name}"`;
  if (existing) {
    // `volumes:` left empty has no mapping to add to.
    const edit = existing.isMap ? insertPair(existing, scalarText(name), '{}') : undefined;
    return edit ? [{ title, edits: [edit] }] : [];
  }
  // Text added at the end of a file with several documents would land in the last one.
  if (context.file.yaml.documents.length !== 1) return [];
  const text = context.file.document.getText();
  const end = context.file.document.positionAt(text.length);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text.length === 0 || text.endsWith('\n') ? '' : newline;
  return [
    {
      title,
      edits: [{ range: { start: end, end }, newText: `${lead}${newline}${section}:${newline}  ${scalarText(name)}: {}${newline}` }],
    },
  ];
}

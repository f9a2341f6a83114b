import { DockerfileParser, Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast recomputes an instruction's keyword, arguments, variables and heredocs from the text on every call, and
 * dockerfile-utils and our rules call these getters many times per instruction: profiling a 2,000-line file put
 * a quarter of the checking time there. Instructions never change after parsing, so each result is computed
 * once per instruction and handed out as a copy (dockerfile-ast itself shifts flags off the arrays it gets).
 * The library offers no other way in (its parser builds the instructions), so its prototypes are patched: it is pinned
 * to an exact version in package.json, and test/parsing/dockerfileAstCache.test.ts compares every kept getter with
 * the library's own, so that a release that changes what they return fails there.
 */
function cacheArrayGetter(name: 'getRawArguments' | 'getVariables' | 'getHeredocs' | 'getArgumentsRanges'): void {
  const prototype = Instruction.prototype as unknown as Record<string, (this: Record<symbol, unknown[] | undefined>) => unknown[]>;
  const compute = prototype[name]!;
  const slot = Symbol(name);
  prototype[name] = function cached(this: Record<symbol, unknown[] | undefined>): unknown[] {
    this[slot] ??= compute.call(this);
    return this[slot].slice();
  };
}

for (const getter of ['getRawArguments', 'getVariables', 'getHeredocs', 'getArgumentsRanges'] as const) cacheArrayGetter(getter);

/** Strings are immutable, so these are handed out as they are; every rule asks for the keyword of every instruction. */
function cacheStringGetter(name: 'getKeyword' | 'getArgumentsContent' | 'getRawArgumentsContent'): void {
  const prototype = Instruction.prototype as unknown as Record<string, (this: Record<symbol, string | null | undefined>) => string | null>;
  const compute = prototype[name]!;
  const slot = Symbol(name);
  prototype[name] = function cached(this: Record<symbol, string | null | undefined>): string | null {
    if (this[slot] === undefined) this[slot] = compute.call(this);
    return this[slot];
  };
}

for (const getter of ['getKeyword', 'getArgumentsContent', 'getRawArgumentsContent'] as const) cacheStringGetter(getter);

/**
 * dockerfile-ast resolves every variable by listing the file's FROMs, each stage's range and its ARGs and ENVs
 * anew: quadratic in a long file, a seventh of validate() on 2,000 lines. A stage only ever gains instructions
 * (while parsing), so a result is reused for as long as its instruction count is unchanged.
 */
function cacheWhileInstructionCountUnchanged<Result>(
  prototype: object,
  name: 'getFROMs' | 'getRange' | 'getARGs' | 'getENVs',
  handOut: (result: Result) => Result,
): void {
  type Template = Record<symbol, { count: number; result: Result } | undefined> & { getInstructions(): unknown[] };
  const methods = prototype as Record<string, (this: Template) => Result>;
  const compute = methods[name]!;
  const slot = Symbol(name);
  methods[name] = function cachedWhileUnchanged(this: Template): Result {
    const count = this.getInstructions().length;
    let cached = this[slot];
    if (cached?.count !== count) this[slot] = cached = { count, result: compute.call(this) };
    return handOut(cached.result);
  };
}

const imageTemplatePrototype = Object.getPrototypeOf(Object.getPrototypeOf(DockerfileParser.parse(''))) as object;
cacheWhileInstructionCountUnchanged<unknown[]>(imageTemplatePrototype, 'getFROMs', (froms) => froms.slice());
// Ranges are plain objects that nobody modifies; the Dockerfile's own getRange (comments included) is left alone.
cacheWhileInstructionCountUnchanged<unknown>(imageTemplatePrototype, 'getRange', (range) => range);
// Every variable is resolved against the stage's ARGs and ENVs, which were listed anew for each one. Their callers
// only read them, and a frozen list makes sure of it.
for (const name of ['getARGs', 'getENVs'] as const)
  cacheWhileInstructionCountUnchanged<unknown[]>(imageTemplatePrototype, name, (list) => Object.freeze(list) as unknown[]);

export { DockerfileParser };

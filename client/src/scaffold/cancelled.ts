/** Thrown when the user dismisses a question (Escape): the command stops and writes nothing. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The answer, or Cancelled when there is none (VS Code gives undefined for a dismissed quick pick or input box). */
export function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new Cancelled();
  return value;
}

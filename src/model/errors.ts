/**
 * Typed errors carry their exit code; the CLI turns them into one line and that code in one place.
 * 2: the user's input is wrong (scenario, price file, options). 1: something outside failed.
 */
export class CmgPlannerError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: a scenario, a price file or an option. Exit code 2. */
export class UserInputError extends CmgPlannerError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A price the model needs is not in the price list. Exit code 2: the price file is the user's input. */
export class MissingPriceError extends UserInputError {}

/** A network, authentication or API failure. Exit code 1. */
export class ExternalError extends CmgPlannerError {
  constructor(message: string) {
    super(message, 1);
  }
}

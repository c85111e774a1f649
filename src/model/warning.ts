/** Something the reader of an estimate should know; code is stable for tools, message is for people. */
export interface Warning {
  readonly code: string;
  readonly message: string;
}

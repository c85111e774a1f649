import { writeFileAtomic } from '../io/atomic-write.js';

/** What a command needs from the outside world: where to print, and the clock. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** Progress for a person watching (stderr on a terminal); absent otherwise. null clears the line. */
  readonly progress?: (text: string | null) => void;
}

/** Prints a rendered report, or writes it whole to --out and says so on stderr. */
export async function emit(text: string, out: string | undefined, io: CommandIO, summary: string): Promise<void> {
  if (out) {
    await writeFileAtomic(out, text);
    io.stderr(`wrote ${out} (${summary})\n`);
  } else {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
}

// The streams a CLI command writes to, passed in so that tests can run commands in-process.
import { readFileSync } from 'node:fs';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for --password-stdin and `-` file arguments). */
  stdin(): Promise<string>;
}

export function processIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdin: async () => readFileSync(0, 'utf8'),
  };
}

/** A CliIO that collects output, for tests. */
export function memoryIO(input = ''): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    stdin: async () => input,
  };
  return io;
}

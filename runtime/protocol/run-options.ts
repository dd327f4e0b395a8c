/**
 * The options of one run, declared once: this schema gives the TypeScript type, the
 * defaults, and (as JSON Schema, handed to Python when the runtime is set up) what
 * Python checks every run's options against. To add an option: a field here, with its
 * default, and the Python that reads it (`asyncio_live/options.py` gives it by name).
 */
import { z } from 'zod/mini';

/** Hidden lines of an example, before and after the code the reader sees and edits. */
const ProgramSetupSchema = z.object({
  before: z.string(),
  after: z.string(),
});

/**
 * Hidden Python that runs after the reader's program, in a copy of its namespace, with
 * `printed` (what the program wrote to stdout), `prediction` (the reader's guess of it,
 * or "") and `lines(text)` (its non-blank lines, stripped) added. It fails the exercise
 * by raising AssertionError with a hint; its own output is never shown.
 */
const ExerciseCheckSchema = z.object({
  code: z.string(),
  /** What the reader predicts the program prints (predict exercises). */
  prediction: z.optional(z.nullable(z.string())),
});

export const RunOptionsSchema = z.object({
  /**
   * When true, computation costs no virtual time: only waits move the clock, so
   * printed times are exact (doc-tests). When false, the clock also counts the real
   * time Python spent computing, so "the loop is blocked" examples tell the truth.
   */
  deterministic: z._default(z.boolean(), false),
  /** Lines of output (stdout and stderr together) a run may print. */
  maxOutputLines: z._default(z.number(), 10_000),
  /** Bytes of output a run may print. */
  maxOutputBytes: z._default(z.number(), 1_000_000),
  /** Check an exercise after the program (see {@link ExerciseCheck}), or null. */
  check: z._default(z.nullable(ExerciseCheckSchema), null),
  /**
   * Run the code as a Jupyter notebook cell, not as a script: inside an event loop that
   * is already running (the kernel's), with `await` allowed at the top level and the
   * value of a last bare expression shown.
   */
  notebook: z._default(z.boolean(), false),
  /**
   * An example's hidden setup, run around the code in the same namespace: `before` first,
   * `after` last. The code is then compiled on its own, so tracebacks, warnings and the
   * error's line count the lines the reader sees (hidden lines never counted), and the
   * setup's own frames stay out of the reader's traceback, as asyncio's do. Null: the
   * code is the whole program.
   */
  setup: z._default(z.nullable(ProgramSetupSchema), null),
});

/** Every option of a run, as Python receives them. */
export type RunOptions = z.output<typeof RunOptionsSchema>;
export type ProgramSetup = z.output<typeof ProgramSetupSchema>;
export type ExerciseCheck = z.output<typeof ExerciseCheckSchema>;

/** What a run gets for each option it does not set: a reader's run on the page. */
export const RUN_DEFAULTS: Readonly<RunOptions> = Object.freeze(RunOptionsSchema.parse({}));

/** `given` completed with the defaults (an explicit `undefined` counts as not given), checked against the schema. */
export function runOptions(given: Partial<RunOptions> = {}): RunOptions {
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return RunOptionsSchema.parse(set);
}

/** The schema as JSON Schema, for Python (every option required: the runtime sends them all). */
export function runOptionsJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(RunOptionsSchema, { io: 'output' }));
}

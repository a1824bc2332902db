import { z } from 'zod';

const problemSchema = z.object({
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** A failed API call, carrying the server's problem+json so forms can show per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    fieldErrors: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  static fromProblem(status: number, body: unknown): ApiError {
    const parsed = problemSchema.safeParse(body);
    const problem = parsed.success ? parsed.data : {};
    return new ApiError(
      status,
      problem.code ?? `HTTP_${status}`,
      problem.detail ?? problem.title ?? `Request failed (${status})`,
      problem.errors ?? [],
    );
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** The server's message for one field of a failed request, if it named that field. */
export const fieldErrorOf = (error: unknown, field: string): string | undefined =>
  isApiError(error) ? error.fieldErrors.find((f) => f.field === field)?.message : undefined;

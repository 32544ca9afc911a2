import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error that carries the HTTP status the client should get. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error answer: `{ "error": "...", "status": 404 }`. */
export interface ErrorBody {
  error: string;
  status: number;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `No route for ${req.method} ${req.path}.`));
};

/** Status from body-parser errors (`err.status`, `err.type`) and HttpError; anything else is a 500. */
function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

/**
 * Answers every error as JSON. Headers set earlier (CORS above all) are kept, so a page whose origin
 * is allowed can read the error instead of seeing a CORS failure.
 */
export const errorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = statusOf(error);
  const message =
    error instanceof HttpError
      ? error.message
      : status === 400 && (error as { type?: unknown }).type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : status < 500
          ? String((error as { message?: unknown }).message ?? 'Bad request.')
          : 'Internal server error.';
  if (status >= 500 && !(error instanceof HttpError)) console.error(error);
  const body: ErrorBody = { error: message, status };
  res.status(status).json(body);
};

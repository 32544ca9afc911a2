import type { RequestHandler } from 'express';
import { HttpError } from '@cors-lab/api/errors';

/** A stand-in auth guard: any request without an Authorization header gets 401. */
export const requireAuthorization: RequestHandler = (req, _res, next) => {
  next(
    req.headers.authorization
      ? undefined
      : new HttpError(401, 'Authorization required: send an Authorization header.'),
  );
};

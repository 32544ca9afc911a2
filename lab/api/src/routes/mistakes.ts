// Servers that get CORS wrong on purpose, so pages can show what each mistake looks like.
import { corsMiddleware, definePolicy } from '@cors-lab/cors-policy';
import type { CorsMistake, Origins } from '@cors-lab/scenarios';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { requireAuthorization } from './require-authorization.js';

/** The middlewares, in order, that produce `mistake` in front of a lab route's handler. */
export function mistakeMiddlewares(mistake: CorsMistake, origins: Origins): RequestHandler[] {
  switch (mistake.type) {
    case 'wildcard-with-credentials':
      return [
        fixedHeaders({
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Credentials': 'true',
        }),
      ];
    case 'missing-allow-credentials':
      return [echoAllowedOrigin(origins.web)];
    case 'wrong-allow-origin':
      return [
        fixedHeaders({ 'Access-Control-Allow-Origin': wrongValue(mistake.variant, origins) }),
      ];
    case 'guard-before-cors':
      return [
        requireAuthorization,
        corsMiddleware(
          definePolicy({
            origins: [origins.web],
            allowedHeaders: ['Content-Type', 'Authorization'],
          }),
        ),
      ];
    case 'preflight-into-guard':
      return [
        cors({
          origin: origins.web,
          allowedHeaders: ['Content-Type', 'Authorization'],
          preflightContinue: true,
        }),
        requireAuthorization,
      ];
  }
}

function wrongValue(
  variant: 'trailing-slash' | 'origin-list' | 'other-scheme' | 'tls-page-as-http',
  origins: Origins,
) {
  switch (variant) {
    case 'trailing-slash':
      return `${origins.web}/`;
    case 'origin-list':
      return `${origins.web}, ${origins['web-alt-port']}`;
    case 'other-scheme': {
      const url = new URL(origins.web);
      const scheme = url.protocol === 'http:' ? 'https:' : 'http:';
      return `${scheme}//${url.host}`;
    }
    case 'tls-page-as-http':
      return `http://${new URL(origins['web-tls']).host}`;
  }
}

function fixedHeaders(headers: Readonly<Record<string, string>>): RequestHandler {
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}

/** Echoes the one allowed origin, with Vary, and forgets Access-Control-Allow-Credentials. */
function echoAllowedOrigin(allowed: string): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    if (req.headers.origin === allowed) res.set('Access-Control-Allow-Origin', allowed);
    next();
  };
}

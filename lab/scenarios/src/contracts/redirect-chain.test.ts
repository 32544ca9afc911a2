import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS } from '../origins.js';
import { chainAnswer, loggedLocation, type LoggedRequest } from './redirect-chain.js';
import type { LogEntry } from './request-log.js';

const API = DEFAULT_ORIGINS.api;
const ALT = DEFAULT_ORIGINS['api-alt-port'];
const WEB = DEFAULT_ORIGINS.web;

function logged(
  target: LoggedRequest['target'],
  method: string,
  path: string,
  status: number,
  responseHeaders: LogEntry['responseHeaders'] = {},
): LoggedRequest {
  const requestHeaders = method === 'OPTIONS' ? { 'access-control-request-method': 'PUT' } : {};
  return {
    target,
    entry: { time: '', run: 'r', method, path, requestHeaders, status, responseHeaders },
  };
}

describe('loggedLocation', () => {
  it('names the listener of the API a URL reaches', () => {
    expect(loggedLocation(new URL(`${API}/lab/a?run=r`), DEFAULT_ORIGINS)).toEqual({
      target: 'api',
      path: '/lab/a',
    });
    expect(loggedLocation(new URL(`${ALT}/lab/a`), DEFAULT_ORIGINS)).toEqual({
      target: 'api-alt-port',
      path: '/lab/a',
    });
  });

  it("maps the dev proxy on any page origin to the API's path, and other page paths to the web app", () => {
    const altHost = DEFAULT_ORIGINS['web-alt-host'];
    expect(loggedLocation(new URL(`${altHost}/proxy/lab/wildcard`), DEFAULT_ORIGINS)).toEqual({
      target: 'api',
      path: '/lab/wildcard',
    });
    expect(loggedLocation(new URL(`${WEB}/api/lab/echo`), DEFAULT_ORIGINS)).toEqual({
      target: 'web',
      path: '/api/lab/echo',
    });
  });

  it('names the listener behind the 127.0.0.1 spelling of the API as its localhost one', () => {
    expect(
      loggedLocation(new URL(`${DEFAULT_ORIGINS['api-alt-host']}/lab/a`), DEFAULT_ORIGINS),
    ).toEqual({ target: 'api', path: '/lab/a' });
  });

  it('knows no log for another server', () => {
    expect(loggedLocation(new URL('https://example.com/x'), DEFAULT_ORIGINS)).toBeUndefined();
  });
});

describe('chainAnswer', () => {
  it('is the single answer at the URL when it does not redirect', () => {
    const answer = chainAnswer(
      [logged('api', 'GET', '/lab/a', 200)],
      `${API}/lab/a?run=r`,
      DEFAULT_ORIGINS,
    );
    expect(answer).toEqual({ response: { status: 200, headers: {} } });
  });

  it('follows each Location to the log that recorded it, relative ones included, with the hop URL', () => {
    const answer = chainAnswer(
      [
        logged('api', 'OPTIONS', '/lab/a', 204),
        logged('api', 'PUT', '/lab/a', 307, { location: `${ALT}/lab/b?run=r` }),
        logged('api-alt-port', 'OPTIONS', '/lab/b', 204),
        logged('api-alt-port', 'PUT', '/lab/b', 301, { location: '/lab/b/?run=r' }),
        logged('api-alt-port', 'PUT', '/lab/b/', 200),
      ],
      `${API}/lab/a?run=r`,
      DEFAULT_ORIGINS,
    );
    expect(answer).toEqual({
      preflight: { status: 204, headers: {} },
      response: { status: 307, headers: { location: `${ALT}/lab/b?run=r` } },
      next: [
        {
          url: `${ALT}/lab/b?run=r`,
          preflight: { status: 204, headers: {} },
          response: { status: 301, headers: { location: '/lab/b/?run=r' } },
        },
        { url: `${ALT}/lab/b/?run=r`, response: { status: 200, headers: {} } },
      ],
    });
  });

  it('stops where no log recorded the next hop, so predict() reports the redirect unfollowed', () => {
    const answer = chainAnswer(
      [logged('api', 'GET', '/lab/a', 302, { location: `${ALT}/lab/never` })],
      `${API}/lab/a`,
      DEFAULT_ORIGINS,
    );
    expect(answer.next).toBeUndefined();
    expect(answer.response?.status).toBe(302);
  });

  it('is empty when nothing reached a logging server', () => {
    expect(chainAnswer([], `${DEFAULT_ORIGINS['closed-port']}/x`, DEFAULT_ORIGINS)).toEqual({});
  });
});

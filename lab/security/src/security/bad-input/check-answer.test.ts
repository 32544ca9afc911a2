import { type RawAnswer } from '@cors-lab/testkit';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, type BadInputCase } from './cases.js';
import { problemsWith } from './check-answer.js';

const ALLOWED = 'https://app.example.com';

function caseNamed(name: string): BadInputCase {
  const found = BAD_INPUT_CASES.find((badCase) => badCase.name === name);
  if (found === undefined) throw new Error(`No bad-input case named ${JSON.stringify(name)}`);
  return found;
}

function answer(status: number, headerLines: string[]): RawAnswer {
  return { status, headerLines, ending: 'answered' };
}

describe('problemsWith', () => {
  const crlf = caseNamed('Origin then CR LF and a second header line');

  it('passes a refusal without CORS headers', () => {
    expect(problemsWith(answer(204, ['Vary: Origin']), crlf, ALLOWED)).toEqual([]);
  });

  it('flags a header line the payload injected', () => {
    const problems = problemsWith(answer(204, ['X-Injected: yes']), crlf, ALLOWED);
    expect(problems.join()).toMatch(/injected header/);
  });

  it('flags any Allow-Origin sent for a bad origin', () => {
    const problems = problemsWith(
      answer(204, ['Access-Control-Allow-Origin: https://attacker.net']),
      crlf,
      ALLOWED,
    );
    expect(problems.join()).toMatch(/granted a bad Origin/);
  });

  it('flags a preflight that approves the forbidden method it was asked for', () => {
    const connect = caseNamed('Access-Control-Request-Method CONNECT');
    const granted = answer(204, [
      `Access-Control-Allow-Origin: ${ALLOWED}`,
      'Access-Control-Allow-Methods: GET, CONNECT',
    ]);
    expect(problemsWith(granted, connect, ALLOWED).join()).toMatch(/approves "CONNECT"/);
  });

  it('flags a 5xx answer', () => {
    expect(problemsWith(answer(500, []), crlf, ALLOWED).join()).toMatch(/answered 500/);
  });
});

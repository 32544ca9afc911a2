import { describe, expect, it } from 'vitest';
import { mustRun, runCommand, tail } from './command.js';

describe('runCommand', () => {
  it('returns the exit code and both streams, line by line as they come', async () => {
    const lines: string[] = [];
    const result = await runCommand(
      process.execPath,
      ['-e', 'console.log("one\\ntwo"); console.error("three"); process.exit(3)'],
      { onLine: (line) => lines.push(line) },
    );
    expect(result).toMatchObject({
      code: 3,
      stdout: 'one\ntwo\n',
      stderr: 'three\n',
      timedOut: false,
    });
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
  });

  it('kills a command that outlives its timeout', async () => {
    const result = await runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      timeoutMs: 300,
    });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
  });

  it('says which program could not be started', async () => {
    await expect(runCommand('/nonexistent/docker', [])).rejects.toThrow(
      'Could not run /nonexistent/docker',
    );
  });
});

describe('mustRun', () => {
  it('throws with the command line and the end of its output', async () => {
    await expect(
      mustRun(process.execPath, ['-e', 'console.error("no such image"); process.exit(1)']),
    ).rejects.toThrow(/failed \(exit 1\):\nno such image/);
  });

  it('keeps the last non-empty lines', () => {
    expect(tail('a\n\nb\nc\n', 2)).toBe('b\nc');
  });
});

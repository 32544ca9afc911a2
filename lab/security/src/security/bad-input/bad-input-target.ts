import { probeOnce, type ProcessGroup } from '@cors-lab/testkit';

/** A running server the bad input is sent to, and how to tell it still works. */
export interface BadInputTarget {
  label: string;
  process: ProcessGroup;
  port: number;
  path: string;
  /** An origin the route really trusts: cases wrap their bad values around it. */
  allowed: string;
  /** Answers 200 while the server works. */
  healthPath: string;
}

/** Alive and answering: the process has not exited and its health path answers 200 within 5 s. */
export async function stillAnswers(target: BadInputTarget): Promise<string | undefined> {
  if (!target.process.alive) {
    return `${target.process.name} exited (${target.process.child.exitCode ?? target.process.child.signalCode}). Its output:\n${target.process.outputTail}`;
  }
  try {
    const answer = await probeOnce(`http://127.0.0.1:${target.port}${target.healthPath}`, 5000);
    return answer.status === 200
      ? undefined
      : `${target.healthPath} answered ${answer.status}, expected 200`;
  } catch (error) {
    return `${target.healthPath} did not answer: ${String(error)}`;
  }
}

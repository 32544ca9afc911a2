// Page queries written once as in-page functions, so every engine answers them the same way.
import type { EnginePage, PageFunction } from './engine.js';

interface AttributeWait {
  selector: string;
  name: string;
  value: string;
  timeoutMs: number;
}

// Runs in the page: polls until the attribute matches or time runs out, then returns what it saw.
const pollAttribute = ({ selector, name, value, timeoutMs }: AttributeWait) =>
  new Promise<string | null>((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      const seen = document.querySelector(selector)?.getAttribute(name) ?? null;
      if (seen === value || Date.now() >= deadline) resolve(seen);
      else setTimeout(check, 50);
    };
    check();
  });

export abstract class EvaluatingPage implements EnginePage {
  abstract evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result>;
  abstract close(): Promise<void>;

  url(): Promise<string> {
    return this.evaluate(() => location.href, undefined);
  }

  title(): Promise<string> {
    return this.evaluate(() => document.title, undefined);
  }

  textContent(selector: string): Promise<string | null> {
    return this.evaluate((query) => document.querySelector(query)?.textContent ?? null, selector);
  }

  getAttribute(selector: string, name: string): Promise<string | null> {
    return this.evaluate(
      ({ query, attribute }) => document.querySelector(query)?.getAttribute(attribute) ?? null,
      { query: selector, attribute: name },
    );
  }

  async waitForAttribute(
    selector: string,
    name: string,
    value: string,
    timeoutMs = 30_000,
  ): Promise<void> {
    const seen = await this.evaluate(pollAttribute, { selector, name, value, timeoutMs });
    if (seen !== value) {
      const state =
        seen === null ? 'the element or attribute is absent' : `it is ${name}="${seen}"`;
      throw new Error(
        `Waited ${timeoutMs} ms on ${await this.url()} for ${selector} to have ${name}="${value}", ` +
          `but ${state}. Check that the page sets it, or pass a longer timeout.`,
      );
    }
  }
}

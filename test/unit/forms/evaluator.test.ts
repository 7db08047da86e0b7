import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../../../shared/forms/evaluator';
import { evaluate, parseExpression } from '../../../shared/forms/expression';
import { buildFisherInterview } from '../../../shared/forms/fisherInterview';
import { answerProblem } from '../../../shared/forms/answerCheck';
import type { Answers } from '../../../shared/forms/model';
import { REPO } from '../../support/serve';

const form = buildFisherInterview();
const paths = (answers: Answers, repeatCounts = {}) => evaluateForm(form, { answers, repeatCounts, today: '2026-11-27' }).questions.map((q) => q.path);

describe('skip logic', () => {
  it('asks about the contract copy only after the fisher says he signed a contract', () => {
    expect(paths({})).not.toContain('contract_copy');
    expect(paths({ has_contract: 'no' })).not.toContain('contract_copy');
    expect(paths({ has_contract: 'yes' })).toContain('contract_copy');
  });

  it('asks what the threats were only to a fisher who was threatened', () => {
    expect(paths({ threatened: 'no' })).not.toContain('threat_kinds');
    expect(paths({ threatened: 'yes' })).toContain('threat_kinds');
  });

  it('opens the incidents repeat after violence is reported, one set of questions per incident', () => {
    expect(paths({ hit: 'yes' })).not.toContain('incidents[0].incident_date');
    const p = paths({ hit: 'yes' }, { incidents: 2 });
    expect(p).toEqual(expect.arrayContaining(['incidents[0].incident_date', 'incidents[0].incident_what', 'incidents[1].incident_date']));
    expect(paths({ hit: 'no' }, { incidents: 2 })).not.toContain('incidents[0].incident_date');
  });

  it('resumes at the first question still unanswered', () => {
    const e = evaluateForm(form, { answers: { age: 30, speaks_captain_language: 'yes' } });
    expect(e.next).toBe('months_on_board');
  });

  it('lets the fisher skip a question: "prefers not to say" counts as answered', () => {
    const e = evaluateForm(form, { answers: { age: { declined: true } } });
    expect(e.missing).not.toContain('age');
    expect(e.next).toBe('speaks_captain_language');
  });
});

describe('constraints and types', () => {
  it('refuses an age of 5 and a day with 30 hours of rest', () => {
    expect(answerProblem(form, 'age', 5, { answers: {} })).toMatch(/does not look right/);
    expect(answerProblem(form, 'rest_hours', 30, { answers: {} })).toMatch(/does not look right/);
    expect(answerProblem(form, 'rest_hours', 8, { answers: {} })).toBeNull();
  });

  it('refuses a choice the question does not offer and a yes/no answered "maybe"', () => {
    expect(answerProblem(form, 'card_holder', 'neighbour', { answers: {} })).toMatch(/choose one of/);
    expect(answerProblem(form, 'hit', 'maybe', { answers: {} })).toMatch(/yes or no/);
  });

  it('refuses an incident dated in the future', () => {
    const ctx = { answers: { hit: 'yes' as const }, repeatCounts: { incidents: 1 }, today: '2026-11-27' };
    expect(answerProblem(form, 'incidents[0].incident_date', '2027-01-01', ctx)).not.toBeNull();
    expect(answerProblem(form, 'incidents[0].incident_date', '2026-10-01', ctx)).toBeNull();
  });

  it('refuses a path that is not a question of the form', () => {
    expect(answerProblem(form, 'incident_date', '2026-10-01', { answers: {} })).toMatch(/no question/);
    expect(answerProblem(form, 'nope', 'yes', { answers: {} })).toMatch(/no question/);
  });
});

describe('expressions', () => {
  it('compares numbers as numbers and strings as strings, as XPath does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (a, b) => {
        const scope = { self: a, today: '', resolve: (n: string) => (n === 'b' ? b : null) };
        expect(evaluate(parseExpression('. < ${b}'), scope)).toBe(a < b);
        expect(evaluate(parseExpression('. >= ${b} and . != ${b}'), scope)).toBe(a > b);
        expect(evaluate(parseExpression('. + ${b} * 2'), scope)).toBe(a + b * 2);
      }),
    );
  });

  it('says which expression cannot be read and why', () => {
    expect(() => parseExpression("${a} = 'yes' and")).toThrow(/ends too early/);
    expect(() => parseExpression('frobnicate(.)')).toThrow(/does not know the function frobnicate/);
  });
});

describe('regex() in a constraint', () => {
  const matches = (text: string, pattern: string) => evaluate(parseExpression(`regex(., '${pattern}')`), { self: text, today: '', resolve: () => null });

  it('matches as the form author expects: anywhere in the answer unless anchored', () => {
    expect(matches('AB-1234', '^[A-Z]{2}-[0-9]{4}$')).toBe(true);
    expect(matches('AB-12345', '^[A-Z]{2}-[0-9]{4}$')).toBe(false);
    expect(matches('call 0812345678', '[0-9]{10}')).toBe(true);
    expect(matches('ကျွန်တော်', '^\\p{L}')).toBe(true);
    // A pattern RE2 cannot run (a backreference) or cannot read matches nothing, as a broken pattern always did.
    expect(matches('aa', '(a)\\1')).toBe(false);
    expect(matches('a', '(')).toBe(false);
  });

  it('agrees with JavaScript regular expressions on the patterns forms use', () => {
    const patterns = ['^[0-9]+$', '^[a-z]*@[a-z]+$', 'ab|cd', '^(yes|no)$', '[^ ]{3,5}', '^\\d{2,4}$', '\\s'];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '1', '2', '@', ' ', 'y', 'e', 's', 'n', 'o') }), (pattern, text) => {
        expect(matches(text, pattern)).toBe(new RegExp(pattern, 'u').test(text));
      }),
    );
  });

  it('does not hang on a pattern that makes a backtracking engine run for ever', () => {
    // In its own process, so the old engine's hang is a killed child and a failed test, not a stuck run.
    const script = `import { evaluate, parseExpression } from './shared/forms/expression.ts';
      const self = 'a'.repeat(5000) + '!';
      process.stdout.write(String(evaluate(parseExpression("regex(., '^(a+)+$')"), { self, today: '', resolve: () => null })));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, timeout: 20_000, encoding: 'utf8' });
    expect(run.signal, 'the evaluation was still running after 20 s').toBeNull();
    expect(run.stdout).toBe('false');
  });
});

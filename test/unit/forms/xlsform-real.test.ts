import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importXlsForm } from '../../../main/forms/xlsform';
import { answerProblem } from '../../../shared/forms/answerCheck';
import { evaluateForm } from '../../../shared/forms/evaluator';
import { walkQuestions } from '../../../shared/forms/model';

/** Real forms from pyxform's own tests (BSD-2, test/fixtures/xlsform/pyxform/LICENSE). */
const PYXFORM = path.join(__dirname, '../../fixtures/xlsform/pyxform');
const load = (name: string) => importXlsForm(fs.readFileSync(path.join(PYXFORM, name)), name);
const questions = (form: NonNullable<Awaited<ReturnType<typeof importXlsForm>>['form']>) => walkQuestions(form.children).map((q) => q.question);

describe('XLSForms as ODK and Kobo authors write them (pyxform test forms)', () => {
  it('reads the choices header "list name" and adds the "other" choice and its text question for or_other', async () => {
    const { form, problems } = await load('or_other.xlsx');
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    const qs = questions(form!);
    const color = qs.find((q) => q.name === 'fav_color')!;
    expect(color.choices!.map((c) => c.value)).toEqual(['red', 'green', 'blue', 'mauve', 'apricot', 'other']);
    const other = qs.find((q) => q.name === 'fav_color_other')!;
    expect(other).toMatchObject({ type: 'text', relevant: "selected(${fav_color}, 'other')" });
    // the question right after the select
    expect(qs.indexOf(other)).toBe(qs.indexOf(color) + 1);
  });

  it('reads typographic quotes in expressions as plain quotes, as pyxform does', async () => {
    const { form, problems } = await load('UCL_Biomass_Plot_Form.xlsx');
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(questions(form!).find((q) => q.name === 'leader_name_other')!.relevant).toBe("${leader_name} = 'other'");
  });

  it('reads a TRUE/FALSE formula cell in an expression column as the XPath constant', async () => {
    const { form, problems } = await load('duplicate_columns.xlsx');
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(questions(form!).filter((q) => q.relevant === 'false()').length).toBeGreaterThan(0);
  });

  it('keeps labels of the legacy label:english columns', async () => {
    const { form } = await load('text_and_integer.xlsx');
    expect(questions(form!).map((q) => q.label)).toEqual([{ en: 'What is your name?' }, { en: 'How many years old are you?' }]);
  });

  it('names every dropped feature of a form in one line before the rows', async () => {
    const { form, problems } = await load('UCL_Biomass_Plot_Form.xlsx');
    expect(form).toBeDefined();
    expect(problems[0]!.message).toMatch(/^Not imported from this form: .*choice_filter \(3 rows\).*calculation \(5 rows\)/);
    expect(problems.filter((p) => p.column === 'calculation')).toHaveLength(5);
  });

  it('matches choice-list names with their case, and imports a form with whole-column data validations', async () => {
    const wb = new ExcelJS.Workbook();
    const survey = wb.addWorksheet('survey');
    survey.addRows([
      ['type', 'name', 'label'],
      ['select_multiple AE_practices', 'practices', 'Practices'],
    ]);
    // what Excel writes when an author drags a validation down whole columns
    const validations = (survey as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
    for (const col of ['A', 'B', 'C']) validations.add(`${col}2:${col}1048576`, { type: 'list', allowBlank: true, formulae: ['"text,integer"'] });
    wb.addWorksheet('choices').addRows([
      ['list_name', 'name', 'label'],
      ['AE_practices', 'mulch', 'Mulching'],
      ['ae_practices', 'wrong', 'Wrong list'],
    ]);
    const { form, problems } = await importXlsForm(Buffer.from(await wb.xlsx.writeBuffer()), 'ae.xlsx');
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(questions(form!)[0]!.choices!.map((c) => c.value)).toEqual(['mulch']);
  });
});

describe('hints and localised constraint messages of a real form reach the interview', () => {
  it('carries the hint to the question screen and the constraint message in the interviewer language', async () => {
    const { form } = await load('UCL_Biomass_Plot_Form.xlsx');
    const ev = evaluateForm(form!, { answers: { leader_number: 'not a phone', any_trees: 'yes' }, repeatCounts: { trees: 1 } });
    const phone = ev.questions.find((q) => q.path === 'leader_number')!;
    expect(phone).toMatchObject({ invalid: true, hint: { sw: 'Andika', en: 'Type' }, constraintMessage: { en: '10 digit phone number' } });
    expect(ev.questions.find((q) => q.path === 'canopy_cover')!.constraintMessage).toBeUndefined();
    // Swahili and English messages differ on this one
    const far = { answers: { any_trees: 'yes' }, repeatCounts: { trees: 1 } };
    expect(answerProblem(form!, 'trees[0].tree_distance', 1e9, far, 'sw')).toBe('Hakikisha Kipimo. Mti iko nje.');
    expect(answerProblem(form!, 'trees[0].tree_distance', 1e9, far, 'en')).toBe('Check distance. Tree is outside the plot.');
  });
});

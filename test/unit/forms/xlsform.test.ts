import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import { importXlsForm } from '../../../main/forms/xlsform';
import { listForms } from '../../../main/forms/repository';
import { openDeviceStore } from '../../../main/device-store';
import { evaluateForm } from '../../../shared/forms/evaluator';
import { walkQuestions } from '../../../shared/forms/model';
import { tempDir } from '../../support/tmp';

type Row = (string | number | undefined)[];

/** A workbook shaped like the ones KoboToolbox users export: survey, choices, settings. */
async function workbook(survey: Row[], choices: Row[], settings: Row[] = [['form_id', 'version', 'form_title', 'default_language'], ['crew-check', '3', 'Crew check', 'English (en)']]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('survey').addRows(survey);
  wb.addWorksheet('choices').addRows(choices);
  wb.addWorksheet('settings').addRows(settings);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEAD = ['type', 'name', 'label::English (en)', 'label::Burmese (my)', 'relevant', 'constraint', 'constraint_message::English (en)', 'required', 'calculation'];
const CHOICES: Row[] = [
  ['list_name', 'name', 'label::English (en)', 'label::Burmese (my)'],
  ['yn', 'yes', 'Yes', 'ဟုတ်ကဲ့'],
  ['yn', 'no', 'No', 'မဟုတ်ပါ'],
  ['holder', 'self', 'Myself', 'ကိုယ်တိုင်'],
  ['holder', 'captain', 'The captain', 'ကပ္ပတိန်'],
];

const GOOD: Row[] = [
  HEAD,
  ['begin group', 'pay', 'Pay', 'လုပ်ခ'],
  ['select_one yn', 'paid', 'Are you paid every month?', 'လစဉ် လုပ်ခ ရပါသလား။', undefined, undefined, undefined, 'yes'],
  ['integer', 'months_unpaid', 'Months unpaid', 'လ', "${paid} = 'no'", '. >= 0 and . <= 120', 'Between 0 and 120', 'yes'],
  ['select_one holder', 'card', 'Who holds your ATM card?', 'ATM ကတ်', undefined, undefined, undefined, 'no', 'concat(${paid})'],
  ['end group'],
  ['begin repeat', 'boats', 'Boats before this one', 'ယခင်လှေများ'],
  ['text', 'boat_name', 'Boat name', 'လှေအမည်'],
  ['integer', 'boat_months', 'Months on it', 'လ', undefined, '. > 0'],
  ['end repeat'],
  ['geopoint', 'where', 'Where are we?', 'ဘယ်နေရာ'],
];

describe('XLSForm import', () => {
  it('imports groups, a repeat, skip logic, constraints and two languages', async () => {
    const { form, problems } = await importXlsForm(await workbook(GOOD, CHOICES), 'crew-check.xlsx');
    expect(form).toBeDefined();
    expect(form!.id).toBe('crew-check');
    expect(form!.version).toBe('3');
    expect(form!.languages).toEqual([
      { language: 'en', reviewed: true },
      { language: 'my', reviewed: false },
    ]);
    const qs = walkQuestions(form!.children);
    expect(qs.map((q) => q.question.name)).toEqual(['paid', 'months_unpaid', 'card', 'boat_name', 'boat_months']);
    const paid = qs[0]!.question;
    expect(paid.type).toBe('yes_no');
    expect(paid.label).toEqual({ en: 'Are you paid every month?', my: 'လစဉ် လုပ်ခ ရပါသလား။' });
    expect(qs[1]!.question.constraintMessage).toEqual({ en: 'Between 0 and 120' });
    expect(qs[2]!.question.type).toBe('select_one');
    expect(qs[3]!.groups.map((g) => [g.name, g.repeat])).toEqual([['boats', true]]);

    // The imported form runs in the engine like the built-in one.
    expect(evaluateForm(form!, { answers: { paid: 'yes' } }).questions.map((q) => q.path)).not.toContain('months_unpaid');
    const e = evaluateForm(form!, { answers: { paid: 'no', months_unpaid: 200 }, repeatCounts: { boats: 1 } });
    expect(e.invalid).toEqual(['months_unpaid']);
    expect(e.questions.map((q) => q.path)).toContain('boats[0].boat_name');

    // What did not map is named, with its row: the unsupported column and the unsupported type.
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'ignored', sheet: 'survey', row: 5, column: 'calculation' }),
        expect.objectContaining({ level: 'ignored', sheet: 'survey', row: 11, column: 'type', message: expect.stringContaining('geopoint') }),
      ]),
    );
    expect(problems.every((p) => p.level === 'ignored')).toBe(true);
  });

  it('refuses a form whose expressions refer to questions that do not exist, naming row and column', async () => {
    const broken: Row[] = [
      HEAD,
      ['select_one yn', 'paid', 'Paid?', 'ရ?'],
      ['integer', 'months', 'Months', 'လ', "${payed} = 'no'"],
      ['select_one colours', 'colour', 'Colour', 'အရောင်'],
      ['text', 'note1', 'Note', 'မှတ်', undefined, 'string-length(. > 3'],
      ['begin group', 'open', 'Open', 'ဖွင့်'],
    ];
    const { form, problems } = await importXlsForm(await workbook(broken, CHOICES), 'broken.xlsx');
    expect(form).toBeUndefined();
    const errors = problems.filter((p) => p.level === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'relevant', message: expect.stringContaining('${payed} refers to no question') }),
        expect.objectContaining({ row: 4, column: 'type', message: expect.stringContaining('"colours"') }),
        expect.objectContaining({ row: 5, column: 'constraint' }),
        expect.objectContaining({ row: 6, message: expect.stringContaining('never ended') }),
      ]),
    );
  });

  it('says plainly when the file is not a workbook', async () => {
    const { form, problems } = await importXlsForm(Buffer.from('name,age\nx,1\n'), 'crew.csv');
    expect(form).toBeUndefined();
    expect(problems[0]!.message).toMatch(/not a readable \.xlsx workbook/);
  });
});

describe('gangway forms import', () => {
  it('prints the form model as JSON, and exits 1 with the problems on a broken form', async () => {
    const dir = tempDir('gangway-forms-');
    const good = path.join(dir, 'good.xlsx');
    fs.writeFileSync(good, await workbook(GOOD, CHOICES));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), stdin: process.stdin };
    expect(await main(['forms', 'import', good, '--json'], io)).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    expect(printed.form.id).toBe('crew-check');
    expect(printed.problems.some((p: { column?: string }) => p.column === 'calculation')).toBe(true);

    // --save keeps it in the data folder, where interviews can use it.
    const data = path.join(dir, 'data');
    expect(await main(['forms', 'import', good, '--save', '--data', data], io)).toBe(0);
    const store = openDeviceStore(data);
    expect(listForms(store.db).map((f) => [f.id, f.version, f.builtIn])).toEqual([
      ['gangway.fisher-interview', expect.any(String), true],
      ['crew-check', '3', false],
    ]);
    store.close();
    expect(await main(['forms', 'import', good, '--save', '--data', data], io)).toBe(1);
    expect(err.join('\n')).toMatch(/already imported. Raise the version/);

    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, await workbook([HEAD, ['integer', 'x', 'X', 'X', '${nobody} > 1']], CHOICES));
    out.length = 0;
    expect(await main(['forms', 'import', bad], io)).toBe(1);
    expect(err.join('\n')).toMatch(/error: survey, row 2, relevant: .*\$\{nobody\} refers to no question/);
  });
});

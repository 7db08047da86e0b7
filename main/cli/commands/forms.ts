import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GangwayError } from '../../../shared/errors';
import { walkQuestions } from '../../../shared/forms/model';
import { defaultDataDir } from '../../data-dir';
import { saveForm } from '../../forms/repository';
import { importXlsForm } from '../../forms/xlsform';
import { openDeviceStore } from '../../device-store';
import type { Command } from '../command';

const usage = `Usage: gangway forms import FILE.xlsx [--json] [--save] [--data DIR]

Reads an XLSForm workbook (survey, choices and settings sheets) and prints
the questionnaire Gangway made of it, or the problems found, each with its
sheet, row and column.
  --json      print the form model (or the problems) as JSON
  --save      also store the form in the data folder, for interviews
  --data DIR  data folder for --save (default: ${defaultDataDir()})

Exit code 0 when the form imports (columns Gangway ignores are listed),
1 when it has errors (broken references, unclosed groups, unknown lists).`;

export const formsCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, save: { type: 'boolean' }, data: { type: 'string' } }, allowPositionals: true, strict: true });
    const [verb, file] = positionals;
    if (verb !== 'import' || !file) throw new GangwayError('VALIDATION', `Say what to import: gangway forms import FILE.xlsx\n\n${usage}`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new GangwayError('NOT_FOUND', `Cannot read ${file}: ${(e as Error).message}`, undefined, { cause: e });
    }
    const result = await importXlsForm(bytes, path.basename(file));
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
    } else {
      for (const p of result.problems) {
        const where = [p.sheet, p.row !== undefined ? `row ${p.row}` : undefined, p.column].filter(Boolean).join(', ');
        io.err(`${p.level === 'error' ? 'error' : 'ignored'}: ${where}: ${p.message}`);
      }
      if (result.form) {
        const f = result.form;
        const questions = walkQuestions(f.children);
        io.out(`${f.id} version ${f.version}: ${questions.length} questions, languages ${f.languages.map((l) => l.language + (l.reviewed ? '' : ' (not reviewed)')).join(', ')}`);
        for (const { question, groups } of questions) {
          const where = groups.map((g) => (g.repeat ? `${g.name}[]` : g.name)).join('/');
          io.out(`  ${where ? where + '/' : ''}${question.name}  ${question.type}${question.relevant ? `  if ${question.relevant}` : ''}`);
        }
      }
    }
    if (!result.form) return 1;
    if (values.save) {
      const store = openDeviceStore(values.data ?? defaultDataDir());
      try {
        saveForm(store.db, result.form, path.basename(file));
      } finally {
        store.close();
      }
      io.err(`Saved ${result.form.id} version ${result.form.version}.`);
    }
    return 0;
  },
};

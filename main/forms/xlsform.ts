import type { z } from 'zod';
import type { ImportProblem as ImportProblemSchema } from '../../shared/api/methods/interviews';
import { Dimension, Indicator } from '../../shared/domain/indicators';
import { parseExpression, references } from '../../shared/forms/expression';
import { Form, type Choice, type FormNode, type Group, type Labels, type Question, type QuestionType } from '../../shared/forms/model';
import { isGangwayError } from '../../shared/errors';
import { readXlsx } from '../xlsx/read-xlsx';
import { cellText, type XlsxSheet, type XlsxWorkbook } from '../xlsx/workbook';

/**
 * XLSForm import (the spreadsheet standard ODK and KoboToolbox users write:
 * https://xlsform.org). Reads the `survey`, `choices` and `settings` sheets,
 * `label::language` columns, relevant / constraint / required, begin/end
 * group and repeat. What maps cleanly is imported; every column or type that
 * does not is named with its sheet and row. Broken expressions and references
 * to questions that do not exist are errors: the form is not imported.
 *
 * Gangway columns beside the standard ones, for indicator mapping:
 * `indicator`, `dimension` and `indicator_when` (an expression on `.`).
 */

export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export interface ImportResult {
  form?: Form;
  problems: ImportProblem[];
}

/** Language names KoboToolbox and ODK authors write, to ISO 639 codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', thai: 'th', burmese: 'my', myanmar: 'my', khmer: 'km', cambodian: 'km', lao: 'lo', laotian: 'lo',
  vietnamese: 'vi', indonesian: 'id', 'bahasa indonesia': 'id', tagalog: 'tl', filipino: 'tl', french: 'fr', spanish: 'es', chinese: 'zh',
};

/** `English (en)`, `en`, `English` → `en` */
export function languageCode(spec: string): string | undefined {
  const s = spec.trim();
  const paren = /\(([a-z]{2,3})(?:[-_][A-Za-z]+)?\)\s*$/i.exec(s);
  if (paren) return paren[1]!.toLowerCase();
  if (/^[a-z]{2,3}$/i.test(s)) return s.toLowerCase();
  return LANGUAGE_NAMES[s.toLowerCase()];
}

const SURVEY_COLUMNS = new Set(['type', 'name', 'label', 'hint', 'relevant', 'constraint', 'constraint_message', 'required', 'repeat_count', 'media::audio', 'audio', 'indicator', 'dimension', 'indicator_when']);
const CHOICE_COLUMNS = new Set(['list_name', 'name', 'label']);
const SETTINGS_COLUMNS = new Set(['form_id', 'version', 'form_title', 'default_language']);
const SIMPLE_TYPES: Record<string, QuestionType> = { integer: 'integer', decimal: 'decimal', date: 'date', text: 'text', note: 'note', string: 'text', int: 'integer' };

interface Sheet {
  name: string;
  /** header → column, in sheet order */
  headers: { name: string; base: string; language?: string; col: number }[];
  rows: { row: number; cells: Map<number, string> }[];
}

function readSheet(ws: XlsxSheet): Sheet {
  const headers: Sheet['headers'] = [];
  const first = ws.rows[0]?.row === 1 ? ws.rows[0] : undefined;
  for (const c of first?.cells ?? []) {
    const name = cellText(c).trim();
    if (!name) continue;
    // `label::English (en)`, `media::audio::Burmese (my)`, `constraint_message::en`
    // pyxform's legacy single colon (`label:English`) is read like `label::English`.
    const parts = name.includes('::') ? name.split('::') : /^(label|hint|constraint_message|required_message|media|audio|image|video):/i.test(name) ? name.split(':') : [name];
    // `list name` (with a space) is pyxform's own spelling of list_name.
    let base = parts[0]!.trim().toLowerCase().replace(/^list name$/, 'list_name');
    let language: string | undefined;
    if (base === 'media' && parts.length >= 2) {
      base = `media::${parts[1]!.toLowerCase()}`;
      language = parts[2];
    } else language = parts[1];
    headers.push({ name, base, language, col: c.col });
  }
  const rows: Sheet['rows'] = [];
  for (const r of ws.rows) {
    if (r.row === 1) continue;
    const cells = new Map<number, string>();
    for (const c of r.cells) {
      // A formula saved without its result (written by a program, never opened in Excel) keeps its text.
      const t = (c.t === 'f' ? `=${c.formula ?? ''}` : cellText(c)).trim();
      if (t) cells.set(c.col, t);
    }
    if (cells.size) rows.push({ row: r.row, cells });
  }
  return { name: ws.name, headers, rows };
}

/**
 * An expression cell as pyxform reads it: typographic quotes (which Excel and Word put in by themselves)
 * become plain ones, and a TRUE/FALSE cell (typed, or a formula such as `=FALSE()`) is the XPath
 * constant, not a reference to a question named FALSE.
 */
export function expressionText(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (/^=?\s*(true|false)(\(\))?$/i.test(v)) return `${v.replace(/[=\s()]/g, '').toLowerCase()}()`;
  return v.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

export async function importXlsForm(bytes: Uint8Array, filename = 'form.xlsx'): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  let wb: XlsxWorkbook;
  try {
    wb = await readXlsx(bytes, { sheets: { names: ['survey', 'choices', 'settings'] } });
  } catch (e) {
    // The capped reader says whether the file is unreadable or which limit it passed, and what to do.
    const message = isGangwayError(e) ? e.message : `This is not a readable .xlsx workbook (${(e as Error).message}). Save it from Excel or LibreOffice as .xlsx and try again.`;
    return { problems: [{ level: 'error', sheet: filename, message }] };
  }
  const byName = (n: string) => wb.sheets.find((w) => w.name.trim().toLowerCase() === n);
  const surveyWs = byName('survey');
  if (!surveyWs) return { problems: [{ level: 'error', sheet: filename, message: 'The workbook has no "survey" sheet, so it is not an XLSForm.' }] };
  const survey = readSheet(surveyWs);
  const choicesWs = byName('choices');
  const settingsWs = byName('settings');
  for (const name of wb.sheetNames) {
    if (!['survey', 'choices', 'settings'].includes(name.trim().toLowerCase())) problems.push({ level: 'ignored', sheet: name, message: `The sheet "${name}" is not part of XLSForm as Gangway reads it; it was ignored.` });
  }

  // settings
  const settings: Record<string, string> = {};
  if (settingsWs) {
    const s = readSheet(settingsWs);
    const first = s.rows[0];
    for (const h of s.headers) {
      const v = first?.cells.get(h.col);
      if (!SETTINGS_COLUMNS.has(h.base)) {
        if (v !== undefined) problems.push({ level: 'ignored', sheet: s.name, row: first!.row, column: h.name, message: `The settings column "${h.name}" is not supported; it was ignored.` });
        continue;
      }
      if (v !== undefined) settings[h.base] = v;
    }
  }
  const defaultLanguage = languageCode(settings.default_language ?? 'en') ?? 'en';
  const languages = new Set<string>();

  const labelsFrom = (sheet: Sheet, r: Sheet['rows'][number], base: string): Labels | undefined => {
    const out: Labels = {};
    for (const h of sheet.headers) {
      if (h.base !== base) continue;
      const v = r.cells.get(h.col);
      if (v === undefined) continue;
      const lang = h.language === undefined ? defaultLanguage : languageCode(h.language);
      if (!lang) continue; // reported once per header below
      out[lang] = v;
      if (base === 'label') languages.add(lang);
    }
    return Object.keys(out).length ? out : undefined;
  };

  for (const sheet of [survey, ...(choicesWs ? [readSheet(choicesWs)] : [])]) {
    for (const h of sheet.headers) {
      if (h.language !== undefined && !languageCode(h.language)) {
        problems.push({ level: 'ignored', sheet: sheet.name, row: 1, column: h.name, message: `The language "${h.language}" is not recognised; write it as "Name (code)", e.g. "Burmese (my)". The column was ignored.` });
      }
    }
  }

  // choices
  const lists = new Map<string, Choice[]>();
  if (choicesWs) {
    const c = readSheet(choicesWs);
    const col = (n: string) => c.headers.find((h) => h.base === n && h.language === undefined)?.col;
    for (const h of c.headers) {
      if (!CHOICE_COLUMNS.has(h.base)) for (const r of c.rows) if (r.cells.has(h.col)) problems.push({ level: 'ignored', sheet: c.name, row: r.row, column: h.name, message: `The column "${h.name}" is not supported; its value on row ${r.row} was ignored.` });
    }
    for (const r of c.rows) {
      const list = r.cells.get(col('list_name') ?? -1);
      const value = r.cells.get(col('name') ?? -1);
      if (!list || !value) {
        problems.push({ level: 'error', sheet: c.name, row: r.row, message: 'A choice needs both list_name and name.' });
        continue;
      }
      const arr = lists.get(list) ?? [];
      arr.push({ value, label: labelsFrom(c, r, 'label') ?? { [defaultLanguage]: value } });
      lists.set(list, arr);
    }
  }

  // survey
  for (const h of survey.headers) {
    if (!SURVEY_COLUMNS.has(h.base)) {
      for (const r of survey.rows) {
        if (r.cells.has(h.col)) problems.push({ level: 'ignored', sheet: survey.name, row: r.row, column: h.name, message: `The column "${h.name}" is not supported; its value on row ${r.row} was ignored.` });
      }
    }
  }
  const cell = (r: Sheet['rows'][number], base: string) => {
    const h = survey.headers.find((x) => x.base === base && x.language === undefined);
    return h ? r.cells.get(h.col) : undefined;
  };

  type Frame = { group: Group | null; children: FormNode[]; row: number; kind: 'group' | 'repeat' | 'root' };
  const root: Frame = { group: null, children: [], row: 0, kind: 'root' };
  const stack: Frame[] = [root];
  const names = new Map<string, number>();
  const expressions: { row: number; column: string; src: string }[] = [];

  const expr = (r: Sheet['rows'][number], column: string): string | undefined => {
    const v = expressionText(cell(r, column));
    if (v !== undefined) expressions.push({ row: r.row, column, src: v });
    return v;
  };

  for (const r of survey.rows) {
    const rawType = (cell(r, 'type') ?? '').replace(/\s+/g, ' ').trim();
    const type = rawType.toLowerCase().replace(/^(begin|end)_(group|repeat)$/, '$1 $2');
    const name = cell(r, 'name');
    if (!rawType) {
      problems.push({ level: 'ignored', sheet: survey.name, row: r.row, column: 'type', message: `Row ${r.row} has no type; it was ignored.` });
      continue;
    }
    if (type === 'end group' || type === 'end repeat') {
      const top = stack.at(-1)!;
      const want = type === 'end group' ? 'group' : 'repeat';
      if (top.kind !== want) {
        problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'type', message: `"${rawType}" on row ${r.row} does not close an open ${want}.` });
        continue;
      }
      stack.pop();
      stack.at(-1)!.children.push({ ...top.group!, children: top.children });
      continue;
    }
    if (!name || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'name', message: `Row ${r.row} needs a name of letters, digits and _ (got "${name ?? ''}").` });
      continue;
    }
    if (names.has(name)) {
      problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'name', message: `The name "${name}" on row ${r.row} is already used on row ${names.get(name)}.` });
      continue;
    }
    names.set(name, r.row);
    const label = labelsFrom(survey, r, 'label') ?? {};
    const relevant = expr(r, 'relevant');
    if (type === 'begin group' || type === 'begin repeat') {
      const repeat = type === 'begin repeat';
      const repeatCount = repeat ? expr(r, 'repeat_count') : undefined;
      stack.push({ group: { kind: 'group', name, label, relevant, repeat, repeatCount, children: [] }, children: [], row: r.row, kind: repeat ? 'repeat' : 'group' });
      continue;
    }
    // Choice-list names keep their case (pyxform matches them exactly: `select_multiple AE_practices`).
    const [head, list, orOther] = [type.split(' ')[0], ...rawType.split(' ').slice(1)];
    let qType: QuestionType | undefined = SIMPLE_TYPES[head ?? ''];
    let choices: Choice[] | undefined;
    const withOther = (head === 'select_one' || head === 'select_multiple') && orOther?.toLowerCase() === 'or_other';
    if (head === 'select_one' || head === 'select_multiple') {
      choices = lists.get(list ?? '');
      // or_other, as pyxform does it: an "Other" choice, and a text question shown when it is picked.
      if (choices && withOther && !choices.some((c) => c.value === 'other')) choices = [...choices, { value: 'other', label: { [defaultLanguage]: 'Other' } }];
      if (!choices) {
        problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'type', message: `Row ${r.row} uses the choice list "${list ?? ''}", which the choices sheet does not have.` });
        continue;
      }
      const isYesNo = head === 'select_one' && choices.length === 2 && choices.map((c) => c.value).sort().join() === 'no,yes';
      qType = isYesNo ? 'yes_no' : head;
    }
    if (!qType) {
      problems.push({ level: 'ignored', sheet: survey.name, row: r.row, column: 'type', message: `The type "${rawType}" on row ${r.row} is not supported; the question "${name}" was left out.` });
      continue;
    }
    const requiredText = cell(r, 'required');
    let required: boolean | string = false;
    if (requiredText !== undefined) {
      const t = requiredText.toLowerCase();
      if (['yes', 'true', 'true()', '1'].includes(t)) required = true;
      else if (['no', 'false', 'false()', '0'].includes(t)) required = false;
      else required = expr(r, 'required')!;
    }
    const signals: Question['signals'] = [];
    const indicator = cell(r, 'indicator');
    if (indicator !== undefined) {
      const ind = Indicator.safeParse(indicator);
      const dim = Dimension.safeParse(cell(r, 'dimension'));
      const when = expr(r, 'indicator_when');
      if (!ind.success || !dim.success || !when) {
        problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'indicator', message: `Row ${r.row}: an indicator needs a known code (${Indicator.options.join(', ')}), a dimension (involuntariness or coercion) and indicator_when.` });
      } else signals.push({ indicator: ind.data, dimension: dim.data, when });
    }
    const audio = labelsFrom(survey, r, 'media::audio') ?? labelsFrom(survey, r, 'audio');
    stack.at(-1)!.children.push({
      kind: 'question',
      name,
      type: qType,
      label,
      hint: labelsFrom(survey, r, 'hint'),
      choices,
      required,
      relevant,
      constraint: expr(r, 'constraint'),
      constraintMessage: labelsFrom(survey, r, 'constraint_message'),
      audio,
      signals,
    });
    if (withOther) {
      const otherName = `${name}_other`;
      if (names.has(otherName)) problems.push({ level: 'error', sheet: survey.name, row: r.row, column: 'type', message: `Row ${r.row}: or_other adds the question "${otherName}", but row ${names.get(otherName)} already uses that name.` });
      names.set(otherName, r.row);
      stack.at(-1)!.children.push({ kind: 'question', name: otherName, type: 'text', label: { [defaultLanguage]: 'Specify other.' }, required: false, relevant: `selected(\${${name}}, 'other')`, signals: [] });
    }
  }
  for (const open of stack.slice(1)) {
    problems.push({ level: 'error', sheet: survey.name, row: open.row, column: 'type', message: `The ${open.kind} "${open.group!.name}" begun on row ${open.row} is never ended (end ${open.kind}).` });
  }

  // Expressions: readable, and every ${name} is a question or group of this form.
  for (const e of expressions) {
    try {
      for (const ref of references(parseExpression(e.src))) {
        if (!names.has(ref)) problems.push({ level: 'error', sheet: survey.name, row: e.row, column: e.column, message: `Row ${e.row}, ${e.column}: \${${ref}} refers to no question in this form.` });
      }
    } catch (err) {
      problems.push({ level: 'error', sheet: survey.name, row: e.row, column: e.column, message: `Row ${e.row}, ${e.column}: ${(err as Error).message}` });
    }
  }

  // One line per form naming every feature that did not come across, before the row-by-row list.
  const dropped = new Map<string, number>();
  for (const p of problems) if (p.level === 'ignored') dropped.set(p.column ?? `sheet ${p.sheet}`, (dropped.get(p.column ?? `sheet ${p.sheet}`) ?? 0) + 1);
  if (dropped.size) {
    const list = [...dropped].map(([what, n]) => `${what} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ');
    problems.unshift({ level: 'ignored', sheet: filename, message: `Not imported from this form: ${list}. Each is listed below with its row.` });
  }

  if (languages.size === 0) languages.add(defaultLanguage);
  if (problems.some((p) => p.level === 'error')) return { problems };
  const title = settings.form_title ?? filename.replace(/\.xlsx$/i, '');
  const parsed = Form.safeParse({
    id: settings.form_id ?? (title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'form'),
    version: settings.version ?? '1',
    title: { [defaultLanguage]: title },
    defaultLanguage,
    // An imported translation has not been reviewed by Gangway's process: the inspector is told so.
    languages: [...languages].map((language) => ({ language, reviewed: language === defaultLanguage })),
    texts: {},
    children: root.children,
  });
  if (!parsed.success) {
    return { problems: [...problems, ...parsed.error.issues.map((i) => ({ level: 'error' as const, sheet: survey.name, message: `${i.path.join('.')}: ${i.message}` }))] };
  }
  return { form: parsed.data, problems };
}

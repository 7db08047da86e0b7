import { buildFisherInterview, FISHER_INTERVIEW_ID } from '../../shared/forms/fisherInterview';
import { Form, type FormSummary } from '../../shared/forms/model';
import { GangwayError } from '../../shared/errors';
import type { Db } from '../store/database';
import { now } from '../store/repos/rows';

/** Questionnaires: the built-in fisher interview (from code) and imported XLSForms (from the store). */

let builtIn: Form | undefined;
export function builtInForm(): Form {
  builtIn ??= buildFisherInterview();
  return builtIn;
}

export function listForms(db: Db): FormSummary[] {
  const b = builtInForm();
  const rows = db.prepare('SELECT definition FROM forms ORDER BY id, imported_at DESC').all() as { definition: string }[];
  const imported = rows.map((r) => Form.parse(JSON.parse(r.definition)));
  return [b, ...imported].map((f) => ({ id: f.id, version: f.version, title: f.title, languages: f.languages, builtIn: f.id === FISHER_INTERVIEW_ID }));
}

export function getForm(db: Db, id: string, version?: string): Form {
  if (id === FISHER_INTERVIEW_ID && (version === undefined || version === builtInForm().version)) return builtInForm();
  const row = (
    version === undefined
      ? db.prepare('SELECT definition FROM forms WHERE id = ? ORDER BY imported_at DESC LIMIT 1').get(id)
      : db.prepare('SELECT definition FROM forms WHERE id = ? AND version = ?').get(id, version)
  ) as { definition: string } | undefined;
  if (!row) throw new GangwayError('NOT_FOUND', `There is no questionnaire "${id}"${version ? ` version ${version}` : ''}. Import it first (gangway forms import FILE.xlsx).`);
  return Form.parse(JSON.parse(row.definition));
}

export function saveForm(db: Db, form: Form, source: string): void {
  if (form.id === FISHER_INTERVIEW_ID) throw new GangwayError('CONFLICT', `The form id "${form.id}" belongs to the built-in interview. Give the imported form another form_id in its settings sheet.`);
  const exists = db.prepare('SELECT 1 FROM forms WHERE id = ? AND version = ?').get(form.id, form.version);
  if (exists) throw new GangwayError('CONFLICT', `Form "${form.id}" version ${form.version} is already imported. Raise the version in the settings sheet to import a changed form.`);
  db.prepare('INSERT INTO forms (id, version, definition, source, imported_at) VALUES (?, ?, ?, ?, ?)').run(form.id, form.version, JSON.stringify(form), source, now());
}

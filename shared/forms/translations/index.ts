import { en } from './en';
import { id } from './id';
import { km } from './km';
import { lo } from './lo';
import { my } from './my';
import { th } from './th';
import { tl } from './tl';
import { Translation } from './translation';
import { vi } from './vi';

export { Translation } from './translation';

/** English first: it is the source text and the fallback. */
export const TRANSLATIONS: readonly Translation[] = [en, th, my, km, lo, vi, id, tl].map((t) => Translation.parse(t));

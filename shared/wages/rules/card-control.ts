import { localMinutes } from '../dates';
import type { Flag, Transaction } from '../schemas';
import type { AtSeaInterval, WageSettingsParsed } from '../settings';

/**
 * Card-control signals: the fisher is paid by transfer as the law asks, but
 * someone else holds the card and takes the money out. Each signal cites the
 * transactions behind it; `suspected` holds the withdrawals treated as diverted.
 */
export interface CardControlResult {
  flags: Flag[];
  suspected: Set<string>;
}

export interface CrewAccount {
  crew: string;
  vessel: string;
}

const month = (t: Transaction) => t.bookedAt.slice(0, 7);

export function cardControlSignals(
  byAccount: ReadonlyMap<string, Transaction[]>,
  owners: ReadonlyMap<string, CrewAccount>,
  settings: WageSettingsParsed,
  atSea: Readonly<Record<string, readonly AtSeaInterval[]>> = {},
): CardControlResult {
  const flags: Flag[] = [];
  const suspected = new Set<string>();

  // 1. Most of a deposit withdrawn within hours of its arrival.
  const windowMin = settings.rapidWithdrawalHours * 60;
  for (const [account, txs] of byAccount) {
    const owner = owners.get(account);
    if (!owner) continue;
    const mins = txs.map((t) => localMinutes(t.bookedAt));
    for (let i = 0; i < txs.length; i++) {
      const d = txs[i]!;
      if (d.kind !== 'deposit') continue;
      const t0 = mins[i]!;
      const taken: Transaction[] = [];
      let sum = 0;
      for (let j = i + 1; j < txs.length; j++) {
        const w = txs[j]!;
        if (mins[j]! - t0 > windowMin) break;
        if (w.kind === 'withdrawal') {
          taken.push(w);
          sum += -w.amount;
        }
      }
      if (taken.length > 0 && sum >= settings.rapidWithdrawalShare * d.amount) {
        for (const w of taken) suspected.add(w.identity);
        flags.push({
          code: 'rapid_withdrawal',
          crew: owner.crew,
          month: month(d),
          severity: 'high',
          amount: sum,
          message: `${Math.round((sum / d.amount) * 100)}% of the deposit of ${d.bookedAt.slice(0, 10)} was withdrawn within ${settings.rapidWithdrawalHours} hours`,
          transactions: [d.identity, ...taken.map((w) => w.identity)],
        });
      }
    }
  }

  // 2. Several crew members' accounts emptied at one terminal within minutes.
  const byTerminal = new Map<string, Transaction[]>();
  for (const txs of byAccount.values()) {
    for (const t of txs) {
      if (t.kind !== 'withdrawal' || !t.terminalId || !owners.has(t.account)) continue;
      const list = byTerminal.get(t.terminalId) ?? [];
      list.push(t);
      byTerminal.set(t.terminalId, list);
    }
  }
  for (const [terminal, list] of byTerminal) {
    list.sort((a, b) => (a.bookedAt < b.bookedAt ? -1 : a.bookedAt > b.bookedAt ? 1 : 0));
    const mins = list.map((t) => localMinutes(t.bookedAt));
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j < list.length && mins[j]! - mins[i]! <= settings.sharedTerminalMinutes) j++;
      const cluster = list.slice(i, j);
      const accounts = new Set(cluster.map((t) => t.account));
      if (accounts.size >= settings.sharedTerminalMinAccounts) {
        const ids = cluster.map((t) => t.identity);
        for (const id of ids) suspected.add(id);
        for (const account of accounts) {
          const own = cluster.filter((t) => t.account === account);
          flags.push({
            code: 'shared_terminal',
            crew: owners.get(account)!.crew,
            month: month(own[0]!),
            severity: 'high',
            amount: own.reduce((s, t) => s - t.amount, 0),
            message: `Withdrawals from ${accounts.size} crew members' accounts at terminal ${terminal} within ${settings.sharedTerminalMinutes} minutes on ${cluster[0]!.bookedAt.slice(0, 10)}`,
            transactions: ids,
          });
        }
        i = j;
      } else i++;
    }
  }

  // 3. A withdrawal on land while the vessel's track puts its crew at sea.
  for (const [account, txs] of byAccount) {
    const owner = owners.get(account);
    const intervals = owner ? atSea[owner.vessel] : undefined;
    if (!owner || !intervals?.length) continue;
    for (const t of txs) {
      if (t.kind !== 'withdrawal') continue;
      const at = intervals.find((iv) => iv.from <= t.bookedAt && t.bookedAt <= iv.to);
      if (!at) continue;
      suspected.add(t.identity);
      flags.push({
        code: 'withdrawal_at_sea',
        crew: owner.crew,
        month: month(t),
        severity: 'high',
        amount: -t.amount,
        message: `Cash withdrawn${t.location ? ` at ${t.location}` : ''} on ${t.bookedAt.replace('T', ' ')} while the vessel was at sea (${at.from.replace('T', ' ')} to ${at.to.replace('T', ' ')})`,
        transactions: [t.identity],
      });
    }
  }
  return { flags, suspected };
}

import type { Ledger } from './ledger';

type Method = Exclude<keyof Ledger, 'atomically'>;

/**
 * The ledger's operations answered through promises, as a database reached over the network answers them. Each keeps
 * the meaning documented on `Ledger`; `atomically` runs asynchronous work, and the ledger calls it awaits one after
 * the other (not in parallel) take part in its transaction.
 */
export type AsyncLedger = {
  [K in Method]: (...args: Parameters<Ledger[K]>) => Promise<ReturnType<Ledger[K]>>;
} & {
  atomically<T>(work: () => Promise<T>): Promise<T>;
};

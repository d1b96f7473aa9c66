/**
 * Messages of the kiosk's and the console's catalogues: a sentence, or its plural forms, picked for the `count`
 * parameter by the language's `Intl.PluralRules` ("1 punch", "2 punches"; "1 wartet", "3 warten"). `other` is
 * required, as every language has it; a form the language's rules ask for but the catalogue lacks falls back to it.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every text a message may show, for checks that look at all its forms. */
export function messageForms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

/** Picks the form, then fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(message: Message, params: MessageParams, plurals: Intl.PluralRules): string {
  const text =
    typeof message === 'string' ? message : (message[plurals.select(Number(params.count))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

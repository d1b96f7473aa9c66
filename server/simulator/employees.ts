import type { SimEmployee } from './types';

/** The demo company: deterministic, so every test, demo and benchmark sees the same people. */

// prettier-ignore
const FIRST_NAMES = [
  'Ana', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas',
  'Katrin', 'Lukas', 'Marta', 'Nils', 'Olivia', 'Pablo', 'Quentin', 'Rosa', 'Sven', 'Tara',
];
// prettier-ignore
const LAST_NAMES = [
  'Garcia', 'Schmidt', 'Rossi', 'Dubois', 'Jansen', 'Novak', 'Silva', 'Berg',
  'Costa', 'Weber', 'Moreau', 'Lopez', 'Fischer', 'Meyer', 'Ortega',
];
const LANGUAGES = ['en', 'de', 'es', 'fr', 'nl'];
export const DEMO_EMPLOYEE_COUNT = FIRST_NAMES.length * LAST_NAMES.length;
/** The badge of the one inactive demo employee (someone who left the company). */
export const INACTIVE_DEMO_BADGE = 'B-1300';

/** A 24-hex id shaped like a MongoDB ObjectId: fixed timestamp and machine bytes, then a counter. */
export function demoObjectId(prefix: string, counter: number): string {
  return `${prefix}${counter.toString(16).padStart(24 - prefix.length, '0')}`;
}

function demoEmployee(index: number): SimEmployee {
  const firstName = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Demo';
  const lastName = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Employee';
  const externalId = `B-${1001 + index}`;
  return {
    _id: demoObjectId('5f1e2c409a7b3c1d2e', index + 1),
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@demo.example`,
    externalId,
    isActive: externalId !== INACTIVE_DEMO_BADGE,
    language: LANGUAGES[index % LANGUAGES.length] ?? 'en',
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
  };
}

export const DEMO_EMPLOYEES: readonly SimEmployee[] = Object.freeze(
  Array.from({ length: DEMO_EMPLOYEE_COUNT }, (_, index) => Object.freeze(demoEmployee(index))),
);

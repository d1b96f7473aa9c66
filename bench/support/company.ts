/**
 * The benchmarks' company: `count` employees the simulator knows, with badges `E-20001`… and unique emails, built
 * deterministically so that every run sees the same people. The demo company (about 300) is too small for 500.
 */
import type { SimEmployee } from '../../server/simulator';

export function benchCompany(count: number): SimEmployee[] {
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      _id: `be00c0ffee${number.toString(16).padStart(14, '0')}`,
      email: `worker.${number}@bench.example`,
      externalId: `E-${20000 + number}`,
      isActive: true,
      language: 'en',
      firstName: 'Worker',
      lastName: String(number),
      displayName: `Worker ${number}`,
    };
  });
}

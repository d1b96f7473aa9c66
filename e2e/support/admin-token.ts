/** The admin token of the end-to-end server (`serve.ts`); tests send it as `Authorization: Bearer …`. */
export const E2E_ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-not-a-secret-0123456789';

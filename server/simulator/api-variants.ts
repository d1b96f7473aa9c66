import * as z from 'zod';

/**
 * Answers Kenjo's published contract allows, or that a network in front of Kenjo produces, switched like the
 * faults (at start and through `/__simulator/faults`). All off by default: the default answers are the plain
 * published shapes.
 */
export interface ApiVariants {
  /** `/employees` types `isActive` as the published schema does: the string "true" or "false". */
  isActiveAsString: boolean;
  /** Some employees come without email or externalId, as missing fields or `null` (see `employee-variants.ts`). */
  employeesWithoutIdentifiers: boolean;
  /** `/employees` also lists records that cannot be used: no `_id`, an `isActive` of an odd type. */
  malformedEmployees: boolean;
  /** Above 0, the employee lists answer `{data, metadata}` pages of this size, following `offset` (a page number). */
  employeePageSize: number;
  /** Injected 5xx are a gateway's HTML page (`502 Bad Gateway`, `text/html`) instead of Kenjo's JSON error. */
  htmlGatewayErrors: boolean;
  /** Every Kenjo call is answered with this status: 403 (a key without access), 404 (a wrong base URL). */
  refuseAllWith: 0 | 403 | 404;
  /** With `refuseAllWith`, whether the login is refused too (else it succeeds and every later call is refused). */
  refuseLogin: boolean;
  /** The status of a login with a wrong key: 401 (the simulator's default) or 400 (the published error status). */
  wrongKeyStatus: 400 | 401;
  /** A share of track-time calls answered `200` with an HTML page by something in between; nothing is stored. */
  captivePortalRate: number;
}

export const DEFAULT_API_VARIANTS: Readonly<ApiVariants> = Object.freeze<ApiVariants>({
  isActiveAsString: false,
  employeesWithoutIdentifiers: false,
  malformedEmployees: false,
  employeePageSize: 0,
  htmlGatewayErrors: false,
  refuseAllWith: 0,
  refuseLogin: true,
  wrongKeyStatus: 401,
  captivePortalRate: 0,
});

/** The patch fields of the variants, spread into the faults' patch schema. */
export const apiVariantsPatchShape = {
  isActiveAsString: z.boolean().optional(),
  employeesWithoutIdentifiers: z.boolean().optional(),
  malformedEmployees: z.boolean().optional(),
  employeePageSize: z.number().int().min(0).max(1000).optional(),
  htmlGatewayErrors: z.boolean().optional(),
  refuseAllWith: z.union([z.literal(0), z.literal(403), z.literal(404)]).optional(),
  refuseLogin: z.boolean().optional(),
  wrongKeyStatus: z.union([z.literal(400), z.literal(401)]).optional(),
  captivePortalRate: z.number().min(0).max(1).optional(),
};

export const GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

export const CAPTIVE_PORTAL_HTML =
  '<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><form>Accept the terms</form></body></html>';

/**
 * The Go Ekspor part of the API contract (featured products, legality and certificates,
 * activities, readiness, pipeline). Merged into shared/contract.ts; kept in its own file so the
 * program's methods read together.
 */
export const goEksporContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GoEksporResults {}

/** The Go Ekspor side of the contract (see shared/goekspor-contract.ts). */
export const goEksporHandlers = {};

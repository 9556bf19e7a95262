/** What other modules of the SPA may use from the unit module. */
export { useTitleSeats } from './hooks';

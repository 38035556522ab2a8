/** Where services get the time, so tests can freeze it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

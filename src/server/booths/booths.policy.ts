import { canEditEvent, canViewEvent } from '../events/events.policy';

/** Everyone in the event sees the floor (a unit officer their own units' booths); organizers allocate it. */
export const canViewBooths = canViewEvent;
export const canEditBooths = canEditEvent;
/** The allocation list carries the people in charge with their phones: organizers print it. */
export const canPrintBooths = canEditEvent;
